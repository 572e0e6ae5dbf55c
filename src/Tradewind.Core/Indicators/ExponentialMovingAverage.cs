namespace Tradewind.Core.Indicators;

/// <summary>
/// Exponential moving average EMA(n) with α = 2/(n + 1), seeded with the simple mean of its first n values;
/// the first value is at index n − 1.
/// </summary>
/// <remarks>Each later value is <c>ema += α·(x − ema)</c>. A NaN input stays in the average until <see cref="Reset"/>.</remarks>
public sealed class ExponentialMovingAverage
{
    private readonly int _period;
    private readonly double _alpha;
    private int _count;
    private double _sum;
    private double _value = double.NaN;

    /// <summary>Creates an EMA over <paramref name="period"/> values (at least 1).</summary>
    public ExponentialMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _alpha = 2.0 / (period + 1);
    }

    /// <summary>The period n.</summary>
    public int Period => _period;

    /// <summary>The smoothing factor 2/(n + 1).</summary>
    public double Alpha => _alpha;

    /// <summary>True once <see cref="Period"/> values have been seen.</summary>
    public bool IsReady => _count == _period;

    /// <summary>The current average, NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Adds the next value and returns the new average (NaN during warm-up).</summary>
    public double Update(double value)
    {
        if (_count == _period)
        {
            _value += _alpha * (value - _value);
            return _value;
        }

        _sum += value;
        if (++_count == _period)
        {
            _value = _sum / _period;
        }

        return _value;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _count = 0;
        _sum = 0;
        _value = double.NaN;
    }

    /// <summary>
    /// Computes EMA(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="output"/>
    /// (same length, not overlapping), NaN for the first period − 1 slots; equal bit for bit to streaming.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        BatchGuard.RequireOutput(values, output, nameof(output));
        if (values.Length < period)
        {
            output.Fill(double.NaN);
            return;
        }

        var sum = 0.0;
        for (var i = 0; i < period - 1; i++)
        {
            sum += values[i];
            output[i] = double.NaN;
        }

        sum += values[period - 1];
        var ema = sum / period;
        output[period - 1] = ema;

        var alpha = 2.0 / (period + 1);
        var rest = values[period..];
        var restOut = output[period..];
        for (var i = 0; i < rest.Length; i++)
        {
            ema += alpha * (rest[i] - ema);
            restOut[i] = ema;
        }
    }
}
