namespace Tradewind.Configuration.Settings;

/// <summary><c>schedule</c>: when the daily jobs run, in the schedule's time zone, on the calendar's trading days.</summary>
public sealed record ScheduleSettings
{
    /// <summary>The IANA time zone the cron expressions are read in.</summary>
    [Setting("IANA time zone the cron expressions are read in.")]
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>The exchange calendar whose trading days the jobs run on.</summary>
    [Setting("The exchange calendar whose trading days the jobs run on: NYSE or CRYPTO.")]
    public string Calendar { get; init; } = "NYSE";

    /// <summary>The daily jobs.</summary>
    [Setting("The daily jobs.")]
    public ScheduledJobs Jobs { get; init; } = new();
}
