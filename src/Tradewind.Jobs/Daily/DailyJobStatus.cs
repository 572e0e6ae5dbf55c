namespace Tradewind.Jobs.Daily;

/// <summary>How a daily job ended. Every status is a success (exit code 0); a failure is an exception.</summary>
public enum DailyJobStatus
{
    /// <summary>The job did its work for the date and stored it.</summary>
    Completed,

    /// <summary>The date's work was already complete; nothing was changed.</summary>
    AlreadyDone,

    /// <summary>The exchange is closed on the date; nothing was done.</summary>
    MarketClosed,

    /// <summary>A prerequisite is missing (no signal, no opening price); nothing was written.</summary>
    NothingToDo,
}
