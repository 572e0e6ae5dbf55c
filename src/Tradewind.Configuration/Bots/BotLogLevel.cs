namespace Tradewind.Configuration.Bots;

/// <summary>
/// The least severe level a bot logs (<c>logging.level</c>), named as the users' existing bot documents
/// name them (<c>INFO</c>); the process log's own levels are <see cref="Settings.LogVerbosity"/>.
/// </summary>
public enum BotLogLevel
{
    /// <summary>Diagnostic detail.</summary>
    Debug,

    /// <summary>What the bot did.</summary>
    Info,

    /// <summary>Only what needs attention.</summary>
    Warning,

    /// <summary>Only failures.</summary>
    Error,

    /// <summary>Only failures that stop the bot.</summary>
    Critical,
}
