namespace Tradewind.Configuration.Settings;

/// <summary><c>compliance.pdt</c>: the pattern day trader rule.</summary>
public sealed record PatternDayTraderSettings
{
    /// <summary>Whether the rule is checked.</summary>
    [Setting("Whether the rule is checked.")]
    public bool Enabled { get; init; } = true;

    /// <summary>Account equity in dollars below which day trades are limited.</summary>
    [Setting("Account equity in dollars below which day trades are limited.", Minimum = 0)]
    public decimal EquityThreshold { get; init; } = 25000m;

    /// <summary>Day trades allowed within the window below the threshold.</summary>
    [Setting("Day trades allowed within the window below the threshold.", Minimum = 0, Maximum = 100)]
    public int MaxDayTrades { get; init; } = 3;

    /// <summary>Rolling window in trading days.</summary>
    [Setting("Rolling window in trading days.", Minimum = 1, Maximum = 60)]
    public int WindowDays { get; init; } = 5;
}
