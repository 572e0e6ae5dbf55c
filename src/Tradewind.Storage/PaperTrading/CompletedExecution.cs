namespace Tradewind.Storage.PaperTrading;

/// <summary>A row of <c>executions</c>: the marker that the execute job completed a date for a strategy.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="TradeDate">The executed trading date.</param>
/// <param name="SignalId">The signal that was executed; null when the date had none.</param>
/// <param name="Status">Whether trades were made.</param>
/// <param name="TradeCount">The number of trades made.</param>
/// <param name="CreatedAt">When the execution was recorded (UTC).</param>
public sealed record CompletedExecution(string Strategy, DateOnly TradeDate, long? SignalId, ExecutionStatus Status, int TradeCount, DateTimeOffset CreatedAt);
