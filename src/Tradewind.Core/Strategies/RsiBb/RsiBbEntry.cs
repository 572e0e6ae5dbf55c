namespace Tradewind.Core.Strategies.RsiBb;

/// <summary>The entry rule of <see cref="RsiBbStrategy"/>.</summary>
public enum RsiBbEntry
{
    /// <summary>RSI &lt; oversold AND close &lt; lower band AND volume &gt; volume_factor × its 20-bar average.</summary>
    RsiBbVolume,

    /// <summary>RSI &lt; oversold OR close &lt; lower band.</summary>
    RsiOrBb,
}
