using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// No lookahead, checked structurally rather than by example: a strategy can only see bars at or before the engine's
/// time, and the decisions up to a bar do not change when the data after it is removed.
/// </summary>
public sealed class NoLookaheadTests
{
    /// <summary>Checks, at every call the engine makes, that nothing after <see cref="StrategyContext.Time"/> is visible.</summary>
    private sealed class WatchingStrategy(BarSeries[] all) : Strategy
    {
        private DateTime _lastSlice = DateTime.MinValue;

        public int Checks { get; private set; }

        public int Fills { get; private set; }

        public override void OnBar(StrategyContext context, int symbol)
        {
            Check(context);
            Assert.True(context.HasBar(symbol));
            Assert.Equal(context.Time, context.CurrentBar(symbol).Time);
            Assert.Equal(context.CurrentBar(symbol).Close, context.Close(symbol));
            if (context.BarIndex(symbol) % 3 == 0)
            {
                context.Buy(symbol, OrderSizing.CashFraction(0.2m), "entry", new Bracket(StopDistance: 1, TakeProfitDistance: 1));
            }
        }

        public override void OnSlice(StrategyContext context)
        {
            Check(context);
            Assert.True(context.Time > _lastSlice, "slices go forward in time");
            _lastSlice = context.Time;
        }

        public override void OnFill(StrategyContext context, JournalFill fill)
        {
            Check(context);
            Assert.True(fill.Fill.Time <= context.Time);
            Fills++;
        }

        public override void OnTradeClosed(StrategyContext context, int symbol, Core.Analytics.ClosedTrade trade) => Check(context);

        private void Check(StrategyContext context)
        {
            for (var s = 0; s < all.Length; s++)
            {
                var history = context.History(s);
                var visible = all[s].LowerBound(context.Time.AddTicks(1));
                Assert.Equal(visible, history.Count);
                Assert.Equal(visible, history.Close.Length);
                Assert.Equal(visible, history.High.Length);
                Assert.Equal(visible, history.Time.Length);
                Assert.Equal(visible - 1, context.BarIndex(s));
                if (visible > 0)
                {
                    Assert.True(history.Last.Time <= context.Time);
                }
            }

            Checks++;
        }
    }

    [Fact]
    public void A_strategy_never_sees_a_bar_after_the_engine_time_in_any_callback()
    {
        // Crypto trades every day and starts later; the stock has gaps at weekends.
        var crypto = Series("BTC-USD", [.. Enumerable.Range(0, 30).Select(i => (new DateTime(2024, 1, 10).AddDays(i).ToString("yyyy-MM-dd"), 100.0 + i, 103.0 + i, 97.0 + i, 101.0 + i, 5.0))]);
        var stock = Daily("SPY", [.. Enumerable.Range(0, 30).Select(i => (50.0 + (i % 4), 52.0 + (i % 4), 48.5 + (i % 4), 51.0 + (i % 4)))]);
        BarSeries[] all = [stock, crypto];
        var strategy = new WatchingStrategy(all);
        EngineRun.Run(strategy, all);
        Assert.True(strategy.Checks > 100);
        Assert.True(strategy.Fills > 10);
    }

