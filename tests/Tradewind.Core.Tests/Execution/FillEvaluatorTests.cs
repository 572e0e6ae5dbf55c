using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Execution.OrderSide;

namespace Tradewind.Core.Tests.Execution;

/// <summary>Every fill rule on hand-made next bars: open 100, high 105, low 95, close 102 unless a case says otherwise.</summary>
public sealed class FillEvaluatorTests
{
    private const double O = 100, H = 105, L = 95, C = 102;

    private static FillOutcome Eval(Order order, double open = O, double high = H, double low = L, double close = C, FillRule rule = FillRule.NextOpen) =>
        FillEvaluator.Evaluate(order, open, high, low, close, rule);

    private static void Filled(FillOutcome outcome, double price, FillPoint point)
    {
        Assert.Equal(FillOutcomeKind.Filled, outcome.Kind);
        Assert.Equal(price, outcome.Price);
        Assert.Equal(point, outcome.Point);
    }

    [Theory]
    [InlineData(Buy)]
    [InlineData(Sell)]
    public void Market_fills_at_the_next_open_by_default_and_at_the_next_close_under_next_close(OrderSide side)
    {
        Filled(Eval(Orders.Market(side)), 100, FillPoint.Open);
        Filled(Eval(Orders.Market(side), rule: FillRule.NextClose), 102, FillPoint.Close);
    }

    [Theory]
    [InlineData(FillRule.NextOpen)]
    [InlineData(FillRule.NextClose)]
    public void On_open_and_on_close_orders_ignore_the_fill_rule(FillRule rule)
    {
        Filled(Eval(Orders.Of(OrderType.MarketOnOpen, Buy), rule: rule), 100, FillPoint.Open);
        Filled(Eval(Orders.Of(OrderType.MarketOnClose, Sell), rule: rule), 102, FillPoint.Close);
    }

    [Theory]
    // buy limit: gap down through it → the open; touched → the limit; exact low → the limit; above the range → pending
    [InlineData(Buy, 101, 100, FillPoint.Open)]     // open 100 ≤ 101: gapped through, the better price
    [InlineData(Buy, 100, 100, FillPoint.Open)]     // open exactly at the limit
    [InlineData(Buy, 97, 97, FillPoint.Intrabar)]   // low 95 ≤ 97
    [InlineData(Buy, 95, 95, FillPoint.Intrabar)]   // touch exactly at the low
    [InlineData(Sell, 99, 100, FillPoint.Open)]     // open 100 ≥ 99: gapped up through it
    [InlineData(Sell, 100, 100, FillPoint.Open)]
    [InlineData(Sell, 103, 103, FillPoint.Intrabar)] // high 105 ≥ 103
    [InlineData(Sell, 105, 105, FillPoint.Intrabar)] // touch exactly at the high
    public void Limit_fills(OrderSide side, double limit, double price, FillPoint point) =>
        Filled(Eval(Orders.Limit(side, limit)), price, point);

    [Theory]
    [InlineData(Buy, 94.99)]   // below the low
    [InlineData(Sell, 105.01)] // above the high
    public void Limit_not_reached_stays_pending(OrderSide side, double limit) =>
        Assert.Equal(FillOutcomeKind.Pending, Eval(Orders.Limit(side, limit)).Kind);

    [Fact]
    public void Limit_does_not_depend_on_the_fill_rule()
    {
        Filled(Eval(Orders.Limit(Buy, 97), rule: FillRule.NextClose), 97, FillPoint.Intrabar);
        Assert.Equal(FillOutcomeKind.Pending, Eval(Orders.Limit(Buy, 90), rule: FillRule.NextClose).Kind);
    }

    [Theory]
    [InlineData(Buy, 99, 100, FillPoint.Open)]      // open 100 ≥ 99: gapped up through the stop → the open, worse than the stop
    [InlineData(Buy, 100, 100, FillPoint.Open)]
    [InlineData(Buy, 103, 103, FillPoint.Intrabar)] // high 105 ≥ 103
    [InlineData(Buy, 105, 105, FillPoint.Intrabar)] // touch exactly at the high
    [InlineData(Sell, 101, 100, FillPoint.Open)]    // open 100 ≤ 101: gapped down through the stop
    [InlineData(Sell, 100, 100, FillPoint.Open)]
    [InlineData(Sell, 96, 96, FillPoint.Intrabar)]  // low 95 ≤ 96
    [InlineData(Sell, 95, 95, FillPoint.Intrabar)]  // touch exactly at the low
    public void Stop_fills(OrderSide side, double stop, double price, FillPoint point) =>
        Filled(Eval(Orders.Stop(side, stop)), price, point);

    [Theory]
    [InlineData(Buy, 105.5)]
    [InlineData(Sell, 94.5)]
    public void Stop_not_reached_stays_pending(OrderSide side, double stop) =>
        Assert.Equal(FillOutcomeKind.Pending, Eval(Orders.Stop(side, stop)).Kind);

    [Fact]
    public void Stop_loss_after_a_gap_down_fills_at_the_open_not_at_the_stop()
    {
        // Decided on a close of 100 with a stop at 97; the next bar opens at 90.
        Filled(Eval(Orders.Stop(Sell, 97), open: 90, high: 92, low: 88, close: 91), 90, FillPoint.Open);
    }

    [Fact]
    public void Buy_stop_limit_triggered_intrabar_within_the_limit_fills_at_the_stop() =>
        Filled(Eval(Orders.StopLimit(Buy, stop: 103, limit: 104)), 103, FillPoint.Intrabar);

