using Tradewind.Core.Execution;

namespace Tradewind.Storage.PaperTrading;

/// <summary>A stored paper trade: a row of <c>trades</c>.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Strategy">The strategy whose paper account traded.</param>
/// <param name="TradeDate">The trading date.</param>
/// <param name="Symbol">The ticker.</param>
/// <param name="Action">Buy or sell.</param>
/// <param name="Quantity">Shares.</param>
/// <param name="Price">The fill price per share.</param>
/// <param name="Amount">The dollars paid or received.</param>
/// <param name="SignalId">The signal the trade executed.</param>
/// <param name="CreatedAt">When it was recorded (UTC).</param>
public sealed record TradeRecord(
    long Id,
    string Strategy,
    DateOnly TradeDate,
    string Symbol,
    OrderSide Action,
    decimal Quantity,
    decimal Price,
    decimal Amount,
    long SignalId,
    DateTimeOffset CreatedAt);
