using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary><c>notifications</c>: which alerts the bot sends, through the channels of the settings' <c>notifications</c>.</summary>
public sealed record BotNotifications
{
    /// <summary>Whether the bot's alerts go to Telegram.</summary>
    [Setting("Whether the bot's alerts go to Telegram (the channel of notifications.telegram).")]
    public bool TelegramEnabled { get; init; }

    /// <summary>Whether the bot's alerts are e-mailed.</summary>
    [Setting("Whether the bot's alerts are e-mailed (the channel of notifications.email).")]
    public bool EmailEnabled { get; init; }

    /// <summary>Whether every opened and closed trade is announced.</summary>
    [Setting("Whether every opened and closed trade is announced.")]
    public bool TradeNotifications { get; init; } = true;

    /// <summary>Whether errors are announced.</summary>
    [Setting("Whether errors are announced.")]
    public bool ErrorNotifications { get; init; } = true;

    /// <summary>How often a performance report is sent.</summary>
    [Setting("How often a performance report is sent.")]
    public ReportFrequency PerformanceReports { get; init; } = ReportFrequency.None;
}
