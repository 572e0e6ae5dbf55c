namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// What the execution needs from a decision: the action, the dollars per symbol to buy, the fraction of every
/// holding to sell. The execute job rebuilds it from the stored signal row; the backtest takes it from the decision.
/// </summary>
/// <param name="Action">Buy, Sell or Hold.</param>
/// <param name="Allocations">Dollars per symbol (Buy only; empty otherwise).</param>
/// <param name="SellFraction">Fraction of each holding to sell, 0 to 1 (Sell only; 0 otherwise).</param>
public sealed record AllocatorInstruction(AllocatorAction Action, IReadOnlyDictionary<string, decimal> Allocations, decimal SellFraction)
{
    /// <summary>Nothing to do.</summary>
    public static AllocatorInstruction Hold { get; } = new(AllocatorAction.Hold, new Dictionary<string, decimal>(), 0m);
}
