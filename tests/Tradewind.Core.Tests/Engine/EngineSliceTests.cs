using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// Time slices: several symbols on one clock (calendars that differ), the order of fills inside a slice, the equity
/// curve (one point per slice), the warm-up before <see cref="EngineOptions.Start"/> and the stop at <see cref="EngineOptions.End"/>.
/// </summary>
public sealed class EngineSliceTests
{
    [Fact]
    public void Cash_freed_by_a_sale_pays_for_a_buy_at_the_same_open_whatever_the_symbol_order()
    {
        // B is series 0, so filling in series order would try the buy first, with no cash.
        var b = Daily("QQQ", (190, 190, 190, 190), (190, 190, 190, 190), (190, 191, 189, 190));
        var a = Daily("SPY", (100, 100, 100, 100), (100, 100, 100, 100), (100, 101, 99, 100));
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(1, 0, c => c.Buy(1, OrderSizing.AllCash(wholeUnits: true)))
                .At(1, 1, c => c.ClosePosition(1))
                .At(1, 1, c => c.Buy(0, OrderSizing.Units(50))),
            new EngineOptions { InitialCash = 10_000m },
            b,
            a);
        Assert.All(engine.Journal.Orders, o => Assert.Equal(OrderStatus.Filled, o.Status));
        Assert.Equal(50m, engine.Ledger.QuantityOf(b.Symbol));
        Assert.Equal(10_000m - 9_500m, engine.Ledger.Cash);
    }

    [Theory]
    [InlineData(OrderType.MarketOnClose)]
    [InlineData(OrderType.Stop)]
    public void Cash_from_a_sale_later_in_the_bar_does_not_pay_for_a_buy_at_its_open(OrderType exit)
    {
        // Regression: all sells of a slice used to fill before all buys, whatever their point in the bar, so the
        // proceeds of a stop hit during the day (or a sale at the close) paid for a buy at that morning's open.
        var b = Daily("QQQ", (190, 190, 190, 190), (190, 190, 190, 190), (190, 191, 189, 190));
        var a = Daily("SPY", (100, 100, 100, 100), (100, 100, 100, 100), (100, 101, 94, 95));
        long sale = 0, buy = 0;
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(1, 0, c => c.Buy(1, OrderSizing.AllCash(wholeUnits: true)))
                .At(1, 1, c => sale = c.Sell(1, OrderSizing.EntirePosition, "exit", exit, stopPrice: exit == OrderType.Stop ? 96 : null))
                .At(1, 1, c => buy = c.Buy(0, OrderSizing.Units(50))),
            new EngineOptions { InitialCash = 10_000m },
            b,
            a);
        Assert.Equal(OrderStatus.Filled, engine.Order(sale).Status);
        var order = engine.Order(buy);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("cash is 0", order.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_next_close_a_stop_hit_during_the_day_pays_for_a_buy_at_the_close()
    {
        var b = Daily("QQQ", (190, 190, 190, 190), (190, 190, 190, 190), (190, 191, 189, 190));
        var a = Daily("SPY", (100, 100, 100, 100), (100, 100, 100, 100), (100, 101, 94, 95));
        long buy = 0;
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(1, 0, c => c.Buy(1, OrderSizing.AllCash(wholeUnits: true), type: OrderType.MarketOnOpen))
                .At(1, 1, c => c.Sell(1, OrderSizing.EntirePosition, "exit", OrderType.Stop, stopPrice: 96))
                .At(1, 1, c => buy = c.Buy(0, OrderSizing.Units(50))),
            new EngineOptions { InitialCash = 10_000m, FillRule = FillRule.NextClose },
            b,
            a);
        Assert.Equal(OrderStatus.Filled, engine.Order(buy).Status);
        Assert.Equal(10_000m - 9_500m - 400m, engine.Ledger.Cash);
    }

    private static BarSeries Bitcoin() => Series(
        "BTC-USD",
        ("2024-01-05", 40_000, 40_000, 40_000, 40_000, 10),   // Friday
        ("2024-01-06", 41_000, 41_000, 41_000, 41_000, 10),   // Saturday
        ("2024-01-07", 42_000, 42_000, 42_000, 42_000, 10),   // Sunday
        ("2024-01-08", 43_000, 43_000, 43_000, 43_000, 10),   // Monday
        ("2024-01-09", 44_000, 44_000, 44_000, 44_000, 10));  // Tuesday

    private static BarSeries Stocks() => Series(
        "SPY",
        ("2024-01-05", 100, 100, 100, 100, 1000),
        ("2024-01-08", 101, 102, 100, 101, 1000),
        ("2024-01-09", 102, 103, 101, 102, 1000));

    [Fact]
    public void A_crypto_series_with_weekend_bars_and_an_equity_series_share_one_clock()
    {
        var calls = new List<string>();
        var strategy = new ScriptedStrategy
        {
            OnBarDo = (c, s) => calls.Add($"{c.Time:ddd} {c.Symbols[s].Ticker} stock-bar={c.HasBar(1)}"),
        }
            .At(0, 0, c => c.Buy(1, OrderSizing.Units(10)))        // Friday, decided on the crypto bar: SPY fills Monday
            .At(0, 0, c => c.Buy(0, OrderSizing.Units(0.1m)));     // BTC fills Saturday
        var engine = EngineRun.Run(strategy, Bitcoin(), Stocks());

        Assert.Equal(
            [
                "Fri BTC-USD stock-bar=True", "Fri SPY stock-bar=True", "Sat BTC-USD stock-bar=False", "Sun BTC-USD stock-bar=False",
                "Mon BTC-USD stock-bar=True", "Mon SPY stock-bar=True", "Tue BTC-USD stock-bar=True", "Tue SPY stock-bar=True",
            ],
            calls);
        var fills = engine.Journal.Fills;
        Assert.Equal(("BTC-USD", new DateTime(2024, 1, 6), 41_000m), (fills[0].Fill.Symbol.Ticker, fills[0].Fill.Time, fills[0].Fill.Price));
        Assert.Equal(("SPY", new DateTime(2024, 1, 8), 101m), (fills[1].Fill.Symbol.Ticker, fills[1].Fill.Time, fills[1].Fill.Price));

        // One equity point per slice (the union of the calendars); the weekend marks SPY at Friday's close.
        var curve = engine.Journal.Equity;
        Assert.Equal(5, curve.Count);
        Assert.Equal([new DateTime(2024, 1, 5), new(2024, 1, 6), new(2024, 1, 7), new(2024, 1, 8), new(2024, 1, 9)], curve.Time.ToArray());
        Assert.Equal([100_000, 100_000, 100_100, 100_200, 100_310], curve.Equity.ToArray());
        Assert.Equal([100_000, 95_900, 95_900, 94_890, 94_890], curve.Cash.ToArray());
        Assert.Equal(8, engine.BarsProcessed);
    }

    [Fact]
    public void An_order_for_a_symbol_before_its_first_bar_fills_there_and_equity_sizing_in_the_same_slice_still_works()
    {
        // SPY has no bar on Friday; an order for it fills at its first bar (Monday's open). Regression: an equity-sized
        // buy of BTC booked after it in the same slice marked the new SPY position at its "last close" — 0, as SPY had
        // none yet — and the engine threw (a fill price must be positive) instead of sizing the buy.
        var stocks = Series("SPY", ("2024-01-08", 101, 102, 100, 101, 1000), ("2024-01-09", 102, 103, 101, 102, 1000));
        var strategy = new ScriptedStrategy()
            .At(1, 0, c => c.Buy(0, OrderSizing.Notional(50_000m, wholeUnits: true)))
            .At(1, 2, c => c.Buy(1, OrderSizing.EquityFraction(0.25m)));
        var engine = EngineRun.Run(strategy, stocks, Bitcoin());
        Assert.All(engine.Journal.Orders, o => Assert.Equal(OrderStatus.Filled, o.Status));

        // Monday's open: 495 SPY at 101 = 49,995; equity 100,000 (SPY marked at that open) → 25,000 of BTC at 43,000.
        Assert.Equal(495m, engine.Ledger.QuantityOf(stocks.Symbol));
        Assert.Equal(decimal.Truncate(25_000m / 43_000m * 100_000_000m) / 100_000_000m, engine.Ledger.QuantityOf(Symbol.Parse("BTC-USD")));
    }

    [Fact]
    public void The_equity_curve_is_cash_plus_positions_at_the_closes_once_per_slice()
    {
        var bars = Daily("SPY", (100, 100, 100, 100), (101, 103, 100, 102), (102, 102, 97, 98));
        var engine = EngineRun.Run(new ScriptedStrategy().At(0, c => c.Buy(0, OrderSizing.Units(100))), bars);
        Assert.Equal([100_000, 100_000 - 10_100 + 10_200, 100_000 - 10_100 + 9_800], engine.Journal.Equity.Equity.ToArray());
        Assert.Equal([0, 10_200, 9_800], engine.Journal.Equity.GrossExposure.ToArray());
        Assert.Equal([0, 10_100, 0], engine.Journal.Equity.TradedNotional.ToArray());
        Assert.Equal(99_700m, engine.Mark().Equity);
    }

    [Fact]
    public void Before_the_start_the_strategy_warms_up_its_orders_are_ignored_until_the_last_close_before_the_start_and_no_equity_is_recorded()
    {
        var bars = Closes("SPY", 100, 101, 102, 103, 104);
        var seen = new List<(int Count, bool WarmingUp, long Id)>();
        var strategy = new ScriptedStrategy
        {
            OnBarDo = (c, s) => seen.Add((c.History(s).Count, c.IsWarmingUp, c.Buy(s, OrderSizing.Units(1)))),
        };
        var engine = EngineRun.Run(strategy, new EngineOptions { Start = Day(2) }, bars);

        // The order placed on day 1's close (the last warm-up bar) is the first that counts: it fills at the period's
        // first open, as the order of a live run started on day 2 would.
        Assert.Equal([(1, true, 0L), (2, true, 1L), (3, false, 2L), (4, false, 3L), (5, false, 4L)], seen);
        Assert.Equal(4, engine.Journal.OrderCount);
        Assert.Equal([Day(2), Day(3), Day(4)], engine.Journal.Equity.Time.ToArray());
        Assert.Equal(3, engine.BarsProcessed);
        Assert.Equal(Day(2), engine.Ledger.Entries[0].Time);
        Assert.Equal((Day(2), 102m), (engine.Journal.Fills[0].Fill.Time, engine.Journal.Fills[0].Fill.Price));
        Assert.Equal((Day(3), 103m), (engine.Journal.Fills[1].Fill.Time, engine.Journal.Fills[1].Fill.Price));
    }

    [Fact]
    public void The_run_stops_after_the_end_and_later_bars_are_never_seen()
    {
        var bars = Closes("SPY", 100, 101, 102, 103, 104);
        var lastSeen = DateTime.MinValue;
        long lastOrder = 0;
        var strategy = new ScriptedStrategy
        {
            OnBarDo = (c, s) =>
            {
                lastSeen = c.History(s).Last.Time;
                lastOrder = c.Buy(s, OrderSizing.Units(1));
            },
        };
        var engine = EngineRun.Run(strategy, new EngineOptions { End = Day(3) }, bars);
        Assert.Equal(Day(3), lastSeen);
        Assert.Equal(Day(3), engine.Journal.Equity.Time[^1]);
        Assert.Equal(4, engine.Journal.Equity.Count);
        Assert.Equal(OrderStatus.Pending, engine.Order(lastOrder).Status);
        Assert.Equal(3, engine.Journal.Fills.Count);
        Assert.False(engine.Step());
    }

    [Fact]
    public void A_period_with_no_bar_is_refused_with_the_period_named()
    {
        var engine = EngineRun.Run(new ScriptedStrategy(), new EngineOptions { Start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) }, Closes("SPY", 100, 101));
        var error = Assert.Throws<ArgumentException>(() => Backtest.Finish(engine, "test", []));
        Assert.Contains("2030-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("SPY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_refuses_unusable_input()
    {
        var strategy = new ScriptedStrategy();
        var spy = Closes("SPY", 100);
        Assert.Contains("no bars", Assert.Throws<ArgumentException>(() => new TradingEngine([new BarSeries(Symbol.Parse("QQQ"), Resolution.Daily)], strategy, new EngineOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => new TradingEngine([spy, Closes("SPY", 1)], strategy, new EngineOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => new TradingEngine([], strategy, new EngineOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("before start", Assert.Throws<ArgumentException>(() => new TradingEngine([spy], strategy, new EngineOptions { Start = Day(2), End = Day(1) })).Message, StringComparison.Ordinal);
        Assert.Contains("initial cash", Assert.Throws<ArgumentException>(() => new TradingEngine([spy], strategy, new EngineOptions { InitialCash = 0 })).Message, StringComparison.Ordinal);
    }
}
