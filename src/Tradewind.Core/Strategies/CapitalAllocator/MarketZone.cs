namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>Where a regime score falls against the thresholds: below bearish, between (inclusive), above bullish.</summary>
public enum MarketZone
{
    /// <summary>Regime strictly below bearish_threshold.</summary>
    Bearish,

    /// <summary>Regime from bearish_threshold to bullish_threshold, both included.</summary>
    Neutral,

    /// <summary>Regime strictly above bullish_threshold.</summary>
    Bullish,
}
