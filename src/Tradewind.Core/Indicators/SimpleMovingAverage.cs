namespace Tradewind.Core.Indicators;

/// <summary>Simple moving average SMA(n): the mean of the last n values; the first value is at index n − 1.</summary>
/// <remarks>
/// A running sum drifts: every add rounds, and the error a large value leaves behind outlives the value. So each
/// time the ring buffer wraps (every n updates) the sum is recomputed from the window, which costs one extra add
/// per update on average and bounds the error to what one window's updates can accumulate. The same schedule
/// means a NaN or infinity in the input stops affecting the average within one window after it leaves.
/// </remarks>
public sealed class SimpleMovingAverage
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private double _sum;

    /// <summary>Creates an SMA over <paramref name="period"/> values (at least 1).</summary>
    public SimpleMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
    }

    /// <summary>The number of values averaged.</summary>
    public int Period => _window.Length;

    /// <summary>True once <see cref="Period"/> values have been seen.</summary>
    public bool IsReady => _count == _window.Length;

    /// <summary>The current average, NaN during warm-up.</summary>
    public double Value => _count == _window.Length ? _sum / _window.Length : double.NaN;

    /// <summary>Adds the next value and returns the new average (NaN during warm-up).</summary>
    public double Update(double value)
    {
        var window = _window;
        var next = _next;
        if (_count == window.Length)
        {
            _sum += value - window[next];
        }
        else
        {
            _sum += value;
            _count++;
        }

        window[next] = value;
        if (++next == window.Length)
        {
            // The buffer holds exactly the window, oldest first; the batch helper recomputes at the same indexes.
            next = 0;
            _sum = WindowSums.Sum(window);
        }

        _next = next;
        return _count == window.Length ? _sum / window.Length : double.NaN;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _next = 0;
        _count = 0;
        _sum = 0;
    }

    /// <summary>
    /// Computes SMA(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="output"/>
    /// (same length, not overlapping), NaN for the first period − 1 slots; equal bit for bit to streaming.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        BatchGuard.RequireOutput(values, output, nameof(output));
        var length = values.Length;
        if (length < period)
        {
            output.Fill(double.NaN);
            return;
        }

        output[..(period - 1)].Fill(double.NaN);
        var sum = WindowSums.Sum(values[..period]);
        output[period - 1] = sum / period;

        var added = values[period..];
        var removed = values[..(length - period)];
        var rest = output[period..];
        var sinceExact = 0;
        for (var i = 0; i < added.Length; i++)
        {
            sum += added[i] - removed[i];
            if (++sinceExact == period)
            {
                sinceExact = 0;
                sum = WindowSums.Sum(values.Slice(i + 1, period));
            }

            rest[i] = sum / period;
        }
    }
}
