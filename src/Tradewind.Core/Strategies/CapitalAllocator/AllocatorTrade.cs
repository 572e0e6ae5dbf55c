namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>One planned trade at the day's opening price.</summary>
/// <param name="Symbol">The asset.</param>
/// <param name="Action">Buy or Sell.</param>
/// <param name="Quantity">Shares, more than 0, at most 4 decimals.</param>
/// <param name="Price">The opening price.</param>
/// <param name="Amount">Quantity × price, exactly (not rounded).</param>
public sealed record AllocatorTrade(string Symbol, AllocatorAction Action, decimal Quantity, decimal Price, decimal Amount);
