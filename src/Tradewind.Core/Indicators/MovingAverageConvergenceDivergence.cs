namespace Tradewind.Core.Indicators;

/// <summary>
/// MACD(fast, slow, signal): line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line, histogram = line − signal.
/// The line first appears at index slow − 1, the signal and histogram at index slow + signal − 2
/// (25 and 33 for the usual 12, 26, 9).
/// </summary>
/// <remarks>
/// Each EMA is seeded like <see cref="ExponentialMovingAverage"/>: the fast and slow ones by the simple mean of
/// their own first values (so the fast EMA starts earlier), the signal EMA by the simple mean of the first
/// <c>signal</c> line values. TA-Lib differs: it starts the fast EMA at the slow one's first index, which changes
/// early values.
/// </remarks>
public sealed class MovingAverageConvergenceDivergence
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;
    private double _line = double.NaN;
    private double _histogram = double.NaN;

    /// <summary>Creates a MACD; periods are at least 1 and <paramref name="fastPeriod"/> is below <paramref name="slowPeriod"/>.</summary>
    public MovingAverageConvergenceDivergence(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, $"the slow period must be longer than the fast period {fastPeriod}");
        }

        _fast = new ExponentialMovingAverage(fastPeriod);
        _slow = new ExponentialMovingAverage(slowPeriod);
        _signal = new ExponentialMovingAverage(signalPeriod);
    }

    /// <summary>The fast EMA period.</summary>
    public int FastPeriod => _fast.Period;

    /// <summary>The slow EMA period.</summary>
    public int SlowPeriod => _slow.Period;

    /// <summary>The signal EMA period.</summary>
    public int SignalPeriod => _signal.Period;

    /// <summary>True once every output (line, signal, histogram) has a value.</summary>
    public bool IsReady => _signal.IsReady;

    /// <summary>The MACD line, NaN until index slow − 1.</summary>
    public double Line => _line;

    /// <summary>The signal line, NaN until index slow + signal − 2.</summary>
    public double Signal => _signal.Value;

    /// <summary>Line minus signal, NaN until index slow + signal − 2.</summary>
    public double Histogram => _histogram;

    /// <summary>Adds the next value and updates the three outputs.</summary>
    public void Update(double value)
    {
        var fast = _fast.Update(value);
        var slow = _slow.Update(value);
        if (!_slow.IsReady)
        {
            return;
        }

        _line = fast - slow;
        _histogram = _line - _signal.Update(_line);
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        _line = double.NaN;
        _histogram = double.NaN;
    }

    /// <summary>
    /// Computes MACD of <paramref name="values"/> into three outputs of the same length, NaN during each one's warm-up.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int fastPeriod, int slowPeriod, int signalPeriod, Span<double> line, Span<double> signal, Span<double> histogram)
    {
        BatchGuard.RequireOutput(values, line, nameof(line));
        BatchGuard.RequireOutput(values, signal, nameof(signal));
        BatchGuard.RequireOutput(values, histogram, nameof(histogram));
        var macd = new MovingAverageConvergenceDivergence(fastPeriod, slowPeriod, signalPeriod);
        for (var i = 0; i < values.Length; i++)
        {
            macd.Update(values[i]);
            line[i] = macd._line;
            signal[i] = macd._signal.Value;
            histogram[i] = macd._histogram;
        }
    }
}
