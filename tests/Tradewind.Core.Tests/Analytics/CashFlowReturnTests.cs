using Tradewind.Core.Analytics;
using Tradewind.Core.Engine;
using Tradewind.Core.Portfolio;
using Tradewind.Core.Tests.Engine;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

// Contributions are not performance: returns and drawdowns are time-weighted, each period's return taken net of the
// cash that flowed in or out during it. Expected values are worked by hand in the comments.
public sealed class CashFlowReturnTests
{
    private const int Digits = 12;

    [Fact]
    public void Without_flows_the_index_is_the_equity_and_nothing_changes()
    {
        var curve = Curve(100, 110, 99, 120);
        Assert.Equal(curve.Equity.ToArray(), curve.PerformanceIndex.ToArray());
        Assert.Equal(0, curve.NetFlows);
        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(0.2, s.TotalReturn, Digits);
        Assert.Equal(20, s.ProfitLoss, Digits);
    }

    [Fact]
    public void A_contribution_is_taken_out_of_the_period_it_arrives_in()
    {
        // Equity 100 → 110 (+10%), then 1,000 paid in and the market flat: 1,110; then +10% on everything: 1,221.
        // Period returns: 0.10, (1,110 − 1,000) / 110 − 1 = 0, 1,221 / 1,110 − 1 = 0.10.
        // Index: 100, 110, 110, 121; time-weighted total return 21%, where end/start − 1 would claim 1,121%.
        var curve = new EquityCurve();
        curve.Append(Day0, 100, 100, 0);
        curve.Append(Day0.AddDays(1), 110, 0, 110);
        curve.AddFlow(1_000);
        curve.Append(Day0.AddDays(2), 1_110, 1_000, 110);
        curve.Append(Day0.AddDays(3), 1_221, 0, 1_221);

        Assert.Equal([(2, 1_000.0)], curve.Flows);
        Assert.Equal(1_000, curve.NetFlows);
        var index = curve.PerformanceIndex.ToArray();
        Assert.Equal(100, index[0], Digits);
        Assert.Equal(110, index[1], Digits);
        Assert.Equal(110, index[2], Digits);
        Assert.Equal(121, index[3], Digits);

        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(0.21, s.TotalReturn, Digits);
        Assert.Equal(100, s.StartEquity);
        Assert.Equal(1_221, s.EndEquity);
        Assert.Equal(121, s.ProfitLoss, Digits); // 1,221 − 100 − 1,000
        Assert.Equal(0, s.MaxDrawdown);
    }

    [Fact]
    public void A_deposit_does_not_hide_a_loss_in_the_drawdown()
    {
        // 100 held, 100 paid in at the period's start, and the account ends the period at 160: it lost 20% of the 200
        // it held, although 160 is above the old peak of 100. Then +10% on everything: (176 − 0) / 160 = +10%.
        var curve = new EquityCurve();
        curve.Append(Day0, 100, 100, 0);
        curve.AddFlow(100);
        curve.Append(Day0.AddDays(1), 160, 60, 100);
        curve.Append(Day0.AddDays(2), 176, 60, 116);

        Assert.Equal([100.0, 80, 88], curve.PerformanceIndex.ToArray().Select(v => Math.Round(v, 9)));
        Assert.Equal(0.2, curve.MaxDrawdown, Digits);
        Assert.Equal([0, 0.2, 0.12], curve.Drawdown.ToArray().Select(d => Math.Round(d, 12)));
        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(-0.12, s.TotalReturn, Digits);
        Assert.Equal(0.2, s.MaxDrawdown, Digits);
        Assert.Equal(-24, s.ProfitLoss, Digits); // 176 − 100 − 100
    }

    [Fact]
    public void Money_paid_in_before_the_open_earns_the_day_with_the_rest()
    {
        // The allocator's second day: 1,000 held, 1,000 paid in before the open, 800 of it invested, the market +1%
        // from open to close: the account gains 8 on 2,000 = +0.4%, not 8 on the old 1,000.
        var curve = new EquityCurve();
        curve.Append(Day0, 1_000, 1_000, 0);
        curve.AddFlow(1_000);
        curve.Append(Day0.AddDays(1), 2_008, 1_200, 808);
        Assert.Equal(0.004, PerformanceStatistics.Compute(curve, [], Daily).TotalReturn, Digits);
    }

    [Fact]
    public void A_withdrawal_is_not_a_loss()
    {
        var curve = new EquityCurve();
        curve.Append(Day0, 1_000, 1_000, 0);
        curve.AddFlow(-500);
        curve.Append(Day0.AddDays(1), 500, 500, 0);
        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(0, s.TotalReturn, Digits);
        Assert.Equal(0, s.MaxDrawdown, Digits);
        Assert.Equal(-500, s.NetFlows);
    }

