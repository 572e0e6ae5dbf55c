namespace Tradewind.Storage.PaperTrading;

/// <summary>What recording an execution did.</summary>
public enum ExecutionOutcome
{
    /// <summary>The execution and all its rows were stored.</summary>
    Recorded,

    /// <summary>The date was already executed for the strategy: nothing was written.</summary>
    AlreadyExecuted,
}
