namespace Tradewind.Configuration.Settings;

/// <summary><c>schedule.jobs</c>: one entry per job of the daily run.</summary>
public sealed record ScheduledJobs
{
    /// <summary>Fetch prices after the close.</summary>
    [Setting("Fetch prices after the close.")]
    public ScheduledJob FetchPrices { get; init; } = new() { Cron = "35 16 * * 1-5" };

    /// <summary>Generate the signal before the open.</summary>
    [Setting("Generate the signal before the open.")]
    public ScheduledJob GenerateSignal { get; init; } = new() { Cron = "0 6 * * 1-5" };

    /// <summary>Execute trades at the open.</summary>
    [Setting("Execute trades at the open.")]
    public ScheduledJob ExecuteTrades { get; init; } = new() { Cron = "30 9 * * 1-5" };

    /// <summary>Re-tune the strategy's parameters.</summary>
    [Setting("Re-tune the strategy's parameters.")]
    public ScheduledJob Tune { get; init; } = new() { Cron = "0 20 1 * *" };
}
