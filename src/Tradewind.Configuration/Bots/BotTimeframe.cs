using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary>The bar length a bot decides on (<c>timeframe</c>), spelled as exchanges do: 1m ... 1w.</summary>
public enum BotTimeframe
{
    /// <summary>One-minute bars.</summary>
    [SettingKey("1m")]
    OneMinute,

    /// <summary>Five-minute bars.</summary>
    [SettingKey("5m")]
    FiveMinutes,

    /// <summary>Fifteen-minute bars.</summary>
    [SettingKey("15m")]
    FifteenMinutes,

    /// <summary>Thirty-minute bars.</summary>
    [SettingKey("30m")]
    ThirtyMinutes,

    /// <summary>Hourly bars.</summary>
    [SettingKey("1h")]
    OneHour,

    /// <summary>Four-hour bars.</summary>
    [SettingKey("4h")]
    FourHours,

    /// <summary>Daily bars.</summary>
    [SettingKey("1d")]
    OneDay,

    /// <summary>Weekly bars.</summary>
    [SettingKey("1w")]
    OneWeek,
}
