using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Core.Execution;

/// <summary>
/// An instruction to buy or sell, placed by a strategy on a bar's close and executed no earlier than
/// the next bar. Immutable: the engine tracks its <see cref="OrderStatus"/> beside it. Prices are bar
/// prices (<c>double</c>) because fills compare them with bars; the quantity is money-side (<c>decimal</c>).
/// </summary>
/// <param name="Id">The order's id, unique within a run.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">How much to trade; positive, already rounded by the asset's quantity rule.</param>
/// <param name="Type">How it executes.</param>
/// <param name="LimitPrice">The limit price: required for <see cref="OrderType.Limit"/> and <see cref="OrderType.StopLimit"/>, absent otherwise.</param>
/// <param name="StopPrice">The stop price: required for <see cref="OrderType.Stop"/> and <see cref="OrderType.StopLimit"/>, absent otherwise.</param>
/// <param name="Reason">Why it was placed: "entry", "exit", "stop-loss", "take-profit", "trailing-stop", "rebalance" ...</param>
/// <param name="PlacedAt">The UTC start time of the bar whose close the decision used; it can fill only on a later bar.</param>
public sealed record Order(
    long Id,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type,
    double? LimitPrice,
    double? StopPrice,
    string Reason,
    DateTime PlacedAt)
{
    /// <summary>
    /// For a <see cref="OrderType.StopLimit"/>: its stop has been reached on an earlier bar, so it now rests
    /// as a limit order at <see cref="LimitPrice"/>. Set by the engine when a fill evaluation says
    /// <see cref="FillOutcomeKind.Triggered"/>.
    /// </summary>
    public bool StopTriggered { get; init; }

    /// <summary>
    /// Checks the order's own consistency and returns the first problem (naming the order), or null when
    /// it is sound: a symbol, a known side and type, a positive quantity, exactly the prices its type
    /// needs, each finite and positive, and a reason.
    /// </summary>
    public string? Validate()
    {
        var problem = Problem();
        return problem is null ? null : string.Create(CultureInfo.InvariantCulture, $"order {Id} ({Describe()}): {problem}");
    }

    /// <summary>Throws an <see cref="ArgumentException"/> with the message of <see cref="Validate"/> when the order is not sound.</summary>
    public void ThrowIfInvalid()
    {
        if (Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>The type's name as the docs and messages spell it: market, limit, stop, stop-limit, market-on-open, market-on-close.</summary>
    public static string TypeName(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.Stop => "stop",
        OrderType.StopLimit => "stop-limit",
        OrderType.MarketOnOpen => "market-on-open",
        OrderType.MarketOnClose => "market-on-close",
        _ => type.ToString(),
    };

    private string Describe()
    {
        var side = Side switch
        {
            OrderSide.Buy => "buy",
            OrderSide.Sell => "sell",
            _ => Side.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{side} {Quantity} {Symbol.Ticker ?? "?"} {TypeName(Type)}");
    }

    private string? Problem()
    {
        if (Symbol.Ticker is null)
        {
            return "it names no symbol";
        }

        if (Side is not (OrderSide.Buy or OrderSide.Sell))
        {
            return string.Create(CultureInfo.InvariantCulture, $"side {(int)Side} is not buy or sell");
        }

        if (Quantity <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"quantity must be positive, got {Quantity}");
        }

        var needsLimit = Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = Type is OrderType.Stop or OrderType.StopLimit;
        switch (Type)
        {
            case OrderType.Market or OrderType.MarketOnOpen or OrderType.MarketOnClose:
            case OrderType.Limit or OrderType.Stop or OrderType.StopLimit:
                break;
            default:
                return string.Create(CultureInfo.InvariantCulture, $"order type {(int)Type} is not known");
        }

        if (Type == OrderType.StopLimit && (LimitPrice is null || StopPrice is null))
        {
            return "a stop-limit order needs both a stop price and a limit price";
        }

        if (needsLimit && LimitPrice is null)
        {
            return "a limit order needs a limit price";
        }

        if (needsStop && StopPrice is null)
        {
            return "a stop order needs a stop price";
        }

        if (!needsLimit && LimitPrice is { } limit)
        {
            var instead = Type == OrderType.Stop ? "stop-limit" : "limit";
            return string.Create(CultureInfo.InvariantCulture, $"a {TypeName(Type)} order takes no limit price (got {limit}); use a {instead} order");
        }

        if (!needsStop && StopPrice is { } stop)
        {
            var instead = Type == OrderType.Limit ? "stop-limit" : "stop";
            return string.Create(CultureInfo.InvariantCulture, $"a {TypeName(Type)} order takes no stop price (got {stop}); use a {instead} order");
        }

        if (LimitPrice is { } l && !(double.IsFinite(l) && l > 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the limit price must be a positive number, got {l}");
        }

        if (StopPrice is { } s && !(double.IsFinite(s) && s > 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the stop price must be a positive number, got {s}");
        }

        if (StopTriggered && Type != OrderType.StopLimit)
        {
            return "only a stop-limit order can have its stop triggered";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return "it needs a reason (entry, exit, stop-loss, take-profit, rebalance ...)";
        }

        return null;
    }
}
