using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// Stop-loss, take-profit and trailing stops attached to an entry: placed at the entry's fill ± the distance, one
/// cancels the other, the stop wins when a bar reaches both (unless the target gapped at the open), and the round
/// trip records why it ended and its R multiple. The entry of 10 shares is decided on bar 0 and fills at bar 1's open of 100.
/// </summary>
public sealed class EngineBracketTests
{
    private static readonly (double, double, double, double) Decision = (100, 100, 100, 100);
    private static readonly (double, double, double, double) QuietEntryBar = (100, 103, 99, 102);

    private static TradingEngine Run(Bracket bracket, EngineOptions? options, params (double O, double H, double L, double C)[] afterDecision) =>
        EngineRun.Run(
            new ScriptedStrategy().At(0, c => c.Buy(0, OrderSizing.Units(10), "entry", bracket)),
            options ?? new EngineOptions(),
            Daily("SPY", [Decision, .. afterDecision]));

    private static TradingEngine Run(Bracket bracket, params (double O, double H, double L, double C)[] afterDecision) => Run(bracket, null, afterDecision);

    private static readonly Bracket StopAndTarget = new(StopDistance: 5, TakeProfitDistance: 10);

    [Fact]
    public void The_stop_loss_sits_at_the_fill_minus_the_distance_and_cancels_the_take_profit_when_it_fills()
    {
        var engine = Run(StopAndTarget, QuietEntryBar, (102, 104, 94, 96));
        var entry = engine.Order("entry");
        var stop = engine.Order("stop-loss");
        var target = engine.Order("take-profit");
        Assert.Equal((OrderType.Stop, 95.0, entry.Id, Day(1)), (stop.Type, stop.StopPrice!.Value, stop.ParentId!.Value, stop.PlacedAt));
        Assert.Equal((OrderType.Limit, 110.0, entry.Id), (target.Type, target.LimitPrice!.Value, target.ParentId!.Value));
        Assert.Equal((OrderStatus.Filled, Day(2), 95m), (stop.Status, stop.StatusTime, stop.FillPrice));
        Assert.Equal((OrderStatus.Cancelled, Day(2)), (target.Status, target.StatusTime));
        Assert.Contains("one-cancels-other", target.Note, StringComparison.Ordinal);

        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("stop-loss", 100m, 95m, 10m, -50m, 1), (trade.ExitReason, trade.EntryPrice, trade.ExitPrice, trade.Quantity, trade.ProfitLoss, trade.BarsHeld));
        Assert.Equal(5m, trade.InitialRiskPerUnit);
        Assert.Equal(-1.0, trade.RMultiple);
        Assert.Equal(0, engine.Context.PendingOrders(0));
    }

    [Fact]
    public void The_stop_is_measured_from_the_price_actually_paid_slippage_included()
    {
        // Buy at 100 × 1.001 = 100.1, stop at 95.1, filled at 95.1 × 0.999 = 95.0049.
        var engine = Run(new Bracket(StopDistance: 5), new EngineOptions().WithSlippage(10m), QuietEntryBar, (102, 104, 94, 96));
        Assert.Equal(95.1, engine.Order("stop-loss").StopPrice!.Value, 9);
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(95.0049m, trade.ExitPrice);
        Assert.Equal(5m, trade.InitialRiskPerUnit);
    }

    [Fact]
    public void The_take_profit_fills_at_its_limit_and_cancels_the_stop()
    {
        var engine = Run(StopAndTarget, QuietEntryBar, (102, 111, 101, 108));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("take-profit", 110m, 100m), (trade.ExitReason, trade.ExitPrice, trade.ProfitLoss));
        Assert.Equal(2.0, trade.RMultiple);
        Assert.Equal(OrderStatus.Cancelled, engine.Order("stop-loss").Status);
        Assert.Equal(FillPoint.Intrabar, engine.Journal.Fills[^1].Point);
    }

    [Fact]
    public void When_a_bar_reaches_both_the_stop_and_the_target_the_stop_wins()
    {
        // Which came first inside the bar is unknown: assume the worse.
        var engine = Run(StopAndTarget, QuietEntryBar, (102, 111, 94, 100));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("stop-loss", 95m), (trade.ExitReason, trade.ExitPrice));
        Assert.Equal(OrderStatus.Cancelled, engine.Order("take-profit").Status);
    }

    [Fact]
    public void A_take_profit_gapped_at_the_open_wins_even_if_the_bar_later_reaches_the_stop()
    {
        var engine = Run(StopAndTarget, QuietEntryBar, (112, 113, 94, 100));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("take-profit", 112m), (trade.ExitReason, trade.ExitPrice));
        Assert.Equal(FillPoint.Open, engine.Journal.Fills[^1].Point);
    }

    [Fact]
    public void A_stop_gapped_at_the_open_fills_at_the_open_below_the_stop()
    {
        var engine = Run(StopAndTarget, QuietEntryBar, (90, 92, 88, 91));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("stop-loss", 90m, -100m), (trade.ExitReason, trade.ExitPrice, trade.ProfitLoss));
        Assert.Equal(-2.0, trade.RMultiple);
    }

    [Fact]
    public void An_entry_filled_at_the_open_is_protected_for_the_rest_of_that_bar()
    {
        var engine = Run(StopAndTarget, (100, 101, 94, 97));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("stop-loss", 95m, Day(1), Day(1), 0), (trade.ExitReason, trade.ExitPrice, trade.EntryTime, trade.ExitTime, trade.BarsHeld));
    }

    [Fact]
    public void An_entry_filled_at_the_close_is_protected_from_the_next_bar_only()
    {
        // next-close: the entry fills at 97; the low of 90 came before it and cannot trigger the stop at 92.
        var engine = Run(StopAndTarget, new EngineOptions { FillRule = FillRule.NextClose }, (100, 101, 90, 97), (97, 98, 96, 97));
        Assert.Empty(engine.Journal.ClosedTrades);
        var stop = engine.Order("stop-loss");
        Assert.Equal((OrderStatus.Pending, 92.0), (stop.Status, stop.StopPrice!.Value));
        Assert.Equal(10m, engine.Ledger.QuantityOf(engine.Symbols[0]));
    }

    [Fact]
    public void A_trailing_stop_follows_the_highest_high_from_the_next_bar_and_exits_as_trailing_stop()
    {
        // Entry 100 at bar 1's open, stop 95; bar 1's close raises it to 103 − 5 = 98. Bar 2 trades down to 99 (above 98)
        // and up to 107: the stop moves to 102 only at its close, so bar 2 does not exit. Bar 3 reaches 101: out at 102.
        var engine = Run(new Bracket(TrailingDistance: 5), QuietEntryBar, (102, 107, 99, 106), (105, 106, 101, 103));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("trailing-stop", 102m, Day(3)), (trade.ExitReason, trade.ExitPrice, trade.ExitTime));
        var stop = Assert.Single(engine.Journal.Orders, o => o.Type == OrderType.Stop);
        Assert.Equal(102.0, stop.StopPrice);
        Assert.Equal("trailing-stop", stop.Reason);

        // The risk taken at the entry was the trail's first stop: 100 − 95.
        Assert.Equal(5m, trade.InitialRiskPerUnit);
        Assert.Equal(20.0 / 50.0, trade.RMultiple);
    }

    [Fact]
    public void A_trailing_stop_never_moves_down()
    {
        var engine = Run(new Bracket(TrailingDistance: 5), QuietEntryBar, (103, 107, 103, 106), (104, 105, 103, 104), (103.5, 104, 102.5, 103));
        var stop = Assert.Single(engine.Journal.Orders, o => o.Type == OrderType.Stop);
        Assert.Equal((OrderStatus.Pending, 102.0), (stop.Status, stop.StopPrice!.Value));
        Assert.Empty(engine.Journal.ClosedTrades);
    }

    [Fact]
    public void A_trailing_stop_after_a_close_fill_starts_from_the_entry_not_from_the_highs_before_it()
    {
        // next-close: bar 1 spiked to 110 before the entry at its close of 102. The trail starts at 102 − 5 = 97 and
        // bar 2's high of 104 raises it to 99; a trail from 110 would have sat at 105 and exited on bar 3.
        var engine = Run(
            new Bracket(TrailingDistance: 5),
            new EngineOptions { FillRule = FillRule.NextClose },
            (100, 110, 99, 102),
            (102, 104, 100, 103),
            (101, 102, 100, 101));
        Assert.Empty(engine.Journal.ClosedTrades);
        Assert.Equal(99.0, Assert.Single(engine.Journal.Orders, o => o.Type == OrderType.Stop).StopPrice);
    }

    [Fact]
    public void A_fixed_stop_above_the_trail_start_is_the_initial_stop_and_defines_the_risk()
    {
        // Stop distance 3 (stop 97) is tighter than the trail of 5 (95): the stop starts at 97, the risk is 3.
        var engine = Run(new Bracket(StopDistance: 3, TrailingDistance: 5), QuietEntryBar, (101, 101.5, 96, 97));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(98m, trade.ExitPrice); // raised at bar 1's close to 103 − 5 = 98
        Assert.Equal(3m, trade.InitialRiskPerUnit);
    }

    [Fact]
    public void Closing_the_position_by_the_strategy_cancels_its_protection_and_names_the_reason()
    {
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(10), "entry", StopAndTarget))
                .At(1, c => c.ClosePosition(0, "time-stop")),
            Daily("SPY", Decision, QuietEntryBar, (103, 104, 102, 103)));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("time-stop", 103m, 30m), (trade.ExitReason, trade.ExitPrice, trade.ProfitLoss));
        Assert.All(engine.Journal.Orders.Where(o => o.ParentId is not null), o =>
        {
            Assert.Equal(OrderStatus.Cancelled, o.Status);
            Assert.Equal("position closed", o.Note);
        });
    }

    [Fact]
    public void A_trade_without_a_stop_has_no_initial_risk_and_no_R_multiple()
    {
        var engine = EngineRun.Run(
            new ScriptedStrategy().At(0, c => c.Buy(0, OrderSizing.Units(10))).At(1, c => c.ClosePosition(0)),
            Daily("SPY", Decision, QuietEntryBar, (103, 104, 102, 103)));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal("exit", trade.ExitReason);
        Assert.Null(trade.InitialRiskPerUnit);
        Assert.Null(trade.RMultiple);
    }

    [Fact]
    public void A_second_entry_replaces_the_protection_with_one_for_the_whole_position()
    {
        // Entry 1: 10 at 100, stop 95. Entry 2: 10 at 102 (bar 2's open), stop 97 for all 20. Bar 3 reaches 96.
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(10), "entry", new Bracket(StopDistance: 5)))
                .At(1, c => c.Buy(0, OrderSizing.Units(10), "add", new Bracket(StopDistance: 5))),
            Daily("SPY", Decision, QuietEntryBar, (102, 104, 101, 103), (101, 102, 96, 98)));
        var stops = engine.Journal.Orders.Where(o => o.Type == OrderType.Stop).ToList();
        Assert.Equal(2, stops.Count);
        Assert.Equal((OrderStatus.Cancelled, "replaced by the protection of a later entry"), (stops[0].Status, stops[0].Note));
        Assert.Equal((OrderStatus.Filled, 97.0, 20m), (stops[1].Status, stops[1].StopPrice!.Value, stops[1].Quantity));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((20m, 101m, 97m, -80m), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.ProfitLoss));
    }

    [Theory]
    [InlineData(-1.0, null, null, "stop distance must be a positive number")]
    [InlineData(null, 0.0, null, "take-profit distance must be a positive number")]
    [InlineData(null, null, double.NaN, "trailing distance must be a positive number")]
    public void A_bracket_with_a_bad_distance_rejects_the_entry_at_placement(double? stop, double? target, double? trailing, string reason)
    {
        var engine = Run(new Bracket(stop, target, trailing), QuietEntryBar);
        var entry = Assert.Single(engine.Journal.Orders);
        Assert.Equal(OrderStatus.Rejected, entry.Status);
        Assert.Contains(reason, entry.Note, StringComparison.Ordinal);
    }
}
