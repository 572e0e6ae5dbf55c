namespace Tradewind.Configuration.Settings;

/// <summary><c>notifications</c>: alert channels. An enabled channel needs its secret and target.</summary>
public sealed record NotificationsSettings
{
    /// <summary>The least severe alert sent.</summary>
    [Setting("The least severe alert sent.")]
    public NotificationLevel MinLevel { get; init; } = NotificationLevel.Warning;

    /// <summary>Slack incoming webhook.</summary>
    [Setting("Slack incoming webhook.")]
    public WebhookChannelSettings Slack { get; init; } = new();

    /// <summary>Discord webhook.</summary>
    [Setting("Discord webhook.")]
    public WebhookChannelSettings Discord { get; init; } = new();

    /// <summary>Telegram bot.</summary>
    [Setting("Telegram bot.")]
    public TelegramSettings Telegram { get; init; } = new();

    /// <summary>E-mail over SMTP.</summary>
    [Setting("E-mail over SMTP.")]
    public EmailSettings Email { get; init; } = new();
}
