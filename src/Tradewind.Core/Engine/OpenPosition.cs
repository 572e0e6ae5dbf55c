using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>A position still held when a run ends: not a round trip yet, valued at the symbol's last close.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">The quantity held.</param>
/// <param name="AverageCost">Weighted-average cost per unit (fills' prices, slippage included, commissions excluded).</param>
/// <param name="LastPrice">The symbol's last close in the run.</param>
/// <param name="LastPriceTime">The time of that close (UTC): earlier than the run's end when the symbol's data ends first.</param>
/// <param name="EntryTime">When the round trip it belongs to began (the first buy from flat).</param>
public sealed record OpenPosition(Symbol Symbol, decimal Quantity, decimal AverageCost, decimal LastPrice, DateTime LastPriceTime, DateTime EntryTime)
{
    /// <summary>Quantity × last price.</summary>
    public decimal MarketValue => Quantity * LastPrice;

    /// <summary>Quantity × (last price − average cost), before the commission a sale would cost.</summary>
    public decimal UnrealizedPnL => Quantity * (LastPrice - AverageCost);
}
