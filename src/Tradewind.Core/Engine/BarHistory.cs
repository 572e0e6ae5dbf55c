using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>
/// The bars of one symbol that a strategy may see: those whose time is at or before the engine's current time,
/// and no others. The spans end at the current bar, so reading a later bar is not a mistake a strategy can make:
/// there is nothing after the end to read.
/// </summary>
public readonly struct BarHistory
{
    private readonly BarSeries _series;

    internal BarHistory(BarSeries series, int count)
    {
        _series = series;
        Count = count;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol => _series.Symbol;

    /// <summary>Bars visible (0 before the symbol's first bar).</summary>
    public int Count { get; }

    /// <summary>Bar times (UTC).</summary>
    public ReadOnlySpan<DateTime> Time => _series.Time[..Count];

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open => _series.Open[..Count];

    /// <summary>Highest prices.</summary>
    public ReadOnlySpan<double> High => _series.High[..Count];

    /// <summary>Lowest prices.</summary>
    public ReadOnlySpan<double> Low => _series.Low[..Count];

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close => _series.Close[..Count];

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume => _series.Volume[..Count];

    /// <summary>The latest bar (the current one when the symbol has a bar now).</summary>
    /// <exception cref="InvalidOperationException">No bar is visible yet.</exception>
    public Bar Last => Count > 0 ? _series[Count - 1] : throw new InvalidOperationException($"{_series.Symbol} has no bar yet");
}
