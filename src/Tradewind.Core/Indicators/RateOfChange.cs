namespace Tradewind.Core.Indicators;

/// <summary>Rate of change ROC(n) in percent, (x[t]/x[t−n] − 1)·100; the first value is at index n.</summary>
public sealed class RateOfChange
{
    private readonly RollingReturn _return;

    /// <summary>Creates a ROC over <paramref name="period"/> bars (at least 1).</summary>
    public RateOfChange(int period)
    {
        _return = new RollingReturn(period);
    }

    /// <summary>The look-back n in bars.</summary>
    public int Period => _return.Period;

    /// <summary>True once n + 1 values have been seen.</summary>
    public bool IsReady => _return.IsReady;

    /// <summary>The current rate of change in percent, NaN during warm-up.</summary>
    public double Value => _return.Value * 100.0;

    /// <summary>Adds the next value and returns the new rate of change (NaN during warm-up).</summary>
    public double Update(double value) => _return.Update(value) * 100.0;

    /// <summary>Forgets every value seen.</summary>
    public void Reset() => _return.Reset();

    /// <summary>
    /// Computes ROC(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="output"/> (same
    /// length, not overlapping), NaN for the first n slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output) =>
        RollingReturn.Compute(values, period, 100.0, output);
}
