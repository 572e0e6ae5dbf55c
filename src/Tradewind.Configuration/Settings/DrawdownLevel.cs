namespace Tradewind.Configuration.Settings;

/// <summary><c>risk.levels[i]</c>: one rung of the drawdown ladder.</summary>
public sealed record DrawdownLevel
{
    /// <summary>Drawdown from the equity peak, in percent, at which this level applies.</summary>
    [Setting("Drawdown from the equity peak, in percent, at which this level applies.", Minimum = 0, Maximum = 100, MinimumExclusive = true)]
    public required double DrawdownPct { get; init; }

    /// <summary>Gross exposure allowed from this drawdown on.</summary>
    [Setting("Gross exposure (fraction of equity) allowed from this drawdown on.", Minimum = 0, Maximum = 1)]
    public required double Exposure { get; init; }
}
