namespace Tradewind.Core.Analytics;

/// <summary>
/// The performance of a run from its equity curve and closed trades. Every figure is defined in
/// <c>docs/statistics.md</c>; a figure that is undefined for the input (no trades, σ = 0, a single point ...)
/// is null, never NaN or infinity.
/// </summary>
public sealed record PerformanceStatistics
{
    /// <summary>A per-period dispersion below this counts as zero: it is rounding noise, and dividing by it gives nonsense.</summary>
    public const double ZeroDispersion = 1e-12;

    /// <summary>Days in a calendar year, for converting the curve's span into years.</summary>
    public const double DaysPerYear = 365.25;

    private PerformanceStatistics()
    {
    }

    /// <summary>The annualization factor used.</summary>
    public double PeriodsPerYear { get; private init; }

    /// <summary>The annual risk-free rate used.</summary>
    public double RiskFreeRate { get; private init; }

    /// <summary>Time of the first equity point.</summary>
    public DateTime Start { get; private init; }

    /// <summary>Time of the last equity point.</summary>
    public DateTime End { get; private init; }

    /// <summary>Number of equity points (bars).</summary>
    public int Bars { get; private init; }

    /// <summary>Number of periodic returns: bars − 1.</summary>
    public int Periods { get; private init; }

    /// <summary>(End − Start) in days / 365.25.</summary>
    public double Years { get; private init; }

    /// <summary>Equity at the first point.</summary>
    public double StartEquity { get; private init; }

    /// <summary>Equity at the last point.</summary>
    public double EndEquity { get; private init; }

    /// <summary>Cash paid in minus cash taken out after the first point (0 without flows).</summary>
    public double NetFlows { get; private init; }

    /// <summary>What the account earned: end equity − start equity − net flows.</summary>
    public double ProfitLoss { get; private init; }

    /// <summary>
    /// Time-weighted: the performance index's end / start − 1, which is end equity / start equity − 1 without flows;
    /// with contributions or withdrawals each period's return is taken net of its flow (see <see cref="EquityCurve.PerformanceIndex"/>).
    /// </summary>
    public double TotalReturn { get; private init; }

    /// <summary>(End / start)^(1 / years) − 1; −1 when end equity ≤ 0; null when years = 0.</summary>
    public double? Cagr { get; private init; }

    /// <summary>Sample standard deviation (n − 1) of periodic simple returns × √periods per year; null with fewer than 2 returns.</summary>
    public double? Volatility { get; private init; }

    /// <summary>(Mean periodic return − rf / periods) / σ × √periods; null when σ is undefined or zero.</summary>
    public double? Sharpe { get; private init; }

    /// <summary>(Mean periodic return − rf / periods) / downside deviation × √periods; null when that deviation is undefined or zero.</summary>
    public double? Sortino { get; private init; }

    /// <summary>The largest (peak − equity) / peak over the curve, from a running peak; 0 when equity never falls.</summary>
    public double MaxDrawdown { get; private init; }

    /// <summary>The drawdown whose depth is <see cref="MaxDrawdown"/> (the first when tied); null when equity never falls.</summary>
    public DrawdownPeriod? MaxDrawdownPeriod { get; private init; }

    /// <summary>The drawdown that lasted the most bars, peak to recovery or to the end (the first when tied); null when equity never falls.</summary>
    public DrawdownPeriod? LongestDrawdownPeriod { get; private init; }

    /// <summary>CAGR / max drawdown; null when either is undefined or the drawdown is 0.</summary>
    public double? Calmar { get; private init; }

    /// <summary>Fraction of bars whose gross exposure is not 0.</summary>
    public double Exposure { get; private init; }

    /// <summary>Σ traded notional over the whole curve.</summary>
    public double TradedNotional { get; private init; }

    /// <summary>Σ traded notional / mean equity over the whole run (1 means the book was traded once); null when mean equity ≤ 0.</summary>
    public double? Turnover { get; private init; }

    /// <summary><see cref="Turnover"/> / years; null when either is undefined or years = 0.</summary>
    public double? AnnualTurnover { get; private init; }

    /// <summary>Number of closed trades.</summary>
    public int TradeCount { get; private init; }

    /// <summary>Trades with P&amp;L &gt; 0.</summary>
    public int WinningTrades { get; private init; }

    /// <summary>Trades with P&amp;L &lt; 0 (a trade at exactly 0 is neither).</summary>
    public int LosingTrades { get; private init; }

    /// <summary>Winning trades / all trades; null with no trades.</summary>
    public double? WinRate { get; private init; }

