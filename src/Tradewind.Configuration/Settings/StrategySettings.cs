namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy</c>: the active strategy and its parameters.</summary>
public sealed record StrategySettings
{
    /// <summary>The strategy run by the daily jobs.</summary>
    [Setting("The strategy run by the daily jobs: capital-allocator or multi-asset.", NotEmpty = true)]
    public string Name { get; init; } = "capital-allocator";

    /// <summary>The daily capital allocator's parameters.</summary>
    [Setting("The daily capital allocator's parameters.")]
    public CapitalAllocatorSettings CapitalAllocator { get; init; } = new();

    /// <summary>The multi-asset portfolio's parameters.</summary>
    [Setting("The multi-asset momentum/volatility-targeting portfolio's parameters.")]
    public MultiAssetSettings MultiAsset { get; init; } = new();
}
