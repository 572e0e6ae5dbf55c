using Tradewind.Storage.PaperTrading;

namespace Tradewind.Cli.Valuation;

/// <summary>
/// One open position valued at its symbol's latest stored close; a symbol without a stored close is valued at cost
/// (no unrealized P&amp;L) and says so through <see cref="IsPriced"/>.
/// </summary>
/// <param name="Position">The stored position.</param>
/// <param name="LastClose">The latest stored daily close; null when none is stored.</param>
public sealed record PositionValuation(PaperPosition Position, LatestClose? LastClose)
{
    /// <summary>Whether a close was stored; false means the position is valued at cost.</summary>
    public bool IsPriced => LastClose is not null;

    /// <summary>Quantity × average cost.</summary>
    public decimal Cost => AccountValuation.WithoutTrailingZeros(Position.Quantity * Position.AverageCost);

    /// <summary>Quantity × the last close; the cost when there is no close.</summary>
    public decimal MarketValue => LastClose is { } close ? AccountValuation.WithoutTrailingZeros(Position.Quantity * close.Close) : Cost;

    /// <summary>Market value − cost.</summary>
    public decimal UnrealizedPnl => AccountValuation.WithoutTrailingZeros(MarketValue - Cost);

    /// <summary>Unrealized P&amp;L as a percentage of the cost, to 2 decimals.</summary>
    public decimal UnrealizedPnlPercent => AccountValuation.Percent(UnrealizedPnl, Cost) ?? 0;
}
