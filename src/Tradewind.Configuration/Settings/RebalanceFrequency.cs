namespace Tradewind.Configuration.Settings;

/// <summary>How often a portfolio strategy rebalances (<c>strategy.multi_asset.rebalance</c>).</summary>
public enum RebalanceFrequency
{
    /// <summary>On the first trading day of each week.</summary>
    Weekly,

    /// <summary>On the first trading day of each month.</summary>
    Monthly,
}
