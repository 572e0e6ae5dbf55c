namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>The trades of one day and the holdings after them.</summary>
/// <param name="Trades">The trades, by symbol (ordinal); empty when nothing trades.</param>
/// <param name="Holdings">Every position after the trades; a position sold to zero is gone.</param>
public sealed record AllocatorExecutionPlan(IReadOnlyList<AllocatorTrade> Trades, IReadOnlyDictionary<string, AllocatorHolding> Holdings)
{
    /// <summary>Cash paid for the buys.</summary>
    public decimal CashSpent => Trades.Where(t => t.Action == AllocatorAction.Buy).Sum(t => t.Amount);

    /// <summary>Cash received for the sells.</summary>
    public decimal CashReceived => Trades.Where(t => t.Action == AllocatorAction.Sell).Sum(t => t.Amount);
}