    /// <summary>Σ P&amp;L of all trades.</summary>
    public decimal NetProfit { get; private init; }

    /// <summary>Σ P&amp;L of winning trades (≥ 0).</summary>
    public decimal GrossProfit { get; private init; }

    /// <summary>Σ |P&amp;L| of losing trades (≥ 0, a magnitude).</summary>
    public decimal GrossLoss { get; private init; }

    /// <summary>Mean P&amp;L per trade in money (net profit / trades); null with no trades.</summary>
    public decimal? Expectancy { get; private init; }

    /// <summary>Mean R multiple over the trades whose initial risk is known; null when none is.</summary>
    public double? ExpectancyR { get; private init; }

    /// <summary>Number of trades with a known initial risk (those <see cref="ExpectancyR"/> averages).</summary>
    public int TradesWithRisk { get; private init; }

    /// <summary>Gross profit / gross loss; null when there is no losing trade (infinite with wins, undefined without).</summary>
    public double? ProfitFactor { get; private init; }

    /// <summary>Mean P&amp;L of winning trades (&gt; 0); null with no wins.</summary>
    public decimal? AverageWin { get; private init; }

    /// <summary>Mean P&amp;L of losing trades (&lt; 0, a signed amount); null with no losses.</summary>
    public decimal? AverageLoss { get; private init; }

    /// <summary>The trade with the highest P&amp;L (the first when tied); null with no trades.</summary>
    public ClosedTrade? BestTrade { get; private init; }

    /// <summary>The trade with the lowest P&amp;L (the first when tied); null with no trades.</summary>
    public ClosedTrade? WorstTrade { get; private init; }

    /// <summary>Computes the statistics of a curve with at least one point and its closed trades.</summary>
    /// <exception cref="ArgumentException">The curve is empty.</exception>
    public static PerformanceStatistics Compute(EquityCurve curve, IReadOnlyList<ClosedTrade> trades, PerformanceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(parameters);
        if (curve.Count == 0)
        {
            throw new ArgumentException("the equity curve has no points: statistics need at least one", nameof(curve));
        }

        var time = curve.Time;
        var equity = curve.Equity;
        // Returns and drawdowns come from the time-weighted index: the equity itself unless cash flowed in or out.
        var index = curve.PerformanceIndex;
        var n = equity.Length;
        var first = index[0];
        var last = index[n - 1];
        var years = (time[n - 1] - time[0]).TotalDays / DaysPerYear;
        double? cagr = years <= 0 ? null : last <= 0 ? -1 : Math.Pow(last / first, 1 / years) - 1;
        var returns = ReturnStatistics(index, parameters);
        var (maxPeriod, longestPeriod) = DrawdownPeriods(time, index);
        var maxDrawdown = curve.MaxDrawdown;
        var netFlows = curve.NetFlows;

        var exposed = curve.ExposedPoints;
        var traded = curve.TotalTradedNotional;
        var equitySum = 0.0;
        for (var i = 0; i < n; i++)
        {
            equitySum += equity[i];
        }

        var meanEquity = equitySum / n;
        double? turnover = meanEquity > 0 ? traded / meanEquity : null;

        var statistics = new PerformanceStatistics
        {
            PeriodsPerYear = parameters.PeriodsPerYear,
            RiskFreeRate = parameters.RiskFreeRate,
            Start = time[0],
            End = time[n - 1],
            Bars = n,
            Periods = n - 1,
            Years = years,
            StartEquity = equity[0],
            EndEquity = equity[n - 1],
            NetFlows = netFlows,
            ProfitLoss = equity[n - 1] - equity[0] - netFlows,
            TotalReturn = last / first - 1,
            Cagr = cagr,
            Volatility = returns.Volatility,
            Sharpe = returns.Sharpe,
            Sortino = returns.Sortino,
            MaxDrawdown = maxDrawdown,
            MaxDrawdownPeriod = maxPeriod,
            LongestDrawdownPeriod = longestPeriod,
            Calmar = cagr is { } c && maxDrawdown > 0 ? c / maxDrawdown : null,
            Exposure = (double)exposed / n,
            TradedNotional = traded,
            Turnover = turnover,
            AnnualTurnover = turnover is { } t && years > 0 ? t / years : null,
        };
        return WithTrades(statistics, trades);
    }

