using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// The fill rules as the engine applies them to orders a strategy placed on a bar's close: the earliest price is the
/// next bar's; limits and stops gap through at the open, fill at their own price when the range reaches it, and wait
/// otherwise. Every number here is read off the bars below.
/// </summary>
public sealed class EngineFillRuleTests
{
    private static BarSeries Bars() => Daily(
        "SPY",
        (100, 101, 99, 100),     // 0: decisions
        (102, 106, 101, 105),    // 1
        (104.5, 108, 103, 107),  // 2
        (107, 109, 96, 98),      // 3
        (97, 99, 94, 95));       // 4

    private static (TradingEngine Engine, long Id) PlaceOnFirstBar(Func<StrategyContext, long> place, FillRule rule = FillRule.NextOpen)
    {
        long id = 0;
        var engine = EngineRun.Run(new ScriptedStrategy().At(0, c => id = place(c)), new EngineOptions { FillRule = rule }, Bars());
        return (engine, id);
    }

    private static void AssertFill(TradingEngine engine, long id, int bar, decimal price, FillPoint point)
    {
        var fill = Assert.Single(engine.Journal.Fills, f => f.Fill.OrderId == id);
        Assert.Equal(Day(bar), fill.Fill.Time);
        Assert.Equal(price, fill.Fill.Price);
        Assert.Equal(point, fill.Point);
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(Day(bar), order.StatusTime);
        Assert.Equal(price, order.FillPrice);
        Assert.Equal(Day(0), order.PlacedAt);
        Assert.Null(order.Note);
    }

