using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>One order as the journal records it: what was asked, when, and how it ended (with the reason when not filled).</summary>
/// <param name="Id">The order id, unique in the run, in placement order.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop, stop-limit, market-on-open or market-on-close.</param>
/// <param name="Sizing">How its quantity was decided (a number, "100% of cash, whole units", "entire position" ...).</param>
/// <param name="Quantity">The filled quantity, or the requested one for a fixed quantity that did not fill; null when sized at a fill that never came.</param>
/// <param name="LimitPrice">The limit price, when the type has one.</param>
/// <param name="StopPrice">The stop price (the last one for a trailing stop), when the type has one.</param>
/// <param name="Reason">Why it was placed: entry, exit, stop-loss, take-profit, trailing-stop, rebalance ...</param>
/// <param name="PlacedAt">The time of the bar whose close the decision used (UTC).</param>
/// <param name="Status">Filled, rejected, cancelled, or pending when the data ended first.</param>
/// <param name="StatusTime">When it filled, was rejected or cancelled (UTC); null while pending.</param>
/// <param name="FillPrice">The price per unit it filled at, slippage included.</param>
/// <param name="Note">For a rejected or cancelled order, the reason; for a filled entry whose stop could not be placed, that remark; otherwise null.</param>
/// <param name="ParentId">For a stop-loss or take-profit attached to an entry, that entry's id.</param>
public sealed record JournalOrder(
    long Id,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    string Sizing,
    decimal? Quantity,
    double? LimitPrice,
    double? StopPrice,
    string Reason,
    DateTime PlacedAt,
    OrderStatus Status,
    DateTime? StatusTime,
    decimal? FillPrice,
    string? Note,
    long? ParentId);