    private static (double? Volatility, double? Sharpe, double? Sortino) ReturnStatistics(ReadOnlySpan<double> equity, PerformanceParameters parameters)
    {
        var periods = equity.Length - 1;
        if (periods < 2)
        {
            return (null, null, null);
        }

        // A simple return from equity ≤ 0 means nothing; a ruined account has no volatility to speak of.
        for (var i = 0; i < periods; i++)
        {
            if (equity[i] <= 0)
            {
                return (null, null, null);
            }
        }

        var sum = 0.0;
        for (var i = 1; i <= periods; i++)
        {
            sum += equity[i] / equity[i - 1] - 1;
        }

        var mean = sum / periods;
        var riskFreePerPeriod = parameters.RiskFreeRate / parameters.PeriodsPerYear;
        var squares = 0.0;
        var downsideSquares = 0.0;
        for (var i = 1; i <= periods; i++)
        {
            var r = equity[i] / equity[i - 1] - 1;
            squares += (r - mean) * (r - mean);
            var shortfall = Math.Min(0, r - riskFreePerPeriod);
            downsideSquares += shortfall * shortfall;
        }

        var sigma = Math.Sqrt(squares / (periods - 1));
        var downside = Math.Sqrt(downsideSquares / periods);
        var annualizer = Math.Sqrt(parameters.PeriodsPerYear);
        var excess = mean - riskFreePerPeriod;
        double? sharpe = sigma > ZeroDispersion ? excess / sigma * annualizer : null;
        double? sortino = downside > ZeroDispersion ? excess / downside * annualizer : null;
        return (sigma * annualizer, sharpe, sortino);
    }

    private static (DrawdownPeriod? Deepest, DrawdownPeriod? Longest) DrawdownPeriods(ReadOnlySpan<DateTime> time, ReadOnlySpan<double> equity)
    {
        DrawdownPeriod? deepest = null;
        DrawdownPeriod? longest = null;
        var peak = equity[0];
        var peakIndex = 0;
        var troughIndex = -1;
        var depth = 0.0;
        for (var i = 1; i <= equity.Length; i++)
        {
            var ended = i == equity.Length;
            if (ended || equity[i] >= peak)
            {
                if (troughIndex >= 0)
                {
                    var end = ended ? i - 1 : i;
                    var period = new DrawdownPeriod(peakIndex, troughIndex, end, time[peakIndex], time[troughIndex], time[end], depth, !ended);
                    if (deepest is null || period.Depth > deepest.Depth)
                    {
                        deepest = period;
                    }

                    if (longest is null || period.Bars > longest.Bars)
                    {
                        longest = period;
                    }
                }

                if (!ended)
                {
                    peak = equity[i];
                    peakIndex = i;
                    troughIndex = -1;
                    depth = 0;
                }
            }
            else
            {
                var drawdown = (peak - equity[i]) / peak;
                if (troughIndex < 0 || drawdown > depth)
                {
                    depth = drawdown;
                    troughIndex = i;
                }
            }
        }

        return (deepest, longest);
    }

    private static PerformanceStatistics WithTrades(PerformanceStatistics statistics, IReadOnlyList<ClosedTrade> trades)
    {
        var count = trades.Count;
        if (count == 0)
        {
            return statistics;
        }

        var wins = 0;
        var losses = 0;
        var net = 0m;
        var grossProfit = 0m;
        var grossLoss = 0m;
        var withRisk = 0;
        var rSum = 0.0;
        var best = trades[0];
        var worst = trades[0];
        for (var i = 0; i < count; i++)
        {
            var trade = trades[i];
            ArgumentNullException.ThrowIfNull(trade, nameof(trades));
            net += trade.ProfitLoss;
            if (trade.IsWin)
            {
                wins++;
                grossProfit += trade.ProfitLoss;
            }
            else if (trade.IsLoss)
            {
                losses++;
                grossLoss -= trade.ProfitLoss;
            }

            if (trade.RMultiple is { } r)
            {
                withRisk++;
                rSum += r;
            }

            if (trade.ProfitLoss > best.ProfitLoss)
            {
                best = trade;
            }

            if (trade.ProfitLoss < worst.ProfitLoss)
            {
                worst = trade;
            }
        }

        return statistics with
        {
            TradeCount = count,
            WinningTrades = wins,
            LosingTrades = losses,
            WinRate = (double)wins / count,
            NetProfit = net,
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            Expectancy = net / count,
            ExpectancyR = withRisk > 0 ? rSum / withRisk : null,
            TradesWithRisk = withRisk,
            ProfitFactor = grossLoss > 0 ? (double)(grossProfit / grossLoss) : null,
            AverageWin = wins > 0 ? grossProfit / wins : null,
            AverageLoss = losses > 0 ? -grossLoss / losses : null,
            BestTrade = best,
            WorstTrade = worst,
        };
    }
}
