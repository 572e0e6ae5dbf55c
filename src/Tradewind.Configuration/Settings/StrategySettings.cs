namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy</c>: the active strategy and its parameters.</summary>
public sealed record StrategySettings
{
    /// <summary>The strategy run by the daily jobs.</summary>
    [Setting("The strategy run by the daily jobs: capital-allocator.", NotEmpty = true)]
    public string Name { get; init; } = "capital-allocator";

    /// <summary>The daily capital allocator's parameters.</summary>
    [Setting("The daily capital allocator's parameters.")]
    public CapitalAllocatorSettings CapitalAllocator { get; init; } = new();
}
