using Tradewind.Core.Market;

namespace Tradewind.Core.Execution;

/// <summary>
/// An executed quantity of an order: what the portfolio ledger books and the journal records.
/// Money is <c>decimal</c>: the price actually paid or received (slippage included) and the commission.
/// </summary>
/// <param name="OrderId">The order this fill executes.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">The quantity filled, always positive, rounded by the asset's quantity rule.</param>
/// <param name="Price">The price per unit, slippage included.</param>
/// <param name="Commission">The commission charged for this fill, never negative.</param>
/// <param name="Time">When the fill happened (UTC): the start of the bar whose price it took, or that bar's close for close fills.</param>
/// <param name="Reason">Why the order was placed: "entry", "exit", "stop-loss", "take-profit", "trailing-stop", "rebalance" ...</param>
public readonly record struct Fill(long OrderId, Symbol Symbol, OrderSide Side, decimal Quantity, decimal Price, decimal Commission, DateTime Time, string Reason)
{
    /// <summary>Quantity × price, before commission.</summary>
    public decimal Notional => Quantity * Price;
}