    [Fact]
    public void A_flow_before_the_first_point_is_starting_capital()
    {
        var curve = new EquityCurve();
        curve.AddFlow(500);
        curve.Append(Day0, 500, 500, 0);
        curve.Append(Day0.AddDays(1), 550, 0, 550);
        Assert.Empty(curve.Flows);
        Assert.Equal(0.1, PerformanceStatistics.Compute(curve, [], Daily).TotalReturn, Digits);
    }

    [Fact]
    public void Clearing_the_curve_forgets_its_flows()
    {
        var curve = new EquityCurve();
        curve.Append(Day0, 100, 100, 0);
        curve.AddFlow(50);
        curve.Append(Day0.AddDays(1), 150, 150, 0);
        curve.Clear();
        curve.Append(Day0, 100, 100, 0);
        curve.Append(Day0.AddDays(1), 120, 120, 0);
        Assert.Empty(curve.Flows);
        Assert.Equal([100.0, 120.0], curve.PerformanceIndex.ToArray());
    }

    [Fact]
    public void Deposits_made_by_a_strategy_reach_the_ledger_and_are_time_weighted_in_the_run()
    {
        // Flat prices at 100, 1,000 paid in on every close: the account never gains, so the return is 0 and there is
        // no drawdown, whatever the deposits; the ledger holds every deposit and cash adds up.
        var strategy = new ScriptedStrategy { OnBarDo = (c, _) => c.Deposit(1_000m, "daily capital") };
        var engine = EngineRun.Run(strategy, new EngineOptions { InitialCash = 1_000m }, TestBars.Closes("SPY", 100, 100, 100, 100));
        var curve = engine.Journal.Equity;
        Assert.Equal([1_000.0, 2_000, 3_000, 4_000], curve.Equity.ToArray());
        Assert.Equal(3_000, curve.NetFlows); // the fourth deposit comes after the last point
        Assert.Equal(5_000m, engine.Ledger.Cash);
        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(0, s.TotalReturn, Digits);
        Assert.Equal(0, s.MaxDrawdown, Digits);
        Assert.Equal(0, s.ProfitLoss, Digits);
    }

    [Fact]
    public void A_deposit_for_the_next_slice_is_paid_before_its_fills_and_never_after_the_last_bar()
    {
        // 100 of starting cash, flat prices at 100. On every close 1,000 is promised for the next slice and a buy of
        // 1,000 placed: each buy fills at the next open with the deposit that came with it (the 100 alone could pay none
        // of them). The promise made on the last close is never paid, so cash and deposits are what the bars reached.
        var strategy = new ScriptedStrategy
        {
            OnBarDo = (c, _) =>
            {
                c.DepositAtNextSlice(1_000m, "daily capital");
                c.Buy(0, OrderSizing.Notional(1_000m));
            },
        };
        var engine = EngineRun.Run(strategy, new EngineOptions { InitialCash = 100m }, TestBars.Closes("SPY", 100, 100, 100, 100));

        Assert.Equal([10m, 10m, 10m], engine.Journal.Fills.Select(f => f.Fill.Quantity));
        Assert.Equal((3_100m, 100m), (engine.Ledger.Deposits, engine.Ledger.Cash));
        var deposits = engine.Ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Deposit).ToList();
        Assert.Equal([TestBars.Day(0), TestBars.Day(1), TestBars.Day(2), TestBars.Day(3)], deposits.Select(e => e.Time));
        Assert.Equal(["initial cash", "daily capital", "daily capital", "daily capital"], deposits.Select(e => e.Note));

        // Each deposit is booked before the buy it pays for.
        var entries = engine.Ledger.Entries.ToList();
        Assert.All(engine.Journal.Fills, f => Assert.True(
            entries.FindIndex(e => e.Kind == LedgerEntryKind.Deposit && e.Time == f.Fill.Time) < entries.FindIndex(e => e.OrderId == f.Fill.OrderId)));

        var curve = engine.Journal.Equity;
        Assert.Equal([100.0, 1_100, 2_100, 3_100], curve.Equity.ToArray());
        Assert.Equal([(1, 1_000.0), (2, 1_000.0), (3, 1_000.0)], curve.Flows);
        var s = PerformanceStatistics.Compute(curve, [], Daily);
        Assert.Equal(0, s.TotalReturn, Digits);
        Assert.Equal(0, s.ProfitLoss, Digits);
    }

    [Fact]
    public void A_deposit_for_the_next_slice_made_in_the_warm_up_is_starting_capital_and_must_be_positive()
    {
        var strategy = new ScriptedStrategy().At(0, c => c.DepositAtNextSlice(500m));
        var engine = EngineRun.Run(strategy, new EngineOptions { InitialCash = 100m, Start = TestBars.Day(1) }, TestBars.Closes("SPY", 100, 100, 100));

        Assert.Equal([600.0, 600], engine.Journal.Equity.Equity.ToArray());
        Assert.Empty(engine.Journal.Equity.Flows);
        Assert.Equal(600m, engine.Ledger.Deposits);

        Assert.Throws<ArgumentOutOfRangeException>(() => engine.DepositAtNextSlice(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.DepositAtNextSlice(-1m));
    }
}
