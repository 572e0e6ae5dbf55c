namespace Tradewind.Configuration.Settings;

/// <summary>The least severe alert sent (<c>notifications.min_level</c>).</summary>
public enum NotificationLevel
{
    /// <summary>Everything, including routine run summaries.</summary>
    Info,

    /// <summary>What needs attention.</summary>
    Warning,

    /// <summary>Failures only.</summary>
    Error,
}
