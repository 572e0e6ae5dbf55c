namespace Tradewind.Configuration.Settings;

/// <summary><c>risk</c>: portfolio limits and the drawdown ladder.</summary>
public sealed record RiskSettings
{
    /// <summary>Largest fraction of equity in one position.</summary>
    [Setting("Largest fraction of equity in one position.", Minimum = 0, Maximum = 1, MinimumExclusive = true)]
    public double MaxPositionWeight { get; init; } = 0.6;

    /// <summary>Largest sum of position values as a fraction of equity (no leverage).</summary>
    [Setting("Largest sum of position values as a fraction of equity (no leverage).", Minimum = 0, Maximum = 1, MinimumExclusive = true)]
    public double MaxGrossExposure { get; init; } = 1.0;

    /// <summary>Largest value traded in one day as a fraction of equity.</summary>
    [Setting("Largest value traded in one day as a fraction of equity.", Minimum = 0, Maximum = 1)]
    public double MaxDailyTurnover { get; init; } = 0.5;

    /// <summary>The drawdown ladder: at each drawdown from the peak, exposure is cut to the level's fraction.</summary>
    [Setting("The drawdown ladder: at each drawdown from the equity peak, gross exposure is cut to the level's fraction. drawdown_pct strictly increasing, exposure never increasing.")]
    public IReadOnlyList<DrawdownLevel> Levels { get; init; } =
    [
        new() { DrawdownPct = 5, Exposure = 0.75 },
        new() { DrawdownPct = 10, Exposure = 0.5 },
        new() { DrawdownPct = 15, Exposure = 0.25 },
        new() { DrawdownPct = 20, Exposure = 0.0 },
    ];
}
