namespace Tradewind.Core.Indicators;

/// <summary>
/// Granville's on-balance volume: a running total that adds a bar's volume when the close rises, subtracts it
/// when the close falls and leaves it when the close is unchanged. It is 0 on the first bar, which has no
/// previous close and so no direction (TA-Lib starts at the first bar's volume instead; only the level differs),
/// and has a value from the first bar on.
/// </summary>
public sealed class OnBalanceVolume
{
    private bool _hasPrevious;
    private double _previousClose;
    private double _value = double.NaN;

    /// <summary>True once a bar has been seen.</summary>
    public bool IsReady => _hasPrevious;

    /// <summary>The current on-balance volume, NaN before the first bar.</summary>
    public double Value => _value;

    /// <summary>Adds the next bar and returns the new on-balance volume.</summary>
    public double Update(double close, double volume)
    {
        if (!_hasPrevious)
        {
            _hasPrevious = true;
            _value = 0;
        }
        else if (close > _previousClose)
        {
            _value += volume;
        }
        else if (close < _previousClose)
        {
            _value -= volume;
        }

        _previousClose = close;
        return _value;
    }

    /// <summary>Forgets every bar seen.</summary>
    public void Reset()
    {
        _hasPrevious = false;
        _previousClose = 0;
        _value = double.NaN;
    }

    /// <summary>Computes the on-balance volume of the bars given as close/volume spans into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> output)
    {
        BatchGuard.RequireLength(close.Length, volume.Length, nameof(volume));
        BatchGuard.RequireOutput(close, output, nameof(output));
        BatchGuard.RequireOutput(volume, output, nameof(output));
        var obv = new OnBalanceVolume();
        for (var i = 0; i < close.Length; i++)
        {
            output[i] = obv.Update(close[i], volume[i]);
        }
    }
}
