namespace Tradewind.Core.Indicators;

/// <summary>
/// Stochastic oscillator: %K = 100·(close − lowest low of n bars)/(highest high of n bars − lowest low), optionally
/// smoothed by an SMA(slowing), and %D = SMA(m) of %K. %K first appears at index n + slowing − 2 (n − 1 for the
/// fast stochastic, slowing 1) and %D at index n + slowing + m − 3.
/// </summary>
/// <remarks>
/// When the window has no range (highest high = lowest low) the close sits at both ends at once; %K is then defined
/// as 50, the neutral midpoint, rather than carrying the previous value, so the result never depends on history
/// before the window. Highest and lowest come from monotonic deques: O(1) amortized per bar.
/// </remarks>
public sealed class StochasticOscillator
{
    private readonly RollingRange _range;
    private readonly SimpleMovingAverage? _slowing;
    private readonly SimpleMovingAverage _d;
    private double _k = double.NaN;
    private double _dValue = double.NaN;

    /// <summary>
    /// Creates a stochastic with a %K look-back of <paramref name="period"/> bars, %D over
    /// <paramref name="dPeriod"/> values of %K and %K smoothed over <paramref name="slowing"/> values (1 = none); all at least 1.
    /// </summary>
    public StochasticOscillator(int period, int dPeriod, int slowing = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowing, 1);
        _range = new RollingRange(period);
        _slowing = slowing > 1 ? new SimpleMovingAverage(slowing) : null;
        _d = new SimpleMovingAverage(dPeriod);
        Period = period;
    }

    /// <summary>The %K look-back n in bars.</summary>
    public int Period { get; }

    /// <summary>The %D period m.</summary>
    public int DPeriod => _d.Period;

    /// <summary>The %K smoothing (1 = the fast stochastic).</summary>
    public int Slowing => _slowing?.Period ?? 1;

    /// <summary>True once both %K and %D have values.</summary>
    public bool IsReady => _d.IsReady;

    /// <summary>The current %K (0–100 for consistent bars), NaN during warm-up.</summary>
    public double K => _k;

    /// <summary>The current %D, NaN during warm-up.</summary>
    public double D => _dValue;

    /// <summary>Adds the next bar and updates %K and %D.</summary>
    public void Update(double high, double low, double close)
    {
        _range.Add(high, low);
        if (!_range.IsFull)
        {
            return;
        }

        var highest = _range.Highest;
        var lowest = _range.Lowest;
        var raw = highest > lowest ? 100.0 * (close - lowest) / (highest - lowest) : 50.0;
        if (_slowing is not null)
        {
            raw = _slowing.Update(raw);
            if (!_slowing.IsReady)
            {
                return;
            }
        }

        _k = raw;
        _dValue = _d.Update(raw);
    }

    /// <summary>Forgets every bar seen.</summary>
    public void Reset()
    {
        _range.Reset();
        _slowing?.Reset();
        _d.Reset();
        _k = double.NaN;
        _dValue = double.NaN;
    }

    /// <summary>
    /// Computes %K and %D of the bars given as high/low/close spans into two outputs of the same length, NaN during
    /// each one's warm-up.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        int dPeriod,
        int slowing,
        Span<double> k,
        Span<double> d)
    {
        BatchGuard.RequireLength(high.Length, low.Length, nameof(low));
        BatchGuard.RequireLength(high.Length, close.Length, nameof(close));
        BatchGuard.RequireOutput(high, k, nameof(k));
        BatchGuard.RequireOutput(high, d, nameof(d));
        var stochastic = new StochasticOscillator(period, dPeriod, slowing);
        for (var i = 0; i < high.Length; i++)
        {
            stochastic.Update(high[i], low[i], close[i]);
            k[i] = stochastic._k;
            d[i] = stochastic._dValue;
        }
    }
}
