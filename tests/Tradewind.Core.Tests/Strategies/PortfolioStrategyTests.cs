using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Strategies.BuyAndHold;
using Tradewind.Core.Strategies.EqualWeight;
using Tradewind.Core.Tests.Engine;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Strategies;

/// <summary>buy-and-hold and equal-weight over several symbols.</summary>
public sealed class PortfolioStrategyTests
{
    [Fact]
    public void Buy_and_hold_buys_an_equal_share_of_equity_in_every_symbol_and_never_sells()
    {
        var spy = Closes("SPY", 100, 100, 104, 108);
        var qqq = Closes("QQQ", 50, 50, 49, 48);
        var engine = EngineRun.Run(new BuyAndHoldStrategy(), spy, qqq);
        Assert.Equal(2, engine.Journal.OrderCount);
        Assert.All(engine.Journal.Orders, o => Assert.Equal(("50% of equity", Day(0), Day(1)), (o.Sizing, o.PlacedAt, o.StatusTime)));
        Assert.Equal(500m, engine.Ledger.QuantityOf(spy.Symbol));
        Assert.Equal(1_000m, engine.Ledger.QuantityOf(qqq.Symbol));
        Assert.Equal(0m, engine.Ledger.Cash);
        Assert.DoesNotContain(engine.Journal.Fills, f => f.Fill.Side == OrderSide.Sell);
    }

    [Fact]
    public void Buy_and_hold_shares_stay_equal_when_a_symbol_gaps_at_the_open()
    {
        // SPY opens 10% above its previous close. Regression: the second buy was sized on equity that marked the SPY
        // just bought at the previous close (100), so QQQ got 47,727 instead of 50,000 and the rest sat in cash.
        var spy = Daily("SPY", (100, 100, 100, 100), (110, 111, 109, 110));
        var qqq = Closes("QQQ", 50, 50);
        var engine = EngineRun.Run(new BuyAndHoldStrategy(), spy, qqq);
        var notionals = engine.Journal.Fills.Select(f => f.Fill.Notional).ToList();
        Assert.Equal(2, notionals.Count);
        Assert.True(Math.Abs(notionals[0] - notionals[1]) <= 0.01m, $"{notionals[0]} vs {notionals[1]}");
        Assert.True(engine.Ledger.Cash < 0.01m, $"{engine.Ledger.Cash} left in cash");
    }

    [Fact]
    public void Buy_and_hold_waits_until_every_symbol_has_a_bar()
    {
        var spy = Closes("SPY", 100, 100, 100);
        var late = Series("QQQ", (Day(1).ToString("yyyy-MM-dd"), 50, 50, 50, 50, 1), (Day(2).ToString("yyyy-MM-dd"), 50, 50, 50, 50, 1));
        var engine = EngineRun.Run(new BuyAndHoldStrategy(), spy, late);
        Assert.All(engine.Journal.Orders, o => Assert.Equal(Day(1), o.PlacedAt));
    }

    [Fact]
    public void Buy_and_hold_starts_after_the_warm_up()
    {
        var engine = EngineRun.Run(new BuyAndHoldStrategy(), new EngineOptions { Start = Day(2) }, Closes("SPY", 100, 101, 102, 103));
        var order = Assert.Single(engine.Journal.Orders);
        Assert.Equal((Day(2), Day(3)), (order.PlacedAt, order.StatusTime));
    }

    [Fact]
    public void Equal_weight_rebalances_back_to_equal_weights_every_rebalance_bars_slices()
    {
        // 10,000 in 50 + 50 shares at 100. At bar 2 SPY is 150 and QQQ 50 (equity still 10,000): targets 5,000 each →
        // SPY 33.3333 (sell 16.6667), QQQ 100 (buy 50), filled at bar 3. At bar 4 the weights are equal: nothing to do.
        var spy = Closes("SPY", 100, 100, 150, 150, 150);
        var qqq = Closes("QQQ", 100, 100, 50, 50, 50);
        var engine = EngineRun.Run(new EqualWeightStrategy(rebalanceBars: 2, cashBuffer: 0), new EngineOptions { InitialCash = 10_000m }, spy, qqq);
        var orders = engine.Journal.Orders;
        Assert.Equal(4, orders.Count);
        Assert.All(orders, o => Assert.Equal(("rebalance", OrderStatus.Filled), (o.Reason, o.Status)));
        Assert.Equal((OrderSide.Sell, 16.6667m, Day(2)), (orders[2].Side, orders[2].Quantity, orders[2].PlacedAt));
        Assert.Equal((OrderSide.Buy, 50m, Day(2)), (orders[3].Side, orders[3].Quantity, orders[3].PlacedAt));
        Assert.Equal(33.3333m, engine.Ledger.QuantityOf(spy.Symbol));
        Assert.Equal(100m, engine.Ledger.QuantityOf(qqq.Symbol));
        Assert.Equal(0.005m, engine.Ledger.Cash);
    }

    [Fact]
    public void Equal_weight_keeps_the_cash_buffer()
    {
        var spy = Closes("SPY", 100, 100, 100);
        var qqq = Closes("QQQ", 50, 50, 50);
        var engine = EngineRun.Run(new EqualWeightStrategy(rebalanceBars: 100, cashBuffer: 0.1), new EngineOptions { InitialCash = 10_000m }, spy, qqq);
        Assert.Equal(45m, engine.Ledger.QuantityOf(spy.Symbol));
        Assert.Equal(90m, engine.Ledger.QuantityOf(qqq.Symbol));
        Assert.Equal(1_000m, engine.Ledger.Cash);
    }
}
