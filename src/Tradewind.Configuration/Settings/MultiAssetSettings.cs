namespace Tradewind.Configuration.Settings;

/// <summary>
/// <c>strategy.multi_asset</c>: rank the universe by momentum, size the best-ranked assets by inverse
/// volatility so the portfolio targets an annualized volatility, and rebalance on a schedule.
/// </summary>
public sealed record MultiAssetSettings
{
    /// <summary>How often the portfolio rebalances.</summary>
    [Setting("How often the portfolio rebalances: weekly or monthly.")]
    public RebalanceFrequency Rebalance { get; init; } = RebalanceFrequency.Monthly;

    /// <summary>Trading days of the momentum (total return) look-back.</summary>
    [Setting("Trading days of the momentum (total return) look-back.", Minimum = 5, Maximum = 1000)]
    public int MomentumLookbackDays { get; init; } = 126;

    /// <summary>Trading days of the volatility look-back.</summary>
    [Setting("Trading days of the volatility look-back (sample σ of daily log returns).", Minimum = 5, Maximum = 1000)]
    public int VolatilityLookbackDays { get; init; } = 63;

    /// <summary>The annualized portfolio volatility the sizing aims at.</summary>
    [Setting("The annualized portfolio volatility the sizing aims at, e.g. 0.12 for 12%.", Minimum = 0, MinimumExclusive = true, Maximum = 2)]
    public double TargetVolatility { get; init; } = 0.12;

    /// <summary>How many of the best-ranked assets are held.</summary>
    [Setting("How many of the best-ranked assets with momentum above min_momentum are held.", Minimum = 1, Maximum = 100)]
    public int TopN { get; init; } = 3;

    /// <summary>The momentum an asset needs to be held at all.</summary>
    [Setting("The momentum (return over the look-back) an asset needs to be held at all.", Minimum = -1, Maximum = 10)]
    public double MinMomentum { get; init; }
}
