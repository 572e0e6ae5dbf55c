using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Tradewind.Core.Analytics;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using Tradewind.Core.Strategies.SmaCross;

namespace Tradewind.Core.Optimization;

/// <summary>
/// sma-cross on one series, evaluated without the engine for the optimizer: the moving averages come precomputed
/// (one array per distinct period, shared by every combination), and a run is a loop over those arrays that does
/// per bar only what can change the result. It reproduces <see cref="TradingEngine"/> running
/// <see cref="SmaCrossStrategy"/> exactly:
/// <list type="bullet">
/// <item>the same cross rule (<see cref="SmaCrossStrategy.CrossSign"/>), warm-up bars before the start included;</item>
/// <item>market orders filled at the next bar's open or close, slipped and charged by the run's
/// <see cref="ExecutionCosts"/> in <c>decimal</c>; all-cash buys in whole shares sized at the fill as the engine sizes
/// them (commission included), or a fixed size; the ledger's refusals; cash, quantities and round trips in
/// <c>decimal</c> with the engine's operations in the engine's order, so final equity and trades are equal to the
/// last digit;</item>
/// <item>the equity curve in <c>double</c> exactly as the engine appends it (cash + quantity × close), folded into
/// the statistics as it goes: returns, drawdown, exposure, turnover. Total return, CAGR, drawdown, Calmar, exposure
/// and the trade figures come out bit for bit; volatility, Sharpe, Sortino and turnover sum in another order (one
/// pass instead of two, four lanes) and agree to about 1e-12 relative.</item>
/// </list>
/// While flat, a bar costs a subtraction and a comparison, four bars to a vector (equity does not move); while long, a
/// few more for the equity point, also four at a time. Runs advance block by block (<see cref="Advance"/>), so that
/// many combinations share each block of the moving averages while it sits in cache.
/// </summary>
internal sealed class SmaCrossKernel
{
    /// <summary>
    /// Bars per block. The optimizer streams each period's average one block at a time and advances every run through
    /// it; a block of every average (64 KiB each) stays in the shared cache, a tile's in the core's. Larger blocks mean
    /// fewer hand-overs between the threads (measured best at 8,192 on this machine kind).
    /// </summary>
    public const int BlockBars = 8192;

    private readonly BarSeries _series;
    private readonly Symbol _symbol;
    private readonly decimal _buyFactor;
    private readonly decimal _sellFactor;
    private readonly bool _slipped;
    private readonly CommissionModel _commission;
    private readonly bool _noCommission;
    private readonly bool _fillAtClose;
    private readonly decimal _initialCash;
    private readonly QuantityRule _quantityRule;
    private readonly PerformanceParameters _performance;
    private readonly double _riskFreePerPeriod;
    private double _prefetched;

    /// <summary>Prepares runs over <paramref name="series"/> with the engine's <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are not ones the kernel reproduces, or no bar falls in the period.</exception>
    public SmaCrossKernel(BarSeries series, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (Unsupported(options) is { } why)
        {
            throw new ArgumentException(why, nameof(options));
        }

        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _series = series;
        _symbol = series.Symbol;
        var factor = options.Costs.Slippage.BasisPoints / 10_000m;
        _buyFactor = 1m + factor;
        _sellFactor = 1m - factor;
        _slipped = options.Costs.Slippage.BasisPoints != 0m;
        _commission = options.Costs.Commission;
        _noCommission = ReferenceEquals(_commission, CommissionModel.None);
        _fillAtClose = options.FillRule == FillRule.NextClose;
        _initialCash = options.InitialCash;
        _quantityRule = QuantityRule.For(_symbol);
        _performance = PerformanceParameters.For(series.Resolution, _symbol.AssetClass, options.RiskFreeRate);
        _riskFreePerPeriod = _performance.RiskFreeRate / _performance.PeriodsPerYear;
        Start = options.Start is { } start ? series.LowerBound(start) : 0;
        End = options.End is { } end && end < DateTime.MaxValue ? series.LowerBound(end.AddTicks(1)) : series.Count;
        if (End <= Start)
        {
            var period = $"{options.Start:yyyy-MM-dd}..{options.End:yyyy-MM-dd}";
            throw new ArgumentException($"no bar of {_symbol} falls in the period {period}; check --start/--end against the data");
        }
    }

