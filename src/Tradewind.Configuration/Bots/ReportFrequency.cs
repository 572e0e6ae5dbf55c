namespace Tradewind.Configuration.Bots;

/// <summary>How often a bot sends a performance report (<c>notifications.performance_reports</c>).</summary>
public enum ReportFrequency
{
    /// <summary>Never.</summary>
    None,

    /// <summary>After each trading day.</summary>
    Daily,

    /// <summary>After each trading week.</summary>
    Weekly,
}
