namespace Tradewind.Configuration.Settings;

/// <summary><c>schedule.jobs.&lt;job&gt;</c>: when one job runs.</summary>
public sealed record ScheduledJob
{
    /// <summary>Five-field cron expression (minute hour day-of-month month day-of-week) in the schedule's time zone.</summary>
    [Setting("Five-field cron expression (minute hour day-of-month month day-of-week) in schedule.time_zone.")]
    public required string Cron { get; init; }

    /// <summary>Whether the job runs.</summary>
    [Setting("Whether the job runs.")]
    public bool Enabled { get; init; } = true;
}