    [Fact]
    public void A_market_order_decided_on_a_close_fills_at_the_next_open()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(10)));
        AssertFill(engine, id, 1, 102m, FillPoint.Open);
        var order = engine.Order(id);
        Assert.Equal(10m, order.Quantity);
        Assert.Equal(OrderType.Market, order.Type);
        Assert.Equal("entry", order.Reason);
        Assert.Equal(10m, engine.Ledger.QuantityOf(engine.Symbols[0]));
    }

    [Fact]
    public void A_market_order_under_next_close_fills_at_the_next_close()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(10)), FillRule.NextClose);
        AssertFill(engine, id, 1, 105m, FillPoint.Close);
    }

    [Theory]
    [InlineData(FillRule.NextOpen)]
    [InlineData(FillRule.NextClose)]
    public void An_order_never_fills_on_the_bar_it_was_decided_on(FillRule rule)
    {
        // Every bar places an order; after each step, every fill happened on a later bar than its order's decision.
        var strategy = new ScriptedStrategy { OnBarDo = (c, s) => c.Buy(s, OrderSizing.Units(1), type: OrderType.MarketOnClose) };
        var engine = new TradingEngine([Bars()], strategy, new EngineOptions { FillRule = rule });
        Assert.True(engine.Step());
        Assert.Empty(engine.Journal.Fills);
        Assert.Equal(1, engine.Context.PendingOrders(0));
        while (engine.Step())
        {
            foreach (var fill in engine.Journal.Fills)
            {
                Assert.True(fill.Fill.Time > engine.Order(fill.Fill.OrderId).PlacedAt);
            }
        }

        Assert.Equal(4, engine.Journal.Fills.Count);
    }

    [Theory]
    [InlineData(FillRule.NextOpen)]
    [InlineData(FillRule.NextClose)]
    public void Market_on_open_and_market_on_close_ignore_the_fill_rule(FillRule rule)
    {
        var (onOpen, openId) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.MarketOnOpen), rule);
        AssertFill(onOpen, openId, 1, 102m, FillPoint.Open);
        var (onClose, closeId) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.MarketOnClose), rule);
        AssertFill(onClose, closeId, 1, 105m, FillPoint.Close);
    }

    [Fact]
    public void A_buy_limit_the_next_bar_gaps_through_fills_at_the_open()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.Limit, limitPrice: 103));
        AssertFill(engine, id, 1, 102m, FillPoint.Open);
    }

    [Fact]
    public void A_buy_limit_the_range_touches_fills_at_the_limit()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.Limit, limitPrice: 101));
        AssertFill(engine, id, 1, 101m, FillPoint.Intrabar);
    }

    [Fact]
    public void A_buy_limit_not_reached_stays_pending_across_bars_until_a_bar_reaches_it()
    {
        long id = 0;
        var engine = new TradingEngine([Bars()], new ScriptedStrategy().At(0, c => id = c.Buy(0, OrderSizing.Units(1), type: OrderType.Limit, limitPrice: 95)), new EngineOptions());
        for (var bar = 0; bar <= 3; bar++)
        {
            Assert.True(engine.Step());
            Assert.Equal(1, engine.Context.PendingOrders(0));
            Assert.Equal(OrderStatus.Pending, engine.Order(id).Status);
            Assert.Null(engine.Order(id).StatusTime);
        }

        Assert.True(engine.Step());
        Assert.False(engine.Step());
        AssertFill(engine, id, 4, 95m, FillPoint.Intrabar);
    }

    [Fact]
    public void An_order_never_reached_is_journaled_as_pending_when_the_data_ends()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.Limit, limitPrice: 90));
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.StatusTime);
        Assert.Null(order.FillPrice);
        Assert.Equal(90, order.LimitPrice);
        Assert.Empty(engine.Journal.Fills);
    }

    [Fact]
    public void A_buy_stop_gapped_through_fills_at_the_open_and_one_reached_inside_the_bar_at_the_stop()
    {
        var (gap, gapId) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.Stop, stopPrice: 101));
        AssertFill(gap, gapId, 1, 102m, FillPoint.Open);
        var (touch, touchId) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.Stop, stopPrice: 104));
        AssertFill(touch, touchId, 1, 104m, FillPoint.Intrabar);
    }

    [Fact]
    public void Sell_stops_and_sell_limits_mirror_the_buy_rules()
    {
        long stopTouched = 0, stopGapped = 0, limit = 0;
        var strategy = new ScriptedStrategy()
            .At(0, c => c.Buy(0, OrderSizing.Units(30)))
            .At(1, c => stopTouched = c.Sell(0, OrderSizing.Units(10), "stop", OrderType.Stop, stopPrice: 97))
            .At(1, c => limit = c.Sell(0, OrderSizing.Units(10), "target", OrderType.Limit, limitPrice: 108.5))
            .At(3, c => stopGapped = c.Sell(0, OrderSizing.Units(10), "stop again", OrderType.Stop, stopPrice: 99));
        var engine = EngineRun.Run(strategy, Bars());

        // Bar 2 (low 103, high 108) reaches neither; bar 3 (high 109, low 96) reaches both: the stop and the limit fill at their prices.
        var touched = Assert.Single(engine.Journal.Fills, f => f.Fill.OrderId == stopTouched);
        Assert.Equal((Day(3), 97m, FillPoint.Intrabar), (touched.Fill.Time, touched.Fill.Price, touched.Point));
        var target = Assert.Single(engine.Journal.Fills, f => f.Fill.OrderId == limit);
        Assert.Equal((Day(3), 108.5m, FillPoint.Intrabar), (target.Fill.Time, target.Fill.Price, target.Point));

        // Bar 4 opens at 97, below the stop at 99: the stop fills at the open, worse than its price.
        var gapped = Assert.Single(engine.Journal.Fills, f => f.Fill.OrderId == stopGapped);
        Assert.Equal((Day(4), 97m, FillPoint.Open), (gapped.Fill.Time, gapped.Fill.Price, gapped.Point));
        Assert.Equal(0m, engine.Ledger.QuantityOf(engine.Symbols[0]));
    }

    [Fact]
    public void A_stop_limit_triggered_beyond_its_limit_rests_as_a_limit_from_the_next_bar()
    {
        // Bar 1 reaches the stop 105.5 (high 106) but only after the open, above the limit 104: it cannot fill there
        // (when the bar traded at 104 relative to 105.5 is unknown). Bar 2 opens at 104.5 and trades down to 103: fills at 104.
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.StopLimit, limitPrice: 104, stopPrice: 105.5));
        var fill = Assert.Single(engine.Journal.Fills);
        Assert.Equal((id, Day(2), 104m, FillPoint.Intrabar), (fill.Fill.OrderId, fill.Fill.Time, fill.Fill.Price, fill.Point));
    }

    [Fact]
    public void A_stop_limit_triggered_inside_a_bar_does_not_fill_on_that_bar_when_another_order_of_the_symbol_does()
    {
        // Regression: the market buy filling on bar 1 made the engine look at its pending buys again, and the
        // stop-limit, now marked triggered, was evaluated as a plain limit on the same bar: bar 1 opened at 102,
        // below the limit 104, so it "filled" at 102 — a price from before the trigger at 105.5.
        long stopLimit = 0;
        var strategy = new ScriptedStrategy()
            .At(0, c => c.Buy(0, OrderSizing.Units(1)))
            .At(0, c => stopLimit = c.Buy(0, OrderSizing.Units(1), "breakout", type: OrderType.StopLimit, limitPrice: 104, stopPrice: 105.5));
        var engine = EngineRun.Run(strategy, Bars());
        var fill = Assert.Single(engine.Journal.Fills, f => f.Fill.OrderId == stopLimit);
        Assert.Equal((Day(2), 104m, FillPoint.Intrabar), (fill.Fill.Time, fill.Fill.Price, fill.Point));
    }

    [Fact]
    public void A_stop_limit_triggered_within_its_limit_fills_at_the_stop()
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.StopLimit, limitPrice: 105, stopPrice: 104));
        AssertFill(engine, id, 1, 104m, FillPoint.Intrabar);
    }

    [Fact]
    public void A_stop_limit_gapped_beyond_its_limit_at_the_open_fills_at_the_limit_when_the_rest_of_the_bar_reaches_it()
    {
        // Bar 1 opens at 102 above the stop 101 and the limit 101.5; everything after the open came later, and the low is 101.
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: OrderType.StopLimit, limitPrice: 101.5, stopPrice: 101));
        AssertFill(engine, id, 1, 101.5m, FillPoint.Intrabar);
    }

    [Theory]
    [InlineData(OrderType.Limit, null, null, "needs a limit price")]
    [InlineData(OrderType.Stop, null, null, "needs a stop price")]
    [InlineData(OrderType.Market, 100.0, null, "takes no limit price")]
    [InlineData(OrderType.Limit, -5.0, null, "limit price must be a positive number")]
    [InlineData(OrderType.StopLimit, 100.0, null, "needs a stop price")]
    public void A_malformed_order_is_rejected_at_placement_and_journaled(OrderType type, double? limit, double? stop, string reason)
    {
        var (engine, id) = PlaceOnFirstBar(c => c.Buy(0, OrderSizing.Units(1), type: type, limitPrice: limit, stopPrice: stop));
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(Day(0), order.StatusTime);
        Assert.Contains(reason, order.Note, StringComparison.Ordinal);
        Assert.Empty(engine.Journal.Fills);
    }
}
