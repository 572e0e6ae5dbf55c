using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;

namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// The figures of one backtest run, as summary.json, the database and the command's table show them. Built from a
/// <see cref="BacktestResult"/> and the time the run took (Core reads no clock). Ratios are fractions (0.12 = 12 %);
/// a figure that is undefined for the run (no trades, no losing trade, ...) is null. See docs/backtest.md.
/// </summary>
public sealed record BacktestSummary
{
    /// <summary>Identifies the run in the database and across its outputs (a time-ordered UUID v7).</summary>
    public required Guid RunId { get; init; }

    /// <summary>When the run was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The strategy's catalogue name.</summary>
    public required string Strategy { get; init; }

    /// <summary>Every parameter with its value as text, in the definition's order (defaults included).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; }

    /// <summary>The symbols traded.</summary>
    public required IReadOnlyList<Symbol> Symbols { get; init; }

    /// <summary>The bar length.</summary>
    public required Resolution Resolution { get; init; }

    /// <summary>The first bar of the traded period (UTC).</summary>
    public required DateTime Start { get; init; }

    /// <summary>The last bar of the traded period (UTC).</summary>
    public required DateTime End { get; init; }

    /// <summary>Symbol-bars processed in the traded period (warm-up excluded).</summary>
    public required long Bars { get; init; }

    /// <summary>Closed round trips.</summary>
    public required int ClosedTrades { get; init; }

    /// <summary>Executions (fills), buys and sells.</summary>
    public required int FillCount { get; init; }

    /// <summary>Orders placed, whatever became of them.</summary>
    public required int OrderCount { get; init; }

    /// <summary>The cash deposited before the first bar.</summary>
    public required decimal InitialCash { get; init; }

    /// <summary>Cash + positions at the last closes.</summary>
    public required decimal FinalEquity { get; init; }

    /// <summary>Cash paid in (less cash taken out) after the initial cash, e.g. the capital allocator's daily capital; 0 for most strategies.</summary>
    public decimal Contributions { get; init; }

    /// <summary>Commissions paid.</summary>
    public required decimal Fees { get; init; }

    /// <summary>
    /// The positions still held at the end, valued at their last close: not round trips, so not in <see cref="ClosedTrades"/>,
    /// the win rate or the expectancy, but in <see cref="FinalEquity"/>.
    /// </summary>
    public IReadOnlyList<OpenPosition> OpenPositions { get; init; } = [];

    /// <summary>The open positions' P&amp;L at their last close, before the commission a sale would cost.</summary>
    public decimal UnrealizedPnL => OpenPositions.Sum(p => p.UnrealizedPnL);

    /// <summary>End equity / start equity − 1; time-weighted (contributions removed) when cash was paid in or out during the run.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate.</summary>
    public double? Cagr { get; init; }

    /// <summary>Annualized volatility of the bar returns.</summary>
    public double? Volatility { get; init; }

    /// <summary>Annualized Sharpe ratio.</summary>
    public double? Sharpe { get; init; }

    /// <summary>Annualized Sortino ratio.</summary>
    public double? Sortino { get; init; }

    /// <summary>The deepest fall from a running peak, a fraction ≥ 0.</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>The longest drawdown, peak to recovery (or to the end), in bars; null when equity never fell.</summary>
    public int? MaxDrawdownDuration { get; init; }

    /// <summary>CAGR / max drawdown.</summary>
    public double? Calmar { get; init; }

    /// <summary>Winning trades / closed trades.</summary>
    public double? WinRate { get; init; }

    /// <summary>Mean P&amp;L per closed trade, in money.</summary>
    public decimal? Expectancy { get; init; }

    /// <summary>Mean R multiple of the trades whose initial risk is known.</summary>
    public double? ExpectancyR { get; init; }

    /// <summary>Gross profit / gross loss.</summary>
    public double? ProfitFactor { get; init; }

