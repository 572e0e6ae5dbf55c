using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Execution;

namespace Tradewind.Core.Tests.Execution;

/// <summary>
/// For any sound bar and any limit, stop or stop-limit order (triggered or not, prices inside, at the edges of
/// and outside the bar's range): a fill price lies within [low, high]; a buy limit never fills above its
/// limit, a sell limit never below; a buy stop never fills below its stop, a sell stop never above.
/// </summary>
public sealed class FillPropertyTests
{
    private static readonly Gen<(double Open, double High, double Low, double Close)> Bars =
        from low in Gen.Choose(100, 10_000)
        from range in Gen.Choose(0, 2_000)
        from openAt in Gen.Choose(0, 100)
        from closeAt in Gen.Choose(0, 100)
        let high = low + range
        select (Open: Tick(low + (range * openAt / 100)), High: Tick(high), Low: Tick(low), Close: Tick(low + (range * closeAt / 100)));

    private static readonly Gen<Order> PendingOrders =
        from type in Gen.Elements(OrderType.Limit, OrderType.Stop, OrderType.StopLimit)
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
        from limit in Gen.Choose(50, 13_000)
        from stop in Gen.Choose(50, 13_000)
        from triggered in Gen.Elements(false, true)
        select Orders.Of(
            type,
            side,
            limit: type == OrderType.Stop ? null : Tick(limit),
            stop: type == OrderType.Limit ? null : Tick(stop)) with
        { StopTriggered = triggered && type == OrderType.StopLimit };

    [Fact]
    public void Fills_stay_in_the_bar_and_respect_the_order_price()
    {
        Prop.ForAll(Arb.From(Bars), Arb.From(PendingOrders), Arb.From(Gen.Elements(FillRule.NextOpen, FillRule.NextClose)), (bar, order, rule) =>
        {
            var outcome = FillEvaluator.Evaluate(order, bar.Open, bar.High, bar.Low, bar.Close, rule);
            if (outcome.Kind == FillOutcomeKind.Pending)
            {
                return true;
            }

            if (outcome.Kind == FillOutcomeKind.Triggered)
            {
                return order.Type == OrderType.StopLimit && !order.StopTriggered;
            }

            var price = outcome.Price;
            var buy = order.Side == OrderSide.Buy;
            var inBar = bar.Low <= price && price <= bar.High;
            var withinLimit = order.LimitPrice is not { } limit || (buy ? price <= limit : price >= limit);
            var beyondStop = order.Type != OrderType.Stop || (buy ? price >= order.StopPrice : price <= order.StopPrice);
            return inBar && withinLimit && beyondStop;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_bar_that_reaches_a_limit_fills_it()
    {
        Prop.ForAll(Arb.From(Bars), Arb.From(Gen.Choose(50, 13_000)), Arb.From(Gen.Elements(OrderSide.Buy, OrderSide.Sell)), (bar, limitTicks, side) =>
        {
            var limit = Tick(limitTicks);
            var reached = side == OrderSide.Buy ? bar.Low <= limit : bar.High >= limit;
            var outcome = FillEvaluator.Evaluate(Orders.Limit(side, limit), bar.Open, bar.High, bar.Low, bar.Close, FillRule.NextOpen);
            return outcome.IsFilled == reached;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Slippage_is_symmetric_and_always_against_the_trader()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 10_000_000)), Arb.From(Gen.Choose(0, 500)), (cents, bps) =>
        {
            var model = new SlippageModel(bps);
            var price = ExecutionCosts.ToMoney(Tick(cents));
            var buy = model.Apply(price, OrderSide.Buy);
            var sell = model.Apply(price, OrderSide.Sell);
            return buy >= price && sell <= price && buy - price == price - sell && buy - price == price * bps / 10_000m;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Prices on a 0.01 grid, as a feed prints them.</summary>
    private static double Tick(int cents) => cents / 100.0;
}