    [Fact]
    public void Series_of_different_resolutions_are_refused()
    {
        var daily = Closes("SPY", 100, 101);
        var hourly = new BarSeries(Symbol.Parse("QQQ"), Resolution.Hourly);
        hourly.Add(new Bar(Day(0).AddHours(15), 1, 1, 1, 1, 1));
        var error = Assert.Throws<ArgumentException>(() => new TradingEngine([daily, hourly], new ScriptedStrategy(), new EngineOptions()));
        Assert.Contains("one resolution", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, FillRule> Strategies => new()
    {
        { "buy-and-hold", "", FillRule.NextOpen },
        { "sma-cross", "fast=10,slow=30", FillRule.NextOpen },
        { "sma-cross", "fast=5,slow=20,size=100", FillRule.NextClose },
        { "rsi-bb", "", FillRule.NextOpen },
        { "rsi-bb", "entry=RSIBBVolume,exit=AdvancedATRExit,trailing_enabled=true,volume_factor=0.8", FillRule.NextOpen },
        { "rsi-bb", "exit=AdvancedATRExit,cooldown_bars=0,position_size=1", FillRule.NextOpen },
        { "rsi-bb", "exit=AdvancedATRExit,trailing_enabled=true,cooldown_bars=1", FillRule.NextClose },
        { "equal-weight", "rebalance_bars=5,cash_buffer=0", FillRule.NextOpen },
        { "equal-weight", "rebalance_bars=21", FillRule.NextClose },
        { "capital-allocator", "", FillRule.NextOpen },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Truncating_the_data_after_any_bar_does_not_change_what_happened_up_to_that_bar(string name, string parameters, FillRule rule)
    {
        var spy = BacktestSmokeTests.LoadDaily("SPY");
        var qqq = BacktestSmokeTests.LoadDaily("QQQ");
        var definition = StrategyCatalog.Get(name);
        var values = definition.Bind(parameters.Length == 0
            ? []
            : parameters.Split(',').Select(p => new KeyValuePair<string, string>(p.Split('=')[0], p.Split('=')[1])));
        var options = new EngineOptions { FillRule = rule }.WithCommission(CommissionModel.Parse("per-share:0.005,min:1")).WithSlippage(2m);
        BarSeries[] full = name == "equal-weight" ? [spy, qqq] : [spy];
        var complete = Run(full);
        Assert.True(complete.Journal.Fills.Count > 0, $"{name} {parameters} {rule} never traded: the check would be empty");

        foreach (var cut in new[] { 60, 400, 1700, 1701, 1702, 3000, 4321, 5000, 6500, spy.Count - 2 })
        {
            var end = spy.Time[cut];
            var parts = full.Select(s => Truncate(s, end)).ToArray();
            if (parts.Any(p => p.Count == 0))
            {
                continue; // QQQ starts in 1999: an earlier cut leaves it without bars, which the engine refuses
            }

            var truncated = Run(parts);
            AssertSameUpTo(end, complete, truncated, $"{name} {parameters} {rule} cut at {end:yyyy-MM-dd}");
        }

        TradingEngine Run(BarSeries[] series)
        {
            var engine = new TradingEngine(series, definition.Create(values), options);
            engine.Run(TestContext.Current.CancellationToken);
            return engine;
        }
    }

    private static BarSeries Truncate(BarSeries series, DateTime end)
    {
        var copy = new BarSeries(series.Symbol, series.Resolution);
        for (var i = 0; i < series.Count && series.Time[i] <= end; i++)
        {
            copy.Add(series[i]);
        }

        return copy;
    }

    private static void AssertSameUpTo(DateTime end, TradingEngine complete, TradingEngine truncated, string what)
    {
        var points = truncated.Journal.Equity.Count;
        Assert.True(points > 0, what);
        Assert.Equal(end, truncated.Journal.Equity.Time[^1]);
        for (var i = 0; i < points; i++)
        {
            Assert.Equal(complete.Journal.Equity[i], truncated.Journal.Equity[i]);
        }

        Assert.Equal(complete.Journal.Fills.Where(f => f.Fill.Time <= end), truncated.Journal.Fills);
        Assert.Equal(complete.Journal.ClosedTrades.Where(t => t.ExitTime <= end), truncated.Journal.ClosedTrades);

        var expected = complete.Journal.Orders.Where(o => o.PlacedAt <= end).ToList();
        var actual = truncated.Journal.Orders;
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} orders placed up to the cut in the full run, {actual.Count} in the truncated one");
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i].Status != OrderStatus.Pending)
            {
                Assert.Equal(expected[i], actual[i]);
                continue;
            }

            // Still working at the cut: what it asked is the same; in the full run it ended later, if at all.
            Assert.Equal(
                expected[i] with { Status = OrderStatus.Pending, StatusTime = null, FillPrice = null, Note = null, Quantity = actual[i].Quantity, StopPrice = actual[i].StopPrice, Reason = actual[i].Reason },
                actual[i]);
            Assert.True(expected[i].StatusTime is null || expected[i].StatusTime > end, what);
        }

        Assert.Equal(complete.Ledger.Entries.Where(e => e.Time <= end), truncated.Ledger.Entries);
    }
}