    /// <summary>Mean P&amp;L of winning trades.</summary>
    public decimal? AverageWin { get; init; }

    /// <summary>Mean P&amp;L of losing trades (negative).</summary>
    public decimal? AverageLoss { get; init; }

    /// <summary>Fraction of bars with a position.</summary>
    public required double Exposure { get; init; }

    /// <summary>Traded notional / mean equity over the run.</summary>
    public double? Turnover { get; init; }

    /// <summary>The best closed trade's P&amp;L.</summary>
    public decimal? BestTrade { get; init; }

    /// <summary>The worst closed trade's P&amp;L.</summary>
    public decimal? WorstTrade { get; init; }

    /// <summary>The commission SPEC, e.g. <c>per-share:0.005,min:1</c>.</summary>
    public required string Commission { get; init; }

    /// <summary>The slippage in basis points.</summary>
    public required decimal SlippageBps { get; init; }

    /// <summary>The fill rule's name.</summary>
    public required string FillRule { get; init; }

    /// <summary>The annual risk-free rate used for Sharpe and Sortino.</summary>
    public required double RiskFreeRate { get; init; }

    /// <summary>The most gross exposure per unit of equity that buys could reach (1 = cash only).</summary>
    public decimal MaxLeverage { get; init; } = 1m;

    /// <summary>Whether equities traded whole shares only (crypto keeps its lot size).</summary>
    public bool WholeShares { get; init; }

    /// <summary>How long the engine took, loading and outputs excluded.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The summary of <paramref name="result"/>, made at <paramref name="createdAt"/> and run in <paramref name="elapsed"/>;
    /// <paramref name="wholeShares"/> says whether the run's quantity rules made equities whole shares (the engine
    /// options hold the rules as a function, which cannot say so itself).
    /// </summary>
    public static BacktestSummary From(BacktestResult result, Guid runId, DateTimeOffset createdAt, TimeSpan elapsed, bool wholeShares = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Statistics;
        return new BacktestSummary
        {
            RunId = runId,
            CreatedAt = createdAt,
            Strategy = result.Strategy,
            Parameters = result.Parameters,
            Symbols = result.Symbols,
            Resolution = result.Resolution,
            Start = s.Start,
            End = s.End,
            Bars = result.Bars,
            ClosedTrades = result.Journal.ClosedTrades.Count,
            FillCount = result.Journal.Fills.Count,
            OrderCount = result.Journal.OrderCount,
            InitialCash = result.Options.InitialCash,
            FinalEquity = result.FinalEquity,
            Contributions = result.Final.NetContributions - result.Options.InitialCash,
            Fees = result.Final.Fees,
            OpenPositions = result.OpenPositions,
            TotalReturn = s.TotalReturn,
            Cagr = s.Cagr,
            Volatility = s.Volatility,
            Sharpe = s.Sharpe,
            Sortino = s.Sortino,
            MaxDrawdown = s.MaxDrawdown,
            MaxDrawdownDuration = s.LongestDrawdownPeriod?.Bars,
            Calmar = s.Calmar,
            WinRate = s.WinRate,
            Expectancy = s.Expectancy,
            ExpectancyR = s.ExpectancyR,
            ProfitFactor = s.ProfitFactor,
            AverageWin = s.AverageWin,
            AverageLoss = s.AverageLoss,
            Exposure = s.Exposure,
            Turnover = s.Turnover,
            BestTrade = s.BestTrade?.ProfitLoss,
            WorstTrade = s.WorstTrade?.ProfitLoss,
            Commission = result.Commission,
            SlippageBps = result.SlippageBps,
            FillRule = result.FillRule,
            RiskFreeRate = s.RiskFreeRate,
            MaxLeverage = result.Options.MaxLeverage,
            WholeShares = wholeShares,
            Elapsed = elapsed,
        };
    }

