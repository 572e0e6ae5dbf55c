using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>A round trip runs from flat to flat: scale-ins and partial exits make one closed trade at weighted prices.</summary>
public sealed class EngineRoundTripTests
{
    private static BarSeries Bars() => Daily(
        "SPY",
        (100, 100, 100, 100),
        (100, 101, 99, 100.5),   // 1
        (104, 105, 103, 104),    // 2
        (110, 111, 109, 110),    // 3
        (108, 109, 107, 108));   // 4

    private static readonly EngineOptions OneDollarPerOrder = new EngineOptions().WithCommission(CommissionModel.Parse("fixed:1"));

    [Fact]
    public void A_scale_in_then_one_exit_is_one_trade_at_the_weighted_entry_price()
    {
        // 10 at 100 + 30 at 104 = 4,120 for 40 (103 each); all 40 sold at 110 = 4,400; three orders at 1 each.
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(10)))
                .At(1, c => c.Buy(0, OrderSizing.Units(30), "add"))
                .At(2, c => c.ClosePosition(0)),
            OneDollarPerOrder,
            Bars());
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((40m, 103m, 110m, 277m), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.ProfitLoss));
        Assert.Equal((Day(1), Day(3), 2), (trade.EntryTime, trade.ExitTime, trade.BarsHeld));
        Assert.Equal(277.0 / 4120.0, trade.Return, 12);
        Assert.Equal(100_277m, engine.Ledger.Cash);
        Assert.Equal(trade.ProfitLoss, engine.Ledger.RealizedPnL - engine.Ledger.Fees);
    }

    [Fact]
    public void Partial_exits_close_the_trade_only_when_the_position_is_flat()
    {
        // 40 at 100; 10 sold at 104, 30 at 110: exit price (1,040 + 3,300) / 40 = 108.5.
        var engine = new TradingEngine(
            [Bars()],
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(40)))
                .At(1, c => c.Sell(0, OrderSizing.Units(10), "trim"))
                .At(2, c => c.Sell(0, OrderSizing.Units(30), "final")),
            OneDollarPerOrder);
        for (var bar = 0; bar <= 2; bar++)
        {
            Assert.True(engine.Step());
            Assert.Empty(engine.Journal.ClosedTrades);
        }

        Assert.True(engine.Step());
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((40m, 100m, 108.5m, 337m, "final"), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.ProfitLoss, trade.ExitReason));
    }

    [Fact]
    public void Two_round_trips_are_two_trades_and_their_profits_add_up_to_the_ledger()
    {
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(10)))
                .At(1, c => c.ClosePosition(0))
                .At(2, c => c.Buy(0, OrderSizing.Units(5)))
                .At(3, c => c.ClosePosition(0)),
            OneDollarPerOrder,
            Bars());
        Assert.Equal(2, engine.Journal.ClosedTrades.Count);
        Assert.Equal(40m - 2m, engine.Journal.ClosedTrades[0].ProfitLoss);
        Assert.Equal(-10m - 2m, engine.Journal.ClosedTrades[1].ProfitLoss);
        Assert.Equal(engine.Journal.ClosedTrades.Sum(t => t.ProfitLoss), engine.Ledger.Cash - 100_000m);
        Assert.Equal((0, 0), (engine.Journal.ClosedTrades[0].BarsHeld - 1, engine.Journal.ClosedTrades[1].BarsHeld - 1));
    }

    [Fact]
    public void The_strategy_hears_of_each_fill_and_of_the_closed_trade()
    {
        var fills = new List<string>();
        var closed = new List<string>();
        EngineRun.Run(
            new ScriptedStrategy
            {
                OnFillDo = (c, f) => fills.Add($"{f.Fill.Side} {f.Fill.Quantity} {c.Position(0)}"),
                OnTradeClosedDo = (c, s, t) => closed.Add($"{s} {t.ProfitLoss} {c.IsFlat(s)}"),
            }
                .At(0, c => c.Buy(0, OrderSizing.Units(10)))
                .At(1, c => c.ClosePosition(0)),
            Bars());
        Assert.Equal(["Buy 10 10", "Sell 10 0"], fills);
        Assert.Equal(["0 40 True"], closed);
    }
}
