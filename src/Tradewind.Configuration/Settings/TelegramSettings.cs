namespace Tradewind.Configuration.Settings;

/// <summary><c>notifications.telegram</c>: a Telegram bot posting to one chat.</summary>
public sealed record TelegramSettings
{
    /// <summary>Whether alerts go to Telegram.</summary>
    [Setting("Whether alerts go to Telegram; needs bot_token and chat_id.")]
    public bool Enabled { get; init; }

    /// <summary>The bot's token (a secret).</summary>
    [Setting("The bot's token (secret: reference ${TELEGRAM_BOT_TOKEN}).")]
    public string BotToken { get; init; } = "";

    /// <summary>The chat the bot posts to.</summary>
    [Setting("The chat the bot posts to.")]
    public string ChatId { get; init; } = "";
}
