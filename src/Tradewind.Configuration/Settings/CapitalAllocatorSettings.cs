namespace Tradewind.Configuration.Settings;

/// <summary><c>strategy.capital_allocator</c>: the daily regime-based capital allocator.</summary>
public sealed record CapitalAllocatorSettings
{
    /// <summary>Dollars deposited and allocated each trading day.</summary>
    [Setting("Dollars deposited and allocated each trading day.", Minimum = 0, MinimumExclusive = true)]
    public decimal DailyCapital { get; init; } = 1000m;

    /// <summary>The ETFs the allocator fetches, ranks and buys.</summary>
    [Setting("The ETFs the allocator fetches, ranks and buys, each once.")]
    public IReadOnlyList<string> Assets { get; init; } = ["SPY", "QQQ", "DIA"];

    /// <summary>Trading days of history the features look back over.</summary>
    [Setting("Trading days of history the features look back over.", Minimum = 60, Maximum = 5000)]
    public int LookbackDays { get; init; } = 252;

    /// <summary>Trading days of history needed before the first decision.</summary>
    [Setting("Trading days of history (daily returns) needed before the first decision; at least 60 (the 60-day return), at most lookback_days.", Minimum = 60, Maximum = 5000)]
    public int MinHistoryDays { get; init; } = 60;

    /// <summary>Market regime thresholds.</summary>
    [Setting("Market regime thresholds.")]
    public RegimeSettings Regime { get; init; } = new();

    /// <summary>Risk score thresholds.</summary>
    [Setting("Risk score thresholds.")]
    public RiskScoreSettings Risk { get; init; } = new();

    /// <summary>Fraction of daily capital to invest, by risk level.</summary>
    [Setting("Fraction of daily capital to invest, by risk level.")]
    public AllocationSettings Allocation { get; init; } = new();

    /// <summary>Fraction of each holding sold on a bearish regime.</summary>
    [Setting("Fraction of each holding sold on a bearish regime.", Minimum = 0, Maximum = 1)]
    public double SellPercentage { get; init; } = 0.7;

    /// <summary>Weight of the momentum score in the regime signal.</summary>
    [Setting("Weight of risk-adjusted momentum in each asset's ranking score; momentum_weight + price_momentum_weight = 1.", Minimum = 0, Maximum = 1)]
    public double MomentumWeight { get; init; } = 0.6;

    /// <summary>Weight of the price-momentum score in the regime signal.</summary>
    [Setting("Weight of price momentum against the moving averages in each asset's ranking score.", Minimum = 0, Maximum = 1)]
    public double PriceMomentumWeight { get; init; } = 0.4;

    /// <summary>Largest drawdown, in percent, the tuning accepts.</summary>
    [Setting("Largest drawdown, in percent, the tuning accepts.", Minimum = 0, Maximum = 100, MinimumExclusive = true)]
    public double MaxDrawdownTolerance { get; init; } = 15;

    /// <summary>Sharpe ratio the tuning aims for.</summary>
    [Setting("Sharpe ratio the tuning aims for.", Minimum = -10, Maximum = 10)]
    public double MinSharpeTarget { get; init; } = 1.0;
}