    /// <summary>The index of the first traded bar (earlier bars are warm-up).</summary>
    public int Start { get; }

    /// <summary>The number of bars the engine processes (those up to the end of the period).</summary>
    public int End { get; }

    /// <summary>Why the kernel cannot reproduce the engine under <paramref name="options"/>, or null when it can.</summary>
    public static string? Unsupported(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLeverage != 1m)
        {
            return "the sma-cross kernel runs without leverage (max leverage 1)";
        }

        return options.QuantityRules is not null ? "the sma-cross kernel uses the default quantity rules" : null;
    }

    /// <summary>A fresh run of sma-cross(<paramref name="fast"/>, <paramref name="slow"/>, <paramref name="size"/>).</summary>
    /// <param name="fast">The fast period.</param>
    /// <param name="slow">The slow period (more than fast).</param>
    /// <param name="size">Shares per entry; 0 buys all cash in whole shares at the fill.</param>
    /// <param name="trades">When given, receives every round trip as the engine journals it (tests compare them).</param>
    public Run CreateRun(int fast, int slow, decimal size, List<ClosedTrade>? trades = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fast, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slow, fast);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new Run(fast, slow, size, size == 0m || _quantityRule.IsValid(size), _initialCash, trades);
    }

    /// <summary>
    /// Evaluates one combination on its own: its two averages streamed block by block, then the figures. The optimizer
    /// shares the averages between combinations instead; both give the same result.
    /// </summary>
    public OptimizationMetrics Evaluate(int fast, int slow, decimal size, List<ClosedTrade>? trades = null)
    {
        var run = CreateRun(fast, slow, size, trades);
        var fastAverage = new SimpleMovingAverage(fast);
        var slowAverage = new SimpleMovingAverage(slow);
        var fastBlock = new double[BlockBars];
        var slowBlock = new double[BlockBars];
        var close = _series.Close;
        for (var from = 0; from < End; from += BlockBars)
        {
            var to = Math.Min(End, from + BlockBars);
            for (var i = from; i < to; i++)
            {
                fastBlock[i - from] = fastAverage.Update(close[i]);
                slowBlock[i - from] = slowAverage.Update(close[i]);
            }

            // One run converts only the prices it fills at (no BlockPrices): cheaper than a whole block's.
            Advance(run, from, to, fastBlock, slowBlock);
        }

        return Finish(run);
    }

    /// <summary>
    /// Processes bars [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="run"/>, given the run's
    /// SMA(fast) and SMA(slow) at those bars (index 0 is bar <paramref name="from"/>), as the strategy's
    /// <see cref="SimpleMovingAverage"/> computes them. Blocks must be consecutive from bar 0 to <see cref="End"/>.
    /// <paramref name="prices"/>, when given, holds the block's fill prices as money (<see cref="ConvertPrices"/>), so
    /// the runs sharing a block convert each bar's price once between them.
    /// </summary>
    public void Advance(Run run, int from, int to, ReadOnlySpan<double> fastAverages, ReadOnlySpan<double> slowAverages, BlockPrices? prices = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (from != run.NextBar || to < from || to > End)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"bars must be processed in order up to {End}: next is {run.NextBar}, asked [{from}, {to})");
        }

        if (fastAverages.Length < to - from || slowAverages.Length < to - from)
        {
            throw new ArgumentException($"the averages must cover bars {from}..{to - 1}", nameof(fastAverages));
        }

        // Bars are addressed by their index in the series; the averages by their place in the block (bar − from).
        var close = _series.Close;
        ref var closeRef = ref MemoryMarshal.GetReference(close);
        ref var fastRef = ref MemoryMarshal.GetReference(fastAverages);
        ref var slowRef = ref MemoryMarshal.GetReference(slowAverages);
        var i = from;
        while (i < to)
        {
            if (run.Pending != 0)
            {
                // A bar with a fill: book it, record the point, decide. Rare; clarity over speed.
                var traded = Fill(run, i, prices);
                Point(run, close[i], traded);
                Decide(run, i, SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, i - from), Unsafe.Add(ref slowRef, i - from)));
                i++;
                continue;
            }

            var lastSign = run.LastSign;
            if (i < Start)
            {
                // Warm-up: the strategy sees the bars and keeps its last sign; orders are ignored, except on the last
                // warm-up bar, whose decision fills on the period's first bar (as in the engine).
                var warmEnd = Math.Min(to, Start - 1);
                for (; i < warmEnd; i++)
                {
                    var sign = SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, i - from), Unsafe.Add(ref slowRef, i - from));
                    if (sign != 0)
                    {
                        lastSign = sign;
                    }
                }

                run.LastSign = lastSign;
                if (i == Start - 1 && i < to)
                {
                    Decide(run, i, SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, i - from), Unsafe.Add(ref slowRef, i - from)));
                    i++;
                }

                continue;
            }

            if (run.Points == 0)
            {
                Point(run, close[i], 0);
                Decide(run, i, SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, i - from), Unsafe.Add(ref slowRef, i - from)));
                i++;
                continue;
            }

            var crossSign = 0;
            var j = i;
            if (run.QuantityHeld == 0)
            {
                // Flat: equity stays at cash, so the points need no arithmetic; scan for the next cross, skipping
                // quiet stretches a vector at a time and reading the rest with the strategy's own rule.
                while (j < to)
                {
                    j = from + SkipQuiet(ref fastRef, ref slowRef, j - from, to - from, lastSign);
                    var end = Math.Min(to, j + (2 * Vector256<double>.Count));
                    for (; j < end; j++)
                    {
                        crossSign = SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, j - from), Unsafe.Add(ref slowRef, j - from));
                        if (crossSign != 0 && crossSign != lastSign)
                        {
                            goto Crossed;
                        }
                    }
                }

            Crossed:
                var flat = (j < to ? j + 1 : to) - i;
                run.Points += flat;
                run.ImplicitZeroReturns += flat;
                run.EquitySum += run.CashValue * flat;
            }
            else
            {
                j = Hold(run, ref closeRef, ref fastRef, ref slowRef, from, i, to, lastSign, out crossSign);
            }

            if (j < to)
            {
                Decide(run, j, crossSign);
                j++;
            }

            i = j;
        }

        run.NextBar = to;
    }

    /// <summary>
    /// Reads the opens and closes of bars [<paramref name="from"/>, <paramref name="to"/>) one cache line at a time, so
    /// that the fills of the runs about to advance through that block find their prices cached (the scans read only the
    /// averages).
    /// </summary>
    public void Prefetch(int from, int to)
    {
        var open = _series.Open;
        var close = _series.Close;
        var sum = 0.0;
        for (var i = from; i < to; i += 8)
        {
            sum += open[i] + close[i];
        }

        // A store the JIT must keep, so the reads stay; threads race on it harmlessly.
        _prefetched = sum;
    }

    /// <summary>The most whole units of <paramref name="price"/> that <paramref name="budget"/> (≥ 0) pays: ⌊budget / price⌋, exactly.</summary>
    internal static decimal WholeUnitsWithin(decimal budget, decimal price)
    {
        // A double estimate is within a unit or two of the floor while the quotient is far below 2^53; the decimal
        // products then settle it exactly (the last test subtracts rather than adds a unit's price, so it cannot
        // overflow). Larger quotients take the decimal division.
        var estimate = Math.Floor((double)budget / (double)price);
        var units = estimate is >= 0 and < 1e15 ? new decimal((long)estimate) : decimal.Truncate(budget / price);
        while (units > 0m && units * price > budget)
        {
            units -= 1m;
        }

        while (budget - (units * price) >= price)
        {
            units += 1m;
        }

        return units;
    }

    /// <summary>
    /// Converts the fill prices of bars [<paramref name="from"/>, <paramref name="to"/>) (their opens, or their closes
    /// under the next-close rule) to money into <paramref name="prices"/>, as <see cref="ExecutionCosts.ToMoney(double)"/>
    /// does for each fill. Call it before the runs advance through the block, not while they do.
    /// </summary>
    public void ConvertPrices(BlockPrices prices, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to < from || to - from > BlockBars || to > End)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"a block is at most {BlockBars} bars, from {from} up to {End}");
        }

        // A price money cannot hold (NaN, above 1e15) is left as 0: only a fill at it is refused, as in the engine.
        prices.From = -1;
        prices.To = -1;
        var column = _fillAtClose ? _series.Close : _series.Open;
        var money = prices.Money;
        for (var i = from; i < to; i++)
        {
            var price = column[i];
            money[i - from] = ExecutionCosts.IsMoneyPrice(price) ? ExecutionCosts.ToMoney(price) : 0m;
        }

        prices.Kernel = this;
        prices.From = from;
        prices.To = to;
    }

    /// <summary>The figures of a run advanced to <see cref="End"/>, as <see cref="OptimizationMetrics.From"/> gives them for the engine.</summary>
    public OptimizationMetrics Finish(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.NextBar != End)
        {
            throw new InvalidOperationException($"the run is at bar {run.NextBar} of {End}; advance it to the end first");
        }

        var time = _series.Time;
        var n = run.Points;
        var first = run.FirstEquity;
        var last = run.PreviousEquity;
        var years = (time[End - 1] - time[Start]).TotalDays / PerformanceStatistics.DaysPerYear;
        double? cagr = years <= 0 ? null : last <= 0 ? -1 : Math.Pow(last / first, 1 / years) - 1;
        var maxDrawdown = Math.Max(run.MaxDrawdown, (run.Peak - run.Trough) / run.Peak);
        var (volatility, sharpe, sortino) = ReturnStatistics(run);
        var meanEquity = run.EquitySum / n;
        double? turnover = meanEquity > 0 ? run.TradedNotional / meanEquity : null;

        var marketValue = 0m;
        if (run.Quantity != 0m)
        {
            marketValue += run.Quantity * ExecutionCosts.ToMoney(_series.Close[End - 1]);
        }

        var count = run.TradeCount;
        return new OptimizationMetrics
        {
            FinalEquity = run.Cash + marketValue,
            Bars = n,
            TotalReturn = last / first - 1,
            Cagr = cagr,
            Volatility = volatility,
            Sharpe = sharpe,
            Sortino = sortino,
            MaxDrawdown = maxDrawdown,
            Calmar = cagr is { } c && maxDrawdown > 0 ? c / maxDrawdown : null,
            Exposure = (double)run.ExposedPoints / n,
            Turnover = turnover,
            Trades = count,
            WinningTrades = run.Wins,
            LosingTrades = run.Losses,
            WinRate = count > 0 ? (double)run.Wins / count : null,
            NetProfit = run.NetProfit,
            GrossProfit = run.GrossProfit,
            GrossLoss = run.GrossLoss,
            ProfitFactor = count > 0 && run.GrossLoss > 0 ? (double)(run.GrossProfit / run.GrossLoss) : null,
            Expectancy = count > 0 ? run.NetProfit / count : null,
        };
    }

    // Long and no order pending: each bar is an equity point that moves with the close. Returns the bar of the next
    // cross (its point already recorded) or `to`.
    private int Hold(Run run, ref double closeRef, ref double fastRef, ref double slowRef, int from, int i, int to, int lastSign, out int crossSign)
    {
        var cash = run.CashValue;
        var quantity = run.QuantityHeld;
        var previous = run.PreviousEquity;
        var peak = run.Peak;
        var trough = run.Trough;
        var maxDrawdown = run.MaxDrawdown;
        var sumReturns = run.SumReturns;
        var sumSquares = run.SumSquaredReturns;
        var sumDownside = run.SumDownsideSquares;
        var equitySum = run.EquitySum;
        var riskFree = _riskFreePerPeriod;
        var start = i;
        crossSign = 0;
        if (Vector256.IsHardwareAccelerated && i + Vector256<double>.Count <= to)
        {
            // Four bars at a time while none of them can be a cross. The returns and sums come out of the same
            // operations as below, lane by lane (so Σ returns is added in another order: the statistics that use it agree
            // to ~1e-15 relative); peak and trough are followed bar by bar whenever a vector holds a new high or low.
            var cashVector = Vector256.Create(cash);
            var quantityVector = Vector256.Create(quantity);
            var riskFreeVector = Vector256.Create(riskFree);
            var one = Vector256.Create(1.0);
            var returns = Vector256<double>.Zero;
            var squares = Vector256<double>.Zero;
            var downside = Vector256<double>.Zero;
            var equities = Vector256<double>.Zero;
            var quietMask = QuietMask(lastSign);
            var started = i;
            for (; i + Vector256<double>.Count <= to; i += Vector256<double>.Count)
            {
                var diff = Vector256.LoadUnsafe(ref fastRef, (nuint)(i - from)) - Vector256.LoadUnsafe(ref slowRef, (nuint)(i - from));
                if (!AllQuiet(diff, quietMask))
                {
                    break;
                }

                var equity = cashVector + (quantityVector * Vector256.LoadUnsafe(ref closeRef, (nuint)i));
                var before = cashVector + (quantityVector * Vector256.LoadUnsafe(ref closeRef, (nuint)(i - 1)));
                var r = (equity / before) - one;
                returns += r;
                squares += r * r;
                var shortfall = Vector256.Min(Vector256<double>.Zero, r - riskFreeVector);
                downside += shortfall * shortfall;
                equities += equity;
                if (Vector256.GreaterThanAny(equity, Vector256.Create(peak)) || Vector256.LessThanAny(equity, Vector256.Create(trough)))
                {
                    for (var k = 0; k < Vector256<double>.Count; k++)
                    {
                        Extreme(equity.GetElement(k), ref peak, ref trough, ref maxDrawdown);
                    }
                }
            }

            if (i > started)
            {
                previous = cash + (quantity * Unsafe.Add(ref closeRef, i - 1));
                sumReturns += Vector256.Sum(returns);
                sumSquares += Vector256.Sum(squares);
                sumDownside += Vector256.Sum(downside);
                equitySum += Vector256.Sum(equities);
            }
        }

        for (; i < to; i++)
        {
            // As the engine: equity = cash, then += quantity × close (two roundings, no fused multiply-add).
            var value = quantity * Unsafe.Add(ref closeRef, i);
            var equity = cash + value;
            var r = (equity / previous) - 1;
            sumReturns += r;
            sumSquares += r * r;
            // Branch-free: a return's sign is a coin toss, and a mispredicted branch costs more than the bar.
            var shortfall = Math.Min(0, r - riskFree);
            sumDownside += shortfall * shortfall;

            equitySum += equity;
            Extreme(equity, ref peak, ref trough, ref maxDrawdown);
            previous = equity;
            crossSign = SmaCrossStrategy.CrossSign(Unsafe.Add(ref fastRef, i - from), Unsafe.Add(ref slowRef, i - from));
            if (crossSign != 0 && crossSign != lastSign)
            {
                i++;
                break;
            }
        }

        var points = i - start;
        run.Points += points;
        run.ExposedPoints += points;
        run.PreviousEquity = previous;
        run.Peak = peak;
        run.Trough = trough;
        run.MaxDrawdown = maxDrawdown;
        run.SumReturns = sumReturns;
        run.SumSquaredReturns = sumSquares;
        run.SumDownsideSquares = sumDownside;
        run.EquitySum = equitySum;
        return crossSign != 0 && crossSign != lastSign ? i - 1 : to;
    }

    // The running peak and the lowest equity since it. The drawdown of a peak is settled when a new high ends it: the
    // engine's largest (peak − equity) / peak over the bars is the largest (peak − trough) / peak, bit for bit, because
    // both operations are monotonic in the equity.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Extreme(double equity, ref double peak, ref double trough, ref double maxDrawdown)
    {
        if (equity > peak)
        {
            // None when it never fell (a run of new highs).
            if (trough < peak)
            {
                maxDrawdown = Math.Max(maxDrawdown, (peak - trough) / peak);
            }

            peak = equity;
            trough = equity;
        }
        else if (equity < trough)
        {
            trough = equity;
        }
    }

    // The lanes where fast − slow keeps the last sign: ≤ 0 after a fall, ≥ 0 after a rise, = 0 before any sign.
    // A NaN is never quiet, so whatever the rule makes of it, the strategy's own check reads it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Below, Vector256<double> Equal, Vector256<double> Above) QuietMask(int lastSign) =>
        (lastSign < 0 ? Vector256<double>.AllBitsSet : default, Vector256<double>.AllBitsSet, lastSign > 0 ? Vector256<double>.AllBitsSet : default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllQuiet(Vector256<double> diff, (Vector256<double> Below, Vector256<double> Equal, Vector256<double> Above) mask)
    {
        var zero = Vector256<double>.Zero;
        var quiet = (Vector256.LessThan(diff, zero) & mask.Below) | Vector256.Equals(diff, zero) | (Vector256.GreaterThan(diff, zero) & mask.Above);
        return quiet.ExtractMostSignificantBits() == (1u << Vector256<double>.Count) - 1;
    }

    // The first bar at or after `j` of a pair of vectors that may hold a cross (or `to` minus less than a pair).
    private static int SkipQuiet(ref double fastRef, ref double slowRef, int j, int to, int lastSign)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return j;
        }

        var mask = QuietMask(lastSign);
        var width = Vector256<double>.Count;
        for (; j + (2 * width) <= to; j += 2 * width)
        {
            var first = Vector256.LoadUnsafe(ref fastRef, (nuint)j) - Vector256.LoadUnsafe(ref slowRef, (nuint)j);
            var second = Vector256.LoadUnsafe(ref fastRef, (nuint)(j + width)) - Vector256.LoadUnsafe(ref slowRef, (nuint)(j + width));
            if (!AllQuiet(first, mask) || !AllQuiet(second, mask))
            {
                break;
            }
        }

        return j;
    }

    // One equity point computed in full (the first, or a bar with a fill).
    private void Point(Run run, double close, double traded)
    {
        var equity = run.CashValue;
        if (run.QuantityHeld != 0)
        {
            equity += run.QuantityHeld * close;
            run.ExposedPoints++;
        }

        if (equity <= 0 && run.FirstNonPositivePoint < 0)
        {
            run.FirstNonPositivePoint = run.Points;
        }

        if (run.Points == 0)
        {
            run.FirstEquity = equity;
            run.Peak = equity;
            run.Trough = equity;
        }
        else
        {
            var r = (equity / run.PreviousEquity) - 1;
            run.SumReturns += r;
            run.SumSquaredReturns += r * r;
            var shortfall = Math.Min(0, r - _riskFreePerPeriod);
            run.SumDownsideSquares += shortfall * shortfall;

            var peak = run.Peak;
            var trough = run.Trough;
            var maxDrawdown = run.MaxDrawdown;
            Extreme(equity, ref peak, ref trough, ref maxDrawdown);
            run.Peak = peak;
            run.Trough = trough;
            run.MaxDrawdown = maxDrawdown;
        }

        run.EquitySum += equity;
        run.TradedNotional += traded;
        run.PreviousEquity = equity;
        run.Points++;
    }

    // The strategy's decision on the close of `bar`, given the sign of the averages there.
    private void Decide(Run run, int bar, int sign)
    {
        if (sign == 0)
        {
            return;
        }

        var previous = run.LastSign;
        run.LastSign = sign;
        if (previous == 0 || previous == sign || bar < Start - 1 || bar + 1 >= End)
        {
            // No cross; or warm-up before its last bar (orders ignored); or the last bar (an order there never fills).
            return;
        }

        if (sign > 0 && run.QuantityHeld == 0)
        {
            // A fixed size that breaks the quantity rule is rejected when placed: nothing pends.
            run.Pending = run.SizeIsValid ? 1 : 0;
        }
        else if (sign < 0 && run.QuantityHeld != 0)
        {
            run.Pending = -1;
        }
    }

    // Fills the pending market order on `bar` as TradingEngine.Execute and PortfolioLedger.TryApply do; returns the
    // notional traded. The same decimal operations on the same operands in the same order give the same digits. Left
    // out are only operations that cannot change a digit: a value the engine computes twice from the same operands
    // (commission, notional), adding to 0m or multiplying by 1m (the scale and digits stay), and, without a commission
    // model, every term of a zero commission.
    private double Fill(Run run, int bar, BlockPrices? prices)
    {
        var buy = run.Pending > 0;
        run.Pending = 0;
        var price = FillPrice(bar, buy, prices);
        decimal quantity;
        var commission = 0m;
        decimal notional;
        if (buy)
        {
            if (run.Size > 0m)
            {
                quantity = run.Size;
                commission = _noCommission ? 0m : _commission.Calculate(quantity, price);
                notional = quantity * price;
            }
            else if (!AllCash(run.Cash, price, out quantity, out commission, out notional))
            {
                return 0;
            }

            if ((_noCommission ? run.Cash - notional : run.Cash - (notional + commission)) < 0m)
            {
                return 0;
            }

            run.Cash -= notional;
            if (commission > 0m)
            {
                run.Cash -= commission;
            }

            run.Quantity = quantity;
            run.QuantityHeld = (double)quantity;
            run.EntryBar = bar;
            run.BoughtQuantity = quantity;
            run.BoughtNotional = notional;
            run.SoldQuantity = 0m;
            run.SoldNotional = 0m;
            run.Commissions = commission;
        }
        else
        {
            quantity = run.Quantity;
            notional = quantity * price;
            if (!_noCommission)
            {
                commission = _commission.Calculate(quantity, price);
                if (commission > notional && run.Cash + notional - commission < 0m)
                {
                    return 0;
                }
            }

            run.Cash += notional;
            if (commission > 0m)
            {
                run.Cash -= commission;
            }

            run.Quantity = 0m;
            run.QuantityHeld = 0;
            run.SoldQuantity = quantity;
            run.SoldNotional = notional;
            if (!_noCommission)
            {
                run.Commissions += commission;
            }

            CloseTrade(run, bar);
        }

        run.CashValue = (double)run.Cash;
        return (double)notional;
    }

    // The bar price as money, slipped against the trader: SlippageModel.Apply's operations (none without slippage; the
    // rounding and the floor at the smallest price with it) with its factor computed once.
    private decimal FillPrice(int bar, bool buy, BlockPrices? prices)
    {
        // A price the block could not convert is 0 there: converting it here refuses it as the engine's fill would.
        var cached = prices is not null && ReferenceEquals(prices.Kernel, this) && bar >= prices.From && bar < prices.To ? prices.Money[bar - prices.From] : 0m;
        var price = cached != 0m ? cached : ExecutionCosts.ToMoney(_fillAtClose ? _series.Close[bar] : _series.Open[bar]);
        return _slipped
            ? Math.Max(ExecutionCosts.RoundMoney(price * (buy ? _buyFactor : _sellFactor)), ExecutionCosts.SmallestPrice)
            : price;
    }

    // OrderSizing.AllCash(wholeUnits: true) resolved at the fill, as TradingEngine.ResolveQuantity does it (budget =
    // buying power × 1, which leaves its digits as they are).
    private bool AllCash(decimal cash, decimal price, out decimal quantity, out decimal commission, out decimal notional)
    {
        var budget = cash > 0m ? cash : 0m;
        if (_noCommission)
        {
            // Without a commission the engine's loop ends on the exact floor of budget / price (its first quotient can
            // round up to the next whole unit, which its check then takes back): the same number, without a division.
            quantity = WholeUnitsWithin(budget, price);
            commission = 0m;
            notional = quantity * price;
            return quantity > 0m;
        }

        quantity = decimal.Truncate(budget / price);
        for (var attempt = 0; quantity > 0m && attempt < 64; attempt++)
        {
            notional = quantity * price;
            if (_noCommission)
            {
                commission = 0m;
                if (notional <= budget)
                {
                    return true;
                }
            }
            else
            {
                commission = _commission.Calculate(quantity, price);
                if (notional + commission <= budget)
                {
                    return true;
                }
            }

            var smaller = decimal.Truncate((budget - commission) / price);
            quantity = smaller < quantity ? smaller : decimal.Truncate(quantity - 1m);
        }

        commission = 0m;
        notional = 0m;
        return false;
    }

    private void CloseTrade(Run run, int bar)
    {
        var profitLoss = _noCommission ? run.SoldNotional - run.BoughtNotional : run.SoldNotional - run.BoughtNotional - run.Commissions;
        run.TradeCount++;
        run.NetProfit += profitLoss;
        if (profitLoss > 0)
        {
            run.Wins++;
            run.GrossProfit += profitLoss;
        }
        else if (profitLoss < 0)
        {
            run.Losses++;
            run.GrossLoss -= profitLoss;
        }

        var time = _series.Time;
        run.Trades?.Add(new ClosedTrade(
            _symbol,
            time[run.EntryBar],
            run.BoughtNotional / run.BoughtQuantity,
            time[bar],
            run.SoldNotional / run.SoldQuantity,
            run.BoughtQuantity,
            profitLoss,
            bar - run.EntryBar,
            "exit"));
    }

    private (double? Volatility, double? Sharpe, double? Sortino) ReturnStatistics(Run run)
    {
        var periods = run.Points - 1;
        if (periods < 2 || (run.FirstNonPositivePoint >= 0 && run.FirstNonPositivePoint < periods))
        {
            return (null, null, null);
        }

        // The engine sums the returns in bar order; the kernel adds the same non-zero terms in the same order (a flat
        // bar's return is exactly 0), so the mean is identical. The squares use Σr² − (Σr)²/n instead of a second pass.
        var mean = run.SumReturns / periods;
        var squares = Math.Max(0, run.SumSquaredReturns - (run.SumReturns * mean));
        var flatShortfall = Math.Min(0, -_riskFreePerPeriod);
        var downsideSquares = run.SumDownsideSquares + (run.ImplicitZeroReturns * flatShortfall * flatShortfall);
        var sigma = Math.Sqrt(squares / (periods - 1));
        var downside = Math.Sqrt(downsideSquares / periods);
        var annualizer = Math.Sqrt(_performance.PeriodsPerYear);
        var excess = mean - _riskFreePerPeriod;
        double? sharpe = sigma > PerformanceStatistics.ZeroDispersion ? excess / sigma * annualizer : null;
        double? sortino = downside > PerformanceStatistics.ZeroDispersion ? excess / downside * annualizer : null;
        return (sigma * annualizer, sharpe, sortino);
    }

    /// <summary>
    /// One block's fill prices as money (<see cref="ConvertPrices"/>): converting a bar's price costs more than a fill's
    /// other arithmetic, and the runs of a grid fill on the same bars again and again.
    /// </summary>
    public sealed class BlockPrices
    {
        internal decimal[] Money { get; } = new decimal[BlockBars];

        /// <summary>The kernel (series and fill rule) whose prices these are; another kernel ignores them.</summary>
        internal SmaCrossKernel? Kernel { get; set; }

        internal int From { get; set; } = -1;

        internal int To { get; set; } = -1;
    }

    /// <summary>The state of one combination between blocks: the strategy's sign, the account and the running statistics.</summary>
    internal sealed class Run
    {
        internal Run(int fast, int slow, decimal size, bool sizeIsValid, decimal initialCash, List<ClosedTrade>? trades)
        {
            Fast = fast;
            Slow = slow;
            Size = size;
            SizeIsValid = sizeIsValid;
            Cash = 0m + initialCash;
            CashValue = (double)Cash;
            Trades = trades;
        }

        public int Fast { get; }

        public int Slow { get; }

        public decimal Size { get; }

        public bool SizeIsValid { get; }

        public List<ClosedTrade>? Trades { get; }

        public int NextBar { get; set; }

        public int LastSign { get; set; }

        public int Pending { get; set; }

        public decimal Cash { get; set; }

        public decimal Quantity { get; set; }

        public double CashValue { get; set; }

        public double QuantityHeld { get; set; }

        public int EntryBar { get; set; }

        public decimal BoughtQuantity { get; set; }

        public decimal BoughtNotional { get; set; }

        public decimal SoldQuantity { get; set; }

        public decimal SoldNotional { get; set; }

        public decimal Commissions { get; set; }

        public int Points { get; set; }

        public int ExposedPoints { get; set; }

        public int ImplicitZeroReturns { get; set; }

        public int FirstNonPositivePoint { get; set; } = -1;

        public double FirstEquity { get; set; }

        public double PreviousEquity { get; set; }

        public double Peak { get; set; }

        public double Trough { get; set; }

        public double MaxDrawdown { get; set; }

        public double SumReturns { get; set; }

        public double SumSquaredReturns { get; set; }

        public double SumDownsideSquares { get; set; }

        public double EquitySum { get; set; }

        public double TradedNotional { get; set; }

        public int TradeCount { get; set; }

        public int Wins { get; set; }

        public int Losses { get; set; }

        public decimal NetProfit { get; set; }

        public decimal GrossProfit { get; set; }

        public decimal GrossLoss { get; set; }
    }
}
