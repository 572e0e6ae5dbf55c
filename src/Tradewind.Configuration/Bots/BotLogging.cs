using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary><c>logging</c>: what the bot logs and records.</summary>
public sealed record BotLogging
{
    /// <summary>The least severe level written to the bot's log.</summary>
    [Setting("The least severe level written to the bot's log (any case: INFO, info).")]
    public BotLogLevel Level { get; init; } = BotLogLevel.Info;

    /// <summary>Whether every trade is stored.</summary>
    [Setting("Whether every trade is stored.")]
    public bool SaveTrades { get; init; } = true;

    /// <summary>Whether the equity curve is stored.</summary>
    [Setting("Whether the equity curve is stored.")]
    public bool SaveEquityCurve { get; init; } = true;

    /// <summary>The bot's log file, relative to the working directory; empty for none.</summary>
    [Setting("The bot's own log file, relative to the working directory (e.g. logs/production/<bot_id>.log); empty: none, the process log only.")]
    public string LogFile { get; init; } = "";
}
