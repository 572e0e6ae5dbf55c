namespace Tradewind.Storage.PaperTrading;

/// <summary>What <see cref="PaperAccountRepository.RecordExecutionAsync"/> did.</summary>
/// <param name="Outcome">Recorded now, or found already executed.</param>
/// <param name="Execution">The date's completion marker: the one just written, or the one that was already stored.</param>
public sealed record ExecutionRecordResult(ExecutionOutcome Outcome, CompletedExecution Execution);
