namespace Tradewind.Core.Indicators;

/// <summary>
/// Sum and sum of squared deviations of the last <c>n</c> values, updated in O(1) and recomputed exactly
/// each time the window has been fully replaced.
/// </summary>
/// <remarks>
/// The squared deviations use the sliding form of Welford's update,
/// <c>M2 += (x − old)·(x − mean' + old − mean)</c>, rather than Σx² − n·mean², which cancels catastrophically
/// when prices are large and the spread small. The periodic two-pass recomputation (every <c>n</c> updates,
/// so amortized O(1)) keeps rounding from accumulating over millions of updates.
/// A window of identical values reports exactly zero spread: the sliding update can leave a residue of a few
/// ulps of mean², whose square root (≈1e-7 at a price of 100) would otherwise pass for a real deviation. The run
/// of equal values is counted for that, as pandas does for its rolling variance.
/// </remarks>
internal sealed class RollingMoments
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private double _sum;
    private double _squaredDeviations;
    private double _last = double.NaN;
    private int _equalRun;

    /// <summary>Creates an empty window of <paramref name="length"/> values.</summary>
    public RollingMoments(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _window = new double[length];
    }

    /// <summary>The window length.</summary>
    public int Length => _window.Length;

    /// <summary>True once the window holds <see cref="Length"/> values.</summary>
    public bool IsFull => _count == _window.Length;

    /// <summary>The mean of the window (meaningful only when <see cref="IsFull"/>).</summary>
    public double Mean => _sum / _window.Length;

    /// <summary>Σ(x − mean)² over the window, never negative (meaningful only when <see cref="IsFull"/>).</summary>
    public double SquaredDeviations => _equalRun >= _window.Length || _squaredDeviations < 0 ? 0 : _squaredDeviations;

    /// <summary>Adds a value, dropping the oldest once the window is full.</summary>
    public void Add(double value)
    {
        var window = _window;
        var length = window.Length;
        var next = _next;
        if (value == _last)
        {
            // Capped at the window length, which is all the flat-window test needs, so it cannot overflow.
            if (_equalRun < length)
            {
                _equalRun++;
            }
        }
        else
        {
            _last = value;
            _equalRun = 1;
        }

        if (_count == length)
        {
            var old = window[next];
            var oldMean = _sum / length;
            _sum += value - old;
            var newMean = _sum / length;
            _squaredDeviations += (value - old) * (value - newMean + old - oldMean);
        }
        else
        {
            _sum += value;
            _count++;
        }

        window[next] = value;
        if (++next == length)
        {
            // The buffer now holds exactly the window, oldest first: recompute both sums from scratch.
            next = 0;
            _sum = WindowSums.Sum(window);
            _squaredDeviations = WindowSums.SquaredDeviations(window, _sum / length);
        }

        _next = next;
    }

    /// <summary>Empties the window.</summary>
    public void Reset()
    {
        _next = 0;
        _count = 0;
        _sum = 0;
        _squaredDeviations = 0;
        _last = double.NaN;
        _equalRun = 0;
    }
}
