using System.Runtime.CompilerServices;
using Tradewind.Core.Engine;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Strategies.SmaCross;

/// <summary>
/// Long-only moving-average crossover. When flat and SMA(fast) crosses above SMA(slow) — the last non-zero
/// fast − slow difference before this bar was negative and it is positive now — buy at the next bar (by the run's
/// fill rule); when long and it crosses below, sell the whole position the same way. Size: a fixed number of
/// shares, or (size 0) all available cash in whole shares at the fill.
/// </summary>
public sealed class SmaCrossStrategy : Strategy
{
    private readonly int _fast;
    private readonly int _slow;
    private readonly decimal _size;
    private SimpleMovingAverage[] _fastSma = [];
    private SimpleMovingAverage[] _slowSma = [];
    private int[] _lastSign = [];

    /// <summary>Creates the strategy; <paramref name="fast"/> must be below <paramref name="slow"/>, <paramref name="size"/> ≥ 0 (0 = all cash).</summary>
    public SmaCrossStrategy(int fast, int slow, decimal size = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fast, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slow, fast);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _fast = fast;
        _slow = slow;
        _size = size;
    }

    /// <summary>
    /// The sign of SMA(fast) − SMA(slow) as the cross rule reads it: +1, −1, or 0 when the bar says nothing (the
    /// last non-zero sign stays). The optimizer's sma-cross kernel calls this same rule, so both decide alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CrossSign(double fast, double slow)
    {
        var diff = fast - slow;
        if (!(diff > 0 || diff < 0))
        {
            // Warm-up (NaN) or equal averages: no cross, and the last non-zero sign stays. (Not `diff != 0`: NaN != 0 is
            // true, which made the warm-up count as a negative difference and the first ready bar with fast > slow a cross.)
            return 0;
        }

        return diff > 0 ? 1 : -1;
    }

    /// <inheritdoc />
    public override void OnStart(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Symbols.Count;
        _fastSma = new SimpleMovingAverage[n];
        _slowSma = new SimpleMovingAverage[n];
        _lastSign = new int[n];
        for (var s = 0; s < n; s++)
        {
            _fastSma[s] = new SimpleMovingAverage(_fast);
            _slowSma[s] = new SimpleMovingAverage(_slow);
        }
    }

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, int symbol)
    {
        ArgumentNullException.ThrowIfNull(context);
        var close = context.Close(symbol);
        var sign = CrossSign(_fastSma[symbol].Update(close), _slowSma[symbol].Update(close));
        if (sign == 0)
        {
            return;
        }

        var previous = _lastSign[symbol];
        _lastSign[symbol] = sign;
        if (previous == 0 || previous == sign || context.PendingOrders(symbol) != 0)
        {
            return;
        }

        if (sign > 0 && context.IsFlat(symbol))
        {
            context.Buy(symbol, _size > 0m ? OrderSizing.Units(_size) : OrderSizing.AllCash(wholeUnits: true), "entry");
        }
        else if (sign < 0 && !context.IsFlat(symbol))
        {
            context.ClosePosition(symbol, "exit");
        }
    }
}
