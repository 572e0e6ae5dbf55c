using Tradewind.Core.Market;

namespace Tradewind.Core.Execution;

/// <summary>
/// Decides whether a pending order fills on a bar and at which of that bar's prices. The bar is always the
/// one after the bar whose close the decision used, so an order cannot fill on the bar that produced it.
/// Pure, allocation-free, in <c>double</c>: the engine calls it once per pending order per bar.
/// </summary>
/// <remarks>
/// The rules (docs/execution.md has the table):
/// <list type="bullet">
/// <item>Market: the open (<c>next-open</c>) or the close (<c>next-close</c>). Market-on-open: the open. Market-on-close: the close.</item>
/// <item>Buy limit L: open ≤ L → the open (gapped through: a better price); else low ≤ L → L; else pending. Sell limit mirrored (open ≥ L → open; high ≥ L → L).</item>
/// <item>Buy stop S: open ≥ S → the open (gapped through); else high ≥ S → S; else pending. Sell stop mirrored (open ≤ S → open; low ≤ S → S).</item>
/// <item>Stop-limit (S, L): the stop triggers as a stop does, at the trigger price T (the open on a gap, else S).
/// T within the limit (buy T ≤ L, sell T ≥ L) → fills at T. Triggered at the open beyond the limit → fills at L
/// if the rest of the bar reaches it (buy low ≤ L, sell high ≥ L), because everything in the bar came after the open.
/// Otherwise <see cref="FillOutcomeKind.Triggered"/>: it rests as a limit at L from the next bar (an intrabar
/// trigger beyond the limit does not fill on the same bar: whether the bar reached L before or after S is unknown).</item>
/// </list>
/// A touch counts: a bar whose low equals a buy limit fills it.
/// </remarks>
public static class FillEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="order"/> against <paramref name="bar"/>, refusing a bar that is not later
    /// than the bar the order was decided on (<see cref="Order.PlacedAt"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The bar does not start after the order was placed.</exception>
    public static FillOutcome Evaluate(Order order, in Bar bar, FillRule rule)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (bar.Time <= order.PlacedAt)
        {
            throw new InvalidOperationException(
                $"order {order.Id} was decided on the bar of {order.PlacedAt:O} and cannot fill on the bar of {bar.Time:O}; it fills on a later bar only");
        }

        return Evaluate(order, bar.Open, bar.High, bar.Low, bar.Close, rule);
    }

    /// <summary>
    /// Evaluates <paramref name="order"/> against the next bar's prices. The order is assumed valid
    /// (<see cref="Order.Validate"/>) and the bar sound (low ≤ open, close ≤ high).
    /// </summary>
    public static FillOutcome Evaluate(Order order, double open, double high, double low, double close, FillRule rule)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Evaluate(
            order.Side,
            order.Type,
            order.LimitPrice.GetValueOrDefault(),
            order.StopPrice.GetValueOrDefault(),
            order.StopTriggered,
            open,
            high,
            low,
            close,
            rule);
    }

    /// <summary>
    /// Evaluates an order given by its fields (the engine's working orders use this to avoid building an
    /// <see cref="Order"/> per bar). Prices the type does not use are ignored.
    /// </summary>
    public static FillOutcome Evaluate(
        OrderSide side,
        OrderType type,
        double limitPrice,
        double stopPrice,
        bool stopTriggered,
        double open,
        double high,
        double low,
        double close,
        FillRule rule)
    {
        switch (type)
        {
            case OrderType.Market:
                return rule == FillRule.NextClose ? FillOutcome.Filled(close, FillPoint.Close) : FillOutcome.Filled(open, FillPoint.Open);
            case OrderType.MarketOnOpen:
                return FillOutcome.Filled(open, FillPoint.Open);
            case OrderType.MarketOnClose:
                return FillOutcome.Filled(close, FillPoint.Close);
            case OrderType.Limit:
                return Limit(side, limitPrice, open, high, low);
            case OrderType.Stop:
                return Stop(side, stopPrice, open, high, low);
            case OrderType.StopLimit:
                return stopTriggered
                    ? Limit(side, limitPrice, open, high, low)
                    : StopLimit(side, stopPrice, limitPrice, open, high, low);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown order type");
        }
    }

    /// <summary>A limit order at <paramref name="limit"/>: gapped through → the open; range reaches it → the limit; else pending.</summary>
    public static FillOutcome Limit(OrderSide side, double limit, double open, double high, double low)
    {
        var buy = side == OrderSide.Buy;
        if (buy ? open <= limit : open >= limit)
        {
            return FillOutcome.Filled(open, FillPoint.Open);
        }

        if (buy ? low <= limit : high >= limit)
        {
            return FillOutcome.Filled(limit, FillPoint.Intrabar);
        }

        return FillOutcome.Pending;
    }

    /// <summary>A stop order at <paramref name="stop"/>: gapped through → the open; range reaches it → the stop; else pending.</summary>
    public static FillOutcome Stop(OrderSide side, double stop, double open, double high, double low)
    {
        var buy = side == OrderSide.Buy;
        if (buy ? open >= stop : open <= stop)
        {
            return FillOutcome.Filled(open, FillPoint.Open);
        }

        if (buy ? high >= stop : low <= stop)
        {
            return FillOutcome.Filled(stop, FillPoint.Intrabar);
        }

        return FillOutcome.Pending;
    }

    /// <summary>A stop-limit order not yet triggered; see the class remarks for the exact rule.</summary>
    public static FillOutcome StopLimit(OrderSide side, double stop, double limit, double open, double high, double low)
    {
        var trigger = Stop(side, stop, open, high, low);
        if (trigger.Kind == FillOutcomeKind.Pending)
        {
            return trigger;
        }

        var price = trigger.Price;
        var buy = side == OrderSide.Buy;
        if (buy ? price <= limit : price >= limit)
        {
            return trigger;
        }

        // Triggered at the open beyond the limit: the whole range came after the trigger.
        if (trigger.Point == FillPoint.Open && (buy ? low <= limit : high >= limit))
        {
            return FillOutcome.Filled(limit, FillPoint.Intrabar);
        }

        return FillOutcome.Triggered(price, trigger.Point);
    }
}
