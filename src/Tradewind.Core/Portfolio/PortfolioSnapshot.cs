namespace Tradewind.Core.Portfolio;

/// <summary>
/// The portfolio valued at market prices at one moment (<see cref="PortfolioLedger.MarkToMarket"/>): a value type so
/// marking every bar allocates nothing.
/// </summary>
/// <param name="Cash">Cash (negative only when borrowing under leverage).</param>
/// <param name="MarketValue">Σ quantity × price of the positions (a position with no price is valued at cost).</param>
/// <param name="CostBasis">Σ cost basis of the positions.</param>
/// <param name="UnrealizedPnL"><see cref="MarketValue"/> − <see cref="CostBasis"/>.</param>
/// <param name="GrossExposure">Σ |quantity × price|; equal to <see cref="MarketValue"/> while positions are long only.</param>
/// <param name="RealizedPnL">Cumulative realized P&amp;L before fees.</param>
/// <param name="Fees">Cumulative commissions.</param>
/// <param name="NetContributions">Deposits − withdrawals.</param>
/// <param name="Positions">How many positions are open.</param>
/// <param name="UnpricedPositions">How many of them had no price and were valued at cost.</param>
public readonly record struct PortfolioSnapshot(
    decimal Cash,
    decimal MarketValue,
    decimal CostBasis,
    decimal UnrealizedPnL,
    decimal GrossExposure,
    decimal RealizedPnL,
    decimal Fees,
    decimal NetContributions,
    int Positions,
    int UnpricedPositions)
{
    /// <summary>Cash + market value.</summary>
    public decimal Equity => Cash + MarketValue;

    /// <summary>Gross exposure / equity; 0 when equity is not positive.</summary>
    public decimal Leverage => Equity > 0m ? GrossExposure / Equity : 0m;

    /// <summary>Equity − net contributions: the money made (or lost) so far, fees included.</summary>
    public decimal Profit => Equity - NetContributions;
}