    /// <summary>How a bar time of this run is shown: a date for daily and weekly bars, exchange-local ISO 8601 otherwise.</summary>
    public string FormatTime(DateTime utc) => BarTimeFormat.Format(utc, Resolution, Symbols[0]);

    /// <summary>The parameters as <c>fast=20 slow=50</c>.</summary>
    public string ParametersText => string.Join(' ', Parameters.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// The figures as people read them, label and text, in the order the command's table and the HTML report show them:
    /// percentages with two decimals, money with thousands separators and cents, "n/a" for an undefined figure.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Figures() =>
    [
        new("Strategy", Strategy),
        new("Parameters", ParametersText.Length == 0 ? "none" : ParametersText),
        new("Symbols", $"{string.Join(", ", Symbols)} ({Resolution})"),
        new("Period", $"{FormatTime(Start)} to {FormatTime(End)}"),
        new("Bars", Bars.ToString("N0", CultureInfo.InvariantCulture)),
        new("Initial cash", Money(InitialCash)),
        .. (Contributions != 0m ? [new KeyValuePair<string, string>("Contributions", Money(Contributions))] : Array.Empty<KeyValuePair<string, string>>()),
        new("Final equity", Money(FinalEquity)),
        new("Total return", Percent(TotalReturn)),
        new("CAGR", Percent(Cagr)),
        new("Volatility", Percent(Volatility)),
        new("Sharpe", Ratio(Sharpe)),
        new("Sortino", Ratio(Sortino)),
        new("Max drawdown", Percent(MaxDrawdown)),
        new("Longest drawdown", MaxDrawdownDuration is { } d ? $"{d.ToString("N0", CultureInfo.InvariantCulture)} bars" : "n/a"),
        new("Calmar", Ratio(Calmar)),
        new("Closed trades", ClosedTrades.ToString("N0", CultureInfo.InvariantCulture)),
        new("Win rate", Percent(WinRate)),
        new("Expectancy", Money(Expectancy)),
        new("Expectancy (R)", Ratio(ExpectancyR)),
        new("Profit factor", Ratio(ProfitFactor)),
        new("Average win", Money(AverageWin)),
        new("Average loss", Money(AverageLoss)),
        new("Best trade", Money(BestTrade)),
        new("Worst trade", Money(WorstTrade)),
        new("Exposure", Percent(Exposure)),
        new("Turnover", Ratio(Turnover)),
        new("Open positions", OpenPositions.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"{OpenPositions.Count:N0}, unrealized P&L {Money(UnrealizedPnL)} (not in the trade figures)")),
        new("Fills", FillCount.ToString("N0", CultureInfo.InvariantCulture)),
        new("Fees", Money(Fees)),
        new("Costs", string.Create(CultureInfo.InvariantCulture,
            $"commission {Commission}, slippage {Exact(SlippageBps)} bps, fill {FillRule}, risk-free {Percent(RiskFreeRate)}, leverage {Exact(MaxLeverage)}x, {(WholeShares ? "whole shares" : "fractional shares")}")),
        new("Run id", RunId.ToString()),
        new("Elapsed", string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds:N0} ms")),
    ];

