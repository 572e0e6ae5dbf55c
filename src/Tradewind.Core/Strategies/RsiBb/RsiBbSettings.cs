namespace Tradewind.Core.Strategies.RsiBb;

/// <summary>The parameters of <see cref="RsiBbStrategy"/>; defaults are the paper-bot template's.</summary>
public sealed record RsiBbSettings
{
    /// <summary>The entry rule.</summary>
    public RsiBbEntry Entry { get; init; } = RsiBbEntry.RsiOrBb;

    /// <summary>The exit rule.</summary>
    public RsiBbExit Exit { get; init; } = RsiBbExit.AtrExit;

    /// <summary>RSI look-back (Wilder).</summary>
    public int RsiPeriod { get; init; } = 14;

    /// <summary>Enter below this RSI.</summary>
    public double RsiOversold { get; init; } = 30;

    /// <summary>Bollinger look-back.</summary>
    public int BbPeriod { get; init; } = 20;

    /// <summary>Bollinger width in population standard deviations.</summary>
    public double BbDev { get; init; } = 2.0;

    /// <summary>Volume must exceed this multiple of its 20-bar average, the signal bar's own volume included (RSIBBVolume only).</summary>
    public double VolumeFactor { get; init; } = 1.0;

    /// <summary>
    /// Bar closes, the exit bar's included, on which no entry is decided after a position closes: with 3, an exit on
    /// bar e allows the next decision on bar e + 3's close (filled at bar e + 4); with 0, on the exit bar's own close.
    /// </summary>
    public int CooldownBars { get; init; } = 3;

    /// <summary>ATR look-back (Wilder).</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance in ATRs.</summary>
    public double SlMultiplier { get; init; } = 2.0;

    /// <summary>Take-profit distance in ATRs (AdvancedATRExit).</summary>
    public double TpMultiplier { get; init; } = 3.0;

    /// <summary>Trail the stop (AdvancedATRExit).</summary>
    public bool TrailingEnabled { get; init; }

    /// <summary>Fraction of equity per entry, at most the cash available.</summary>
    public decimal PositionSize { get; init; } = 0.1m;
}
