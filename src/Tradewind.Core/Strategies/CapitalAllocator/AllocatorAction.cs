namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>What the allocator does on a day, and the side of each of its trades.</summary>
public enum AllocatorAction
{
    /// <summary>Nothing is bought or sold.</summary>
    Hold,

    /// <summary>Part of the day's capital is invested.</summary>
    Buy,

    /// <summary>A fraction of every holding is sold.</summary>
    Sell,
}
