namespace Tradewind.Storage.PaperTrading;

/// <summary>One movement of a paper account's cash: a row of <c>cash_ledger</c>. The balance is the sum of the amounts.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Strategy">The strategy whose account it is.</param>
/// <param name="TradeDate">The trading date.</param>
/// <param name="Kind">Deposit, buy or sell.</param>
/// <param name="Symbol">The traded ticker; null for a deposit.</param>
/// <param name="Amount">Signed dollars: + in (deposit, sell), − out (buy).</param>
/// <param name="TradeId">The trade this movement paid for; null for a deposit.</param>
/// <param name="CreatedAt">When it was recorded (UTC).</param>
public sealed record CashLedgerEntry(
    long Id,
    string Strategy,
    DateOnly TradeDate,
    CashLedgerKind Kind,
    string? Symbol,
    decimal Amount,
    long? TradeId,
    DateTimeOffset CreatedAt);