    [Fact]
    public void Buy_stop_limit_gapped_through_within_the_limit_fills_at_the_open() =>
        Filled(Eval(Orders.StopLimit(Buy, stop: 98, limit: 101)), 100, FillPoint.Open);

    [Fact]
    public void Buy_stop_limit_gapped_beyond_the_limit_fills_at_the_limit_when_the_bar_comes_back()
    {
        // stop 97, limit 98: opens at 100 (triggered at the open, 100 > 98), then trades down to 95 ≤ 98.
        Filled(Eval(Orders.StopLimit(Buy, stop: 97, limit: 98)), 98, FillPoint.Intrabar);
    }

    [Fact]
    public void Buy_stop_limit_gapped_beyond_the_limit_rests_as_a_limit_when_the_bar_does_not_come_back()
    {
        // stop 97, limit 98: opens at 100, low 99 > 98.
        var order = Orders.StopLimit(Buy, stop: 97, limit: 98);
        var outcome = Eval(order, open: 100, high: 105, low: 99, close: 102);
        Assert.Equal(FillOutcomeKind.Triggered, outcome.Kind);
        Assert.Equal(100, outcome.Price);
        Assert.Equal(FillPoint.Open, outcome.Point);

        // Carried as a triggered order, it is now a plain limit at 98: a later bar with low 97.5 fills it at 98,
        // even though that bar never reaches the stop again.
        var resting = order with { StopTriggered = true };
        Filled(Eval(resting, open: 99, high: 99.5, low: 97.5, close: 98.5), 98, FillPoint.Intrabar);
        Filled(Eval(resting, open: 97, high: 99, low: 96, close: 98), 97, FillPoint.Open);
    }

    [Fact]
    public void Buy_stop_limit_triggered_intrabar_beyond_the_limit_does_not_fill_on_that_bar()
    {
        // stop 103 reached intrabar, limit 102 below it: the low 95 may have come before the trigger.
        var outcome = Eval(Orders.StopLimit(Buy, stop: 103, limit: 102));
        Assert.Equal(FillOutcomeKind.Triggered, outcome.Kind);
        Assert.Equal(103, outcome.Price);
        Assert.Equal(FillPoint.Intrabar, outcome.Point);
    }

    [Fact]
    public void Sell_stop_limit_mirrors_the_buy()
    {
        Filled(Eval(Orders.StopLimit(Sell, stop: 97, limit: 96)), 97, FillPoint.Intrabar);       // low 95 ≤ 97, 97 ≥ 96
        Filled(Eval(Orders.StopLimit(Sell, stop: 102, limit: 99)), 100, FillPoint.Open);        // gap: open 100 ≤ 102, 100 ≥ 99
        Filled(Eval(Orders.StopLimit(Sell, stop: 103, limit: 102)), 102, FillPoint.Intrabar);   // gap beyond limit, high 105 ≥ 102
        var gapNoReturn = Eval(Orders.StopLimit(Sell, stop: 103, limit: 102), open: 100, high: 101, low: 95, close: 96);
        Assert.Equal(FillOutcomeKind.Triggered, gapNoReturn.Kind);
        var intrabarBeyond = Eval(Orders.StopLimit(Sell, stop: 97, limit: 98));              // 97 < 98, triggered intrabar
        Assert.Equal(FillOutcomeKind.Triggered, intrabarBeyond.Kind);
        Assert.Equal(97, intrabarBeyond.Price);
    }

    [Fact]
    public void Stop_limit_not_triggered_stays_pending()
    {
        Assert.Equal(FillOutcomeKind.Pending, Eval(Orders.StopLimit(Buy, stop: 106, limit: 107)).Kind);
        Assert.Equal(FillOutcomeKind.Pending, Eval(Orders.StopLimit(Sell, stop: 94, limit: 93)).Kind);
    }

    [Fact]
    public void An_order_cannot_fill_on_the_bar_it_was_decided_on()
    {
        var order = Orders.Market(Buy);
        var sameBar = new Bar(Orders.Placed, O, H, L, C, 1000);
        var earlier = sameBar with { Time = Orders.Placed.AddDays(-1) };
        var next = sameBar with { Time = Orders.Placed.AddDays(1) };

        var error = Assert.Throws<InvalidOperationException>(() => FillEvaluator.Evaluate(order, sameBar, FillRule.NextOpen));
        Assert.Contains("cannot fill on the bar of 2024-01-02", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => FillEvaluator.Evaluate(order, earlier, FillRule.NextOpen));
        Filled(FillEvaluator.Evaluate(order, next, FillRule.NextOpen), 100, FillPoint.Open);
    }

    [Fact]
    public void Evaluating_allocates_nothing()
    {
        Order[] orders =
        [
            Orders.Market(Buy), Orders.Limit(Buy, 97), Orders.Limit(Sell, 110), Orders.Stop(Sell, 96),
            Orders.StopLimit(Buy, 103, 102), Orders.StopLimit(Sell, 103, 102) with { StopTriggered = true },
        ];
        var bar = new Bar(Orders.Placed.AddDays(1), O, H, L, C, 1000);
        var sum = 0.0;
        for (var warm = 0; warm < 2; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                foreach (var order in orders)
                {
                    var outcome = FillEvaluator.Evaluate(order, bar, FillRule.NextOpen);
                    sum += outcome.IsFilled ? outcome.Price : 0;
                }
            }

            if (warm == 1)
            {
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        Assert.True(sum > 0);
    }
}
