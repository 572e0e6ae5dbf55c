using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Strategies.SmaCross;
using Tradewind.Core.Tests.Engine;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Strategies;

/// <summary>
/// sma-cross with fast 2 and slow 3 on closes whose averages are exact in binary (integers), so that "equal" really is 0:
/// <code>
/// bar    0   1   2   3     4     5   6   7    8   9     10   11  12  13  14
/// close 10  10  10  12     9     9   9  12   12  13    14   12  10   8   8
/// f − s  –   –   0  +1/3  +1/6  −1   0  +½   +1  +1/6  +½   0   −1  −1  −2/3
/// </code>
/// Bar 3 is the first sign (no cross: nothing before it); bar 5 crosses down while flat; bar 7 crosses up through the 0
/// of bar 6 (last non-zero was negative) → buy at bar 8's open; bar 11's 0 keeps the sign; bar 12 crosses down → sell at bar 13's open.
/// </summary>
public sealed class SmaCrossStrategyTests
{
    private static readonly double[] CloseRow = [10, 10, 10, 12, 9, 9, 9, 12, 12, 13, 14, 12, 10, 8, 8];

    private static BarSeries Bars()
    {
        var rows = CloseRow.Select(c => (c, c, c, c)).ToArray();
        rows[8] = (12.5, 12.5, 12, 12);   // the entry fills at this open
        rows[13] = (8.5, 8.5, 8, 8);      // the exit fills at this open
        return Daily("SPY", rows);
    }

    private static TradingEngine Run(string parameters, decimal cash)
    {
        var definition = StrategyCatalog.SmaCross;
        var values = definition.Bind(parameters.Split(' ').Select(p => new KeyValuePair<string, string>(p.Split('=')[0], p.Split('=')[1])));
        return EngineRun.Run(definition.Create(values), new EngineOptions { InitialCash = cash }, Bars());
    }

    [Fact]
    public void Enters_on_the_bar_after_an_upward_cross_through_zero_and_exits_after_the_downward_cross()
    {
        var engine = Run("fast=2 slow=3", 1_010m);
        var orders = engine.Journal.Orders;
        Assert.Equal(2, orders.Count);
        Assert.Equal((OrderSide.Buy, Day(7), Day(8), 12.5m), (orders[0].Side, orders[0].PlacedAt, orders[0].StatusTime, orders[0].FillPrice));
        Assert.Equal((OrderSide.Sell, Day(12), Day(13), 8.5m), (orders[1].Side, orders[1].PlacedAt, orders[1].StatusTime, orders[1].FillPrice));

        // size 0: all cash in whole shares at the fill: 1,010 / 12.5 = 80.8 → 80 shares.
        Assert.Equal("100% of cash, whole units", orders[0].Sizing);
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((80m, 12.5m, 8.5m, -320m, "exit", 5), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.ProfitLoss, trade.ExitReason, trade.BarsHeld));
        Assert.Equal(1_010m - 320m, engine.Ledger.Cash);
    }

    [Fact]
    public void A_fixed_size_buys_exactly_that_many_shares()
    {
        var engine = Run("fast=2 slow=3 size=7", 1_010m);
        Assert.Equal(7m, engine.Journal.Orders[0].Quantity);
        Assert.Equal("7", engine.Journal.Orders[0].Sizing);
        Assert.Equal(7m * (8.5m - 12.5m), Assert.Single(engine.Journal.ClosedTrades).ProfitLoss);
    }

    [Fact]
    public void A_fixed_size_larger_than_the_cash_is_rejected_not_shrunk()
    {
        var engine = Run("fast=2 slow=3 size=100", 1_010m);
        var entry = engine.Journal.Orders[0];
        Assert.Equal(OrderStatus.Rejected, entry.Status);
        Assert.Contains("cash is 1010", entry.Note, StringComparison.Ordinal);
        Assert.Empty(engine.Journal.Fills);
    }

    [Fact]
    public void Averages_already_apart_when_they_become_ready_are_not_a_cross()
    {
        var engine = EngineRun.Run(new SmaCrossStrategy(2, 3), Closes("SPY", 1, 2, 3, 4, 5, 6, 7, 8));
        Assert.Empty(engine.Journal.Orders);
    }

    [Fact]
    public void Touching_zero_and_turning_back_is_not_a_cross()
    {
        // f − s: –, –, 0, −1/6, −1/3, 0, −1/6 ...: never positive.
        var engine = EngineRun.Run(new SmaCrossStrategy(2, 3), Closes("SPY", 10, 10, 10, 9, 9, 9, 8, 8, 8));
        Assert.Empty(engine.Journal.Orders);
    }

    [Fact]
    public void A_downward_cross_while_flat_places_nothing_and_an_upward_cross_while_long_buys_no_more()
    {
        // From the table: bar 5 crosses down while flat (no sell). A second up-cross while long must not add.
        var engine = Run("fast=2 slow=3", 1_010m);
        Assert.DoesNotContain(engine.Journal.Orders, o => o.PlacedAt == Day(5));
        Assert.Single(engine.Journal.Orders, o => o.Side == OrderSide.Buy);
    }

    [Fact]
    public void The_catalogue_refuses_fast_not_below_slow()
    {
        Assert.Throws<StrategyParameterException>(() => StrategyCatalog.SmaCross.Bind([new("fast", "3"), new("slow", "3")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmaCrossStrategy(3, 3));
    }
}
