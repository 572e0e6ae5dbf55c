namespace Tradewind.Core.Indicators;

/// <summary>
/// Simple return over the last n bars, x[t]/x[t−n] − 1 (0.05 means +5 %); the first value is at index n.
/// </summary>
/// <remarks>Prices are positive (see <see cref="Market.Bar.Validate"/>); a zero base gives an infinite or NaN return, as IEEE division does.</remarks>
public sealed class RollingReturn
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private bool _ready;
    private double _value = double.NaN;

    /// <summary>Creates a return over <paramref name="period"/> bars (at least 1).</summary>
    public RollingReturn(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
    }

    /// <summary>The look-back n in bars.</summary>
    public int Period => _window.Length;

    /// <summary>True once n + 1 values have been seen.</summary>
    public bool IsReady => _ready;

    /// <summary>The current return, NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Adds the next value and returns the new n-bar return (NaN during warm-up).</summary>
    public double Update(double value)
    {
        var window = _window;
        var next = _next;
        if (_count == window.Length)
        {
            // window[next] is the value n updates back.
            _value = (value / window[next]) - 1.0;
            _ready = true;
        }
        else
        {
            _count++;
        }

        window[next] = value;
        _next = ++next == window.Length ? 0 : next;
        return _value;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _next = 0;
        _count = 0;
        _ready = false;
        _value = double.NaN;
    }

    /// <summary>
    /// Computes the n-bar return of <paramref name="values"/> into <paramref name="output"/> (same length, not
    /// overlapping), NaN for the first n slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output) => Compute(values, period, 1.0, output);

    /// <summary>The batch loop shared with <see cref="RateOfChange"/>, which scales by 100.</summary>
    internal static void Compute(ReadOnlySpan<double> values, int period, double scale, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        BatchGuard.RequireOutput(values, output, nameof(output));
        var warmUp = Math.Min(period, values.Length);
        output[..warmUp].Fill(double.NaN);
        var current = values[warmUp..];
        var past = values[..current.Length];
        var rest = output[warmUp..];
        for (var i = 0; i < current.Length; i++)
        {
            rest[i] = ((current[i] / past[i]) - 1.0) * scale;
        }
    }
}
