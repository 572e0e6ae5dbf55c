using Tradewind.Core.Execution;

namespace Tradewind.Core.Engine;

/// <summary>One fill as the journal records it: the booked <see cref="Execution.Fill"/> and where in the bar its price came from.</summary>
/// <param name="Fill">What the ledger booked: order id, symbol, side, quantity, price (slippage included), commission, time, reason.</param>
/// <param name="Point">Open, intrabar (at the order's own price) or close.</param>
public readonly record struct JournalFill(Fill Fill, FillPoint Point);
