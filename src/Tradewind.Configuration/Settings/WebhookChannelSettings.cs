namespace Tradewind.Configuration.Settings;

/// <summary><c>notifications.slack</c>, <c>notifications.discord</c>: a channel reached by posting to a webhook URL.</summary>
public sealed record WebhookChannelSettings
{
    /// <summary>Whether alerts go to this channel.</summary>
    [Setting("Whether alerts go to this channel; needs webhook_url.")]
    public bool Enabled { get; init; }

    /// <summary>The webhook URL (a secret).</summary>
    [Setting("The webhook URL, https (secret: reference a variable such as ${SLACK_WEBHOOK_URL}).")]
    public string WebhookUrl { get; init; } = "";
}
