namespace Tradewind.Core.Indicators;

/// <summary>
/// Wilder's relative strength index RSI(n) on a 0–100 scale; the first value is at index n (it needs n changes).
/// </summary>
/// <remarks>
/// The first average gain and loss are the simple means of the first n changes; after that each is
/// <c>avg = (avg·(n − 1) + x)/n</c> (Wilder's smoothing). RSI = 100 − 100/(1 + avgGain/avgLoss).
/// When the average loss is 0 the RSI is 100; when the average gain is 0 too (prices flat over the whole
/// smoothing memory) there is no direction at all and the RSI is defined as 50, the neutral midpoint.
/// </remarks>
public sealed class RelativeStrengthIndex
{
    private readonly int _period;
    private readonly double _periodMinusOne;
    private int _changes;
    private bool _hasPrevious;
    private double _previous;
    private double _averageGain;
    private double _averageLoss;
    private double _value = double.NaN;

    /// <summary>Creates an RSI over <paramref name="period"/> changes (at least 1).</summary>
    public RelativeStrengthIndex(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _periodMinusOne = period - 1;
    }

    /// <summary>The period n.</summary>
    public int Period => _period;

    /// <summary>True once n changes (n + 1 values) have been seen.</summary>
    public bool IsReady => _changes == _period;

    /// <summary>The current RSI, NaN during warm-up.</summary>
    public double Value => _value;

    /// <summary>Wilder's average gain, NaN during warm-up.</summary>
    public double AverageGain => IsReady ? _averageGain : double.NaN;

    /// <summary>Wilder's average loss (a positive number), NaN during warm-up.</summary>
    public double AverageLoss => IsReady ? _averageLoss : double.NaN;

    /// <summary>Adds the next value and returns the new RSI (NaN during warm-up).</summary>
    public double Update(double value)
    {
        if (!_hasPrevious)
        {
            _hasPrevious = true;
            _previous = value;
            return _value;
        }

        var change = value - _previous;
        _previous = value;
        var gain = change > 0 ? change : 0.0;
        var loss = change < 0 ? -change : 0.0;
        if (_changes == _period)
        {
            _averageGain = (_averageGain * _periodMinusOne + gain) / _period;
            _averageLoss = (_averageLoss * _periodMinusOne + loss) / _period;
        }
        else
        {
            _averageGain += gain;
            _averageLoss += loss;
            if (++_changes < _period)
            {
                return _value;
            }

            _averageGain /= _period;
            _averageLoss /= _period;
        }

        _value = _averageLoss == 0
            ? (_averageGain == 0 ? 50.0 : 100.0)
            : 100.0 - (100.0 / (1.0 + (_averageGain / _averageLoss)));
        return _value;
    }

    /// <summary>Forgets every value seen.</summary>
    public void Reset()
    {
        _changes = 0;
        _hasPrevious = false;
        _previous = 0;
        _averageGain = 0;
        _averageLoss = 0;
        _value = double.NaN;
    }

    /// <summary>
    /// Computes RSI(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="output"/>
    /// (same length, not overlapping), NaN for the first <paramref name="period"/> slots.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        BatchGuard.RequireOutput(values, output, nameof(output));
        var rsi = new RelativeStrengthIndex(period);
        for (var i = 0; i < values.Length; i++)
        {
            output[i] = rsi.Update(values[i]);
        }
    }
}
