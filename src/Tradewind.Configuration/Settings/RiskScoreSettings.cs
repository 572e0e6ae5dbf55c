namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy.capital_allocator.risk</c>: where the 0–100 risk score turns medium or high.</summary>
public sealed record RiskScoreSettings
{
    /// <summary>Risk score at or above which risk is high.</summary>
    [Setting("Risk score (0-100) above which risk is high; greater than medium_threshold.", Minimum = 0, Maximum = 100)]
    public double HighThreshold { get; init; } = 70;

    /// <summary>Risk score at or above which risk is medium.</summary>
    [Setting("Risk score (0-100) from which risk is medium (up to and including high_threshold); below it risk is low.", Minimum = 0, Maximum = 100)]
    public double MediumThreshold { get; init; } = 40;
}
