namespace Tradewind.Jobs.Daily;

/// <summary>What one daily job did for one trading date, in words a user reads.</summary>
/// <param name="Job">The job: fetch, signal or execute.</param>
/// <param name="Date">The trading date (America/New_York).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">One line saying what happened.</param>
/// <param name="Warnings">Things a user should look at, such as a stored price that a provider now reports differently.</param>
public sealed record DailyJobOutcome(string Job, DateOnly Date, DailyJobStatus Status, string Message, IReadOnlyList<string> Warnings)
{
    /// <summary>An outcome without warnings.</summary>
    public DailyJobOutcome(string job, DateOnly date, DailyJobStatus status, string message)
        : this(job, date, status, message, [])
    {
    }
}
