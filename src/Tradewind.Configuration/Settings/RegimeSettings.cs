namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy.capital_allocator.regime</c>: where the regime score turns bullish or bearish.</summary>
public sealed record RegimeSettings
{
    /// <summary>Regime score above which the market is bullish.</summary>
    [Setting("Regime score above which the market is bullish; greater than bearish_threshold.", Minimum = -1, Maximum = 1)]
    public double BullishThreshold { get; init; } = 0.3;

    /// <summary>Regime score below which the market is bearish.</summary>
    [Setting("Regime score below which the market is bearish.", Minimum = -1, Maximum = 1)]
    public double BearishThreshold { get; init; } = -0.3;
}
