namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy.capital_allocator.allocation</c>: the fraction of daily capital invested at each risk level.</summary>
public sealed record AllocationSettings
{
    /// <summary>Fraction invested when risk is low.</summary>
    [Setting("Fraction of daily capital invested when risk is low.", Minimum = 0, Maximum = 1)]
    public double LowRisk { get; init; } = 0.8;

    /// <summary>Fraction invested when risk is medium.</summary>
    [Setting("Fraction of daily capital invested when risk is medium.", Minimum = 0, Maximum = 1)]
    public double MediumRisk { get; init; } = 0.5;

    /// <summary>Fraction invested when risk is high.</summary>
    [Setting("Fraction of daily capital invested when risk is high.", Minimum = 0, Maximum = 1)]
    public double HighRisk { get; init; } = 0.3;

    /// <summary>Fraction invested in a neutral regime.</summary>
    [Setting("Fraction of daily capital invested in a neutral regime.", Minimum = 0, Maximum = 1)]
    public double Neutral { get; init; } = 0.2;
}
