namespace Tradewind.Storage.PaperTrading;

/// <summary>A strategy's paper account as stored: its positions and its cash.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Positions">Open positions, by symbol.</param>
/// <param name="Cash">The cash balance: the sum of the whole cash ledger.</param>
/// <param name="TotalDeposits">All cash ever paid in.</param>
/// <param name="LastExecutedDate">The latest executed trading date; null before the first.</param>
public sealed record PaperAccountState(
    string Strategy,
    IReadOnlyList<PaperPosition> Positions,
    decimal Cash,
    decimal TotalDeposits,
    DateOnly? LastExecutedDate);
