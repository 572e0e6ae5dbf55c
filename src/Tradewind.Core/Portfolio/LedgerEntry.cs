using Tradewind.Core.Market;

namespace Tradewind.Core.Portfolio;

/// <summary>One append-only line of the cash ledger, for audit: every change of cash is one entry.</summary>
/// <param name="Sequence">1, 2, 3 … in booking order.</param>
/// <param name="Time">When it happened (UTC): the deposit's or withdrawal's time, or the fill's time.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Amount">The signed change of cash: positive for deposits and sells, negative for withdrawals, buys and fees.</param>
/// <param name="CashAfter">Cash after this entry.</param>
/// <param name="Symbol">The instrument for buy, sell and fee entries; null for deposits and withdrawals.</param>
/// <param name="Quantity">The quantity for buy and sell entries (positive); 0 otherwise.</param>
/// <param name="Price">The price for buy and sell entries; 0 otherwise.</param>
/// <param name="RealizedPnL">For a sell, (price − average cost) × quantity; 0 otherwise.</param>
/// <param name="OrderId">The fill's order for buy, sell and fee entries; null otherwise.</param>
/// <param name="Note">The deposit's or withdrawal's note, or the fill's reason.</param>
public readonly record struct LedgerEntry(
    long Sequence,
    DateTime Time,
    LedgerEntryKind Kind,
    decimal Amount,
    decimal CashAfter,
    Symbol? Symbol,
    decimal Quantity,
    decimal Price,
    decimal RealizedPnL,
    long? OrderId,
    string Note);
