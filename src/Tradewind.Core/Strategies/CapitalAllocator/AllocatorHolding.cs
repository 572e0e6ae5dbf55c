namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>A position the allocator holds: shares (4 decimals) and their weighted-average cost per share.</summary>
/// <param name="Quantity">Shares held; more than 0.</param>
/// <param name="AverageCost">Weighted-average price paid per share; not negative.</param>
public sealed record AllocatorHolding(decimal Quantity, decimal AverageCost)
{
    /// <summary>What the shares cost in total: quantity × average cost.</summary>
    public decimal CostBasis => Quantity * AverageCost;
}
