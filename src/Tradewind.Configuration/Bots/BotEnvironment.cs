namespace Tradewind.Configuration.Bots;

/// <summary>The environment a bot document belongs to (<c>environment</c>).</summary>
public enum BotEnvironment
{
    /// <summary>A developer's machine.</summary>
    Development,

    /// <summary>The rehearsal before production.</summary>
    Staging,

    /// <summary>Where real decisions are made.</summary>
    Production,
}
