namespace Tradewind.Core.Indicators;

/// <summary>
/// Wilder's average true range ATR(n); the first value is at index n − 1.
/// </summary>
/// <remarks>
/// The true range of a bar is max(high − low, |high − previous close|, |low − previous close|); the first bar has
/// no previous close, so its true range is high − low, and it counts as one of the n ranges of the seed
/// (ATR[n−1] = mean(TR[0..n−1]), the definition Wilder's worksheets and most charting packages use; TA-Lib instead
/// skips bar 0 and starts one bar later). After the seed, <c>atr = (atr·(n − 1) + tr)/n</c>.
/// </remarks>
public sealed class AverageTrueRange
{
    private readonly int _period;
    private readonly double _periodMinusOne;
    private int _count;
    private bool _hasPrevious;
    private double _previousClose;
    private double _sum;
    private double _value = double.NaN;

    /// <summary>Creates an ATR over <paramref name="period"/> bars (at least 1).</summary>
    public AverageTrueRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _periodMinusOne = period - 1;
    }

    /// <summary>The period n.</summary>
    public int Period => _period;

    /// <summary>True once n bars have been seen.</summary>
    public bool IsReady => _count == _period;

    /// <summary>The current ATR, NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Adds the next bar and returns the new ATR (NaN during warm-up).</summary>
    public double Update(double high, double low, double close)
    {
        var trueRange = high - low;
        if (_hasPrevious)
        {
            trueRange = Math.Max(trueRange, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        }

        _hasPrevious = true;
        _previousClose = close;
        if (_count == _period)
        {
            _value = ((_value * _periodMinusOne) + trueRange) / _period;
            return _value;
        }

        _sum += trueRange;
        if (++_count == _period)
        {
            _value = _sum / _period;
        }

        return _value;
    }

    /// <summary>Forgets every bar seen.</summary>
    public void Reset()
    {
        _count = 0;
        _hasPrevious = false;
        _previousClose = 0;
        _sum = 0;
        _value = double.NaN;
    }

    /// <summary>
    /// Computes ATR(<paramref name="period"/>) of the bars given as high/low/close spans (equal lengths) into
    /// <paramref name="output"/>, NaN for the first period − 1 slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        BatchGuard.RequireLength(high.Length, low.Length, nameof(low));
        BatchGuard.RequireLength(high.Length, close.Length, nameof(close));
        BatchGuard.RequireOutput(high, output, nameof(output));
        BatchGuard.RequireOutput(low, output, nameof(output));
        BatchGuard.RequireOutput(close, output, nameof(output));
        var atr = new AverageTrueRange(period);
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = atr.Update(high[i], low[i], close[i]);
        }
    }
}
