namespace Tradewind.Core.Indicators;

/// <summary>
/// Rolling SAMPLE standard deviation of the last n values (divides by n − 1, the estimator used for returns);
/// the first value is at index n − 1. For the population form used by Bollinger Bands see <see cref="BollingerBands"/>.
/// </summary>
public sealed class RollingStandardDeviation
{
    private readonly RollingMoments _moments;
    private readonly double _degreesOfFreedom;
    private double _value = double.NaN;

    /// <summary>Creates a standard deviation over <paramref name="period"/> values (at least 2: one value has no sample spread).</summary>
    public RollingStandardDeviation(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _moments = new RollingMoments(period);
        _degreesOfFreedom = period - 1;
    }

    /// <summary>The window length n.</summary>
    public int Period => _moments.Length;

    /// <summary>True once n values have been seen.</summary>
    public bool IsReady => _moments.IsFull;

    /// <summary>The current sample standard deviation, NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Adds the next value and returns the new standard deviation (NaN during warm-up).</summary>
    public double Update(double value)
    {
        _moments.Add(value);
        if (_moments.IsFull)
        {
            _value = Math.Sqrt(_moments.SquaredDeviations / _degreesOfFreedom);
        }

        return _value;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _moments.Reset();
        _value = double.NaN;
    }

    /// <summary>
    /// Computes the rolling sample standard deviation of <paramref name="values"/> into <paramref name="output"/>
    /// (same length, not overlapping), NaN for the first n − 1 slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        BatchGuard.RequireOutput(values, output, nameof(output));
        var deviation = new RollingStandardDeviation(period);
        for (var i = 0; i < values.Length; i++)
        {
            output[i] = deviation.Update(values[i]);
        }
    }
}
