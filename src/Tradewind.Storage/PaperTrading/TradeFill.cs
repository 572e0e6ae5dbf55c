using Tradewind.Core.Execution;

namespace Tradewind.Storage.PaperTrading;

/// <summary>One paper trade of an execution, as the execute job priced it.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Action">Buy or sell.</param>
/// <param name="Quantity">Shares, &gt; 0 (fractional shares allowed).</param>
/// <param name="Price">The fill price per share, &gt; 0.</param>
/// <param name="Amount">The dollars paid (buy) or received (sell), &gt; 0: normally quantity × price.</param>
public sealed record TradeFill(string Symbol, OrderSide Action, decimal Quantity, decimal Price, decimal Amount);
