namespace Tradewind.Core.Indicators;

/// <summary>
/// Bollinger Bands(n, k): middle = SMA(n), upper/lower = middle ± k·σ, where σ is the POPULATION standard
/// deviation of the same n values (divide by n, as Bollinger defines it); all three first appear at index n − 1.
/// </summary>
/// <remarks>The middle band equals <see cref="SimpleMovingAverage"/> of the same period bit for bit (same sums, same schedule).</remarks>
public sealed class BollingerBands
{
    private readonly RollingMoments _moments;
    private readonly double _width;
    private double _middle = double.NaN;
    private double _upper = double.NaN;
    private double _lower = double.NaN;

    /// <summary>Creates bands over <paramref name="period"/> values (at least 1), <paramref name="width"/> standard deviations wide (finite, ≥ 0).</summary>
    public BollingerBands(int period, double width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!double.IsFinite(width) || width < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "the band width k must be a finite number ≥ 0");
        }

        _moments = new RollingMoments(period);
        _width = width;
    }

    /// <summary>The period n.</summary>
    public int Period => _moments.Length;

    /// <summary>The band width k in standard deviations.</summary>
    public double Width => _width;

    /// <summary>True once n values have been seen.</summary>
    public bool IsReady => _moments.IsFull;

    /// <summary>The middle band (SMA), NaN during warm-up.</summary>
    public double Middle => _middle;

    /// <summary>The upper band, NaN during warm-up.</summary>
    public double Upper => _upper;

    /// <summary>The lower band, NaN during warm-up.</summary>
    public double Lower => _lower;

    /// <summary>The population standard deviation of the window, NaN during warm-up.</summary>
    public double StandardDeviation => IsReady ? Math.Sqrt(_moments.SquaredDeviations / _moments.Length) : double.NaN;

    /// <summary>Adds the next value and updates the three bands.</summary>
    public void Update(double value)
    {
        _moments.Add(value);
        if (!_moments.IsFull)
        {
            return;
        }

        var middle = _moments.Mean;
        var offset = _width * Math.Sqrt(_moments.SquaredDeviations / _moments.Length);
        _middle = middle;
        _upper = middle + offset;
        _lower = middle - offset;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _moments.Reset();
        _middle = double.NaN;
        _upper = double.NaN;
        _lower = double.NaN;
    }

    /// <summary>
    /// Computes the bands of <paramref name="values"/> into three outputs of the same length, NaN for the first
    /// period − 1 slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, double width, Span<double> middle, Span<double> upper, Span<double> lower)
    {
        BatchGuard.RequireOutput(values, middle, nameof(middle));
        BatchGuard.RequireOutput(values, upper, nameof(upper));
        BatchGuard.RequireOutput(values, lower, nameof(lower));
        var bands = new BollingerBands(period, width);
        for (var i = 0; i < values.Length; i++)
        {
            bands.Update(values[i]);
            middle[i] = bands._middle;
            upper[i] = bands._upper;
            lower[i] = bands._lower;
        }
    }
}