    /// <summary>
    /// The summary as JSON: snake_case keys, money and figures as JSON numbers (invariant culture), undefined figures as
    /// null, parameters as an object of numbers, booleans and strings.
    /// </summary>
    public string ToJson(bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteJson(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The parameters as one JSON object, as the summary holds them: <c>{"fast":20,"slow":50,"size":0}</c>.</summary>
    public string ParametersJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteParameters(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the summary as one JSON object (see <see cref="ToJson"/>).</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("run_id", RunId.ToString());
        json.WriteString("created_at", CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("strategy", Strategy);
        json.WritePropertyName("parameters");
        WriteParameters(json);
        json.WriteStartArray("symbols");
        foreach (var symbol in Symbols)
        {
            json.WriteStringValue(symbol.Ticker);
        }

        json.WriteEndArray();
        json.WriteString("resolution", Resolution.ToString());
        json.WriteString("start", FormatTime(Start));
        json.WriteString("end", FormatTime(End));
        json.WriteNumber("bars", Bars);
        json.WriteNumber("closed_trades", ClosedTrades);
        json.WriteNumber("trade_count", ClosedTrades);
        json.WriteNumber("fill_count", FillCount);
        json.WriteNumber("order_count", OrderCount);
        json.WriteNumber("initial_cash", Exact(InitialCash));
        json.WriteNumber("final_equity", Exact(FinalEquity));
        json.WriteNumber("contributions", Exact(Contributions));
        json.WriteNumber("fees", Exact(Fees));
        json.WriteNumber("unrealized_pnl", Exact(UnrealizedPnL));
        json.WriteNumber("total_return", TotalReturn);
        Number(json, "cagr", Cagr);
        Number(json, "volatility", Volatility);
        Number(json, "sharpe", Sharpe);
        Number(json, "sortino", Sortino);
        json.WriteNumber("max_drawdown", MaxDrawdown);
        Number(json, "max_drawdown_duration", MaxDrawdownDuration);
        Number(json, "calmar", Calmar);
        Number(json, "win_rate", WinRate);
        Number(json, "expectancy", Expectancy);
        Number(json, "expectancy_r", ExpectancyR);
        Number(json, "profit_factor", ProfitFactor);
        Number(json, "avg_win", AverageWin);
        Number(json, "avg_loss", AverageLoss);
        json.WriteNumber("exposure", Exposure);
        Number(json, "turnover", Turnover);
        Number(json, "best_trade", BestTrade);
        Number(json, "worst_trade", WorstTrade);
        WriteOpenPositions(json);
        json.WriteString("commission", Commission);
        json.WriteNumber("slippage_bps", Exact(SlippageBps));
        json.WriteString("fill_rule", FillRule);
        json.WriteNumber("risk_free_rate", RiskFreeRate);
        json.WriteNumber("max_leverage", Exact(MaxLeverage));
        json.WriteBoolean("whole_shares", WholeShares);
        json.WriteNumber("elapsed_ms", Math.Round(Elapsed.TotalMilliseconds, 3));
        json.WriteEndObject();
    }

    // Each open position as an object, money exact and times as the other outputs show bar times.
    private void WriteOpenPositions(Utf8JsonWriter json)
    {
        json.WriteStartArray("open_positions");
        foreach (var position in OpenPositions)
        {
            json.WriteStartObject();
            json.WriteString("symbol", position.Symbol.Ticker);
            json.WriteNumber("quantity", Exact(position.Quantity));
            json.WriteNumber("average_cost", Exact(position.AverageCost));
            json.WriteNumber("last_price", Exact(position.LastPrice));
            json.WriteString("last_price_time", BarTimeFormat.Format(position.LastPriceTime, Resolution, position.Symbol));
            json.WriteString("entry_time", BarTimeFormat.Format(position.EntryTime, Resolution, position.Symbol));
            json.WriteNumber("market_value", Exact(position.MarketValue));
            json.WriteNumber("unrealized_pnl", Exact(position.UnrealizedPnL));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("N2", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Ratio(double? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "n/a";

    private static string Money(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "n/a";

    private void WriteParameters(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        foreach (var (name, value) in Parameters)
        {
            WriteParameter(json, name, value);
        }

        json.WriteEndObject();
    }

    // Parameters are text in the catalogue; JSON readers want 20 and true, not "20" and "true". A choice stays a string.
    private static void WriteParameter(Utf8JsonWriter json, string name, string value)
    {
        if (bool.TryParse(value, out var flag))
        {
            json.WriteBoolean(name, flag);
        }
        else if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary><paramref name="value"/> without trailing zeros (100000.00 → 100000): the same amount, shorter text.</summary>
    public static decimal Exact(decimal value) => value / 1.000000000000000000000000000000000m;

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Exact(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
