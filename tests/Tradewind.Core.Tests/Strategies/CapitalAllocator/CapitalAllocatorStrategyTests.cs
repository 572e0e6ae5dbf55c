using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Tests.Engine;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// The allocator as an engine strategy against <see cref="AllocatorJobReplay"/>, the daily jobs replayed with
/// Decide + Plan: the same trades (date, symbol, side, quantity, price) to the decimal, the same deposits and cash.
/// </summary>
public sealed class CapitalAllocatorStrategyTests
{
    private static readonly CapitalAllocatorParameters Defaults = CapitalAllocatorParameters.Default;

    /// <summary>Trades as (date, symbol, side, quantity, price), by date and then symbol.</summary>
    internal static List<(DateOnly Date, string Symbol, OrderSide Side, decimal Quantity, decimal Price)> Trades(AllocatorJobReplay replay) =>
        [.. replay.Trades
            .Select(t => (t.Date, t.Trade.Symbol, t.Trade.Action == AllocatorAction.Buy ? OrderSide.Buy : OrderSide.Sell, t.Trade.Quantity, t.Trade.Price))
            .OrderBy(t => t.Date).ThenBy(t => t.Symbol, StringComparer.Ordinal)];

    /// <inheritdoc cref="Trades(AllocatorJobReplay)"/>
    internal static List<(DateOnly Date, string Symbol, OrderSide Side, decimal Quantity, decimal Price)> Trades(TradingEngine engine) =>
        [.. engine.Journal.Fills
            .Select(f => (DateOnly.FromDateTime(f.Fill.Time), f.Fill.Symbol.Ticker, f.Fill.Side, f.Fill.Quantity, f.Fill.Price))
            .OrderBy(t => t.Item1).ThenBy(t => t.Ticker, StringComparer.Ordinal)];

    /// <summary>A run of the allocator from <paramref name="start"/> to <paramref name="end"/>, with initial cash = daily_capital unless given.</summary>
    internal static TradingEngine Run(BarSeries[] series, CapitalAllocatorParameters parameters, DateOnly start, DateOnly end, decimal? cash = null) =>
        EngineRun.Run(
            new CapitalAllocatorStrategy(parameters),
            new EngineOptions { InitialCash = cash ?? parameters.DailyCapital, Start = AllocatorBars.Time(start), End = AllocatorBars.Time(end) },
            series);

    /// <summary>Checks that the engine's run is the replay's: trades, deposits, cash (never negative), holdings.</summary>
    internal static void AssertSameAsTheJobs(TradingEngine engine, AllocatorJobReplay replay, decimal dailyCapital)
    {
        Assert.Equal(Trades(replay), Trades(engine));

        // The initial cash paid for the first day; every later executed day deposited daily_capital at its open.
        Assert.Equal(replay.Deposits, dailyCapital * replay.ExecutedDays);
        Assert.Equal(replay.Deposits, engine.Ledger.Deposits);
        Assert.Equal(replay.Cash, engine.Ledger.Cash);
        Assert.True(replay.LowestCash >= 0m, $"the jobs' cash went down to {replay.LowestCash}");
        Assert.All(engine.Journal.Equity.Cash.ToArray(), c => Assert.True(c >= 0, $"the engine's cash went down to {c}"));

        Assert.Equal(
            replay.Holdings.Keys.Order(StringComparer.Ordinal),
            engine.Ledger.Positions.Where(p => p.Value.Quantity != 0m).Select(p => p.Key.Ticker).Order(StringComparer.Ordinal));
        foreach (var (symbol, holding) in replay.Holdings)
        {
            var position = engine.Ledger.PositionOf(Symbol.Parse(symbol))!;
            Assert.Equal(holding.Quantity, position.Quantity);

            // The ledger keeps the cost basis and the plan the average; they agree to far below a cent a share.
            Assert.True(Math.Abs(holding.AverageCost - position.AverageCost) < 0.000001m, $"{symbol}: {holding.AverageCost} vs {position.AverageCost}");
        }

        // Every order either filled on the day after its decision or is the last close's, pending at the end.
        var lastClose = engine.Journal.Equity.Time[^1];
        Assert.All(engine.Journal.Orders, o => Assert.True(
            o.Status == OrderStatus.Filled ? DateOnly.FromDateTime(o.StatusTime!.Value) > DateOnly.FromDateTime(o.PlacedAt) : o.Status == OrderStatus.Pending && o.PlacedAt == lastClose,
            $"{o.Symbol} {o.Side} {o.Sizing} placed {o.PlacedAt:yyyy-MM-dd}: {o.Status} {o.Note}"));
    }

    [Fact]
    public void The_engine_trades_exactly_what_the_daily_jobs_trade()
    {
        var series = AllocatorBars.Series();
        var (start, end) = (AllocatorBars.Days[120], AllocatorBars.Days[^1]);

        var replay = AllocatorJobReplay.Run(series, Defaults, start, end);
        var engine = Run(series, Defaults, start, end);

        // The series make every kind of day, so the comparison covers buys, sells and holds.
        Assert.Equal(AllocatorBars.Days.Count - 120, replay.ExecutedDays);
        var actions = replay.Decisions.GroupBy(d => d.Decision.Action).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(actions.GetValueOrDefault(AllocatorAction.Buy) >= 50 && actions.GetValueOrDefault(AllocatorAction.Sell) >= 10 && actions.GetValueOrDefault(AllocatorAction.Hold) >= 5, string.Join(", ", actions));
        Assert.Contains(replay.Trades, t => t.Trade.Action == AllocatorAction.Sell);
        AssertSameAsTheJobs(engine, replay, Defaults.DailyCapital);

        // Buys never depend on the cash (each spends at most that day's deposit), so other starting cash trades alike.
        Assert.Equal(Trades(replay), Trades(Run(series, Defaults, start, end, cash: 100_000m)));
    }

    [Fact]
    public void Other_parameters_reach_the_decisions_and_the_engine_still_trades_like_the_jobs()
    {
        var series = AllocatorBars.Series();
        var parameters = Defaults with { DailyCapital = 333.33m, LookbackDays = 90, MinHistoryDays = 70, SellPercentage = 0.45m, AllocationNeutral = 0.6m, BullishThreshold = 0.2 };
        var (start, end) = (AllocatorBars.Days[60], AllocatorBars.Days[^1]);

        var replay = AllocatorJobReplay.Run(series, parameters, start, end);
        var engine = Run(series, parameters, start, end);

        Assert.Equal(AllocatorBars.Days.Count - 71, replay.ExecutedDays);
        Assert.NotEqual(Trades(AllocatorJobReplay.Run(series, Defaults, start, end)), Trades(replay));
        AssertSameAsTheJobs(engine, replay, parameters.DailyCapital);
    }

    [Fact]
    public void The_decision_on_the_last_warm_up_close_trades_at_the_first_open_of_the_period()
    {
        var series = AllocatorBars.Series();
        var days = AllocatorBars.Days;

        // Start on bar 61: the warm-up ends with bar 60, the 61st close, exactly the 60 days of history needed.
        var first = Run(series, Defaults, days[61], days[200]);
        var replay = AllocatorJobReplay.Run(series, Defaults, days[61], days[200]);
        Assert.Equal(days[61], replay.Decisions[0].Date);
        Assert.Equal(days[61], Trades(first)[0].Date);
        Assert.Equal(days[60], DateOnly.FromDateTime(first.Journal.Orders[0].PlacedAt));
        AssertSameAsTheJobs(first, replay, Defaults.DailyCapital);

        // The first equity point is the initial cash (= the first day's deposit) invested at that open, and no flow.
        var curve = first.Journal.Equity;
        Assert.Equal(AllocatorBars.Time(days[61]), curve.Time[0]);
        Assert.Equal(Defaults.DailyCapital, first.Ledger.Entries[0].Amount);
        Assert.Equal(replay.ExecutedDays - 1, curve.Flows.Count);

        // Start on bar 60: the warm-up has only 59 days, so the first decision is on bar 60's close and trades on bar
        // 61; until then the account is the initial cash alone, and nothing is deposited for bar 60.
        var late = Run(series, Defaults, days[60], days[200]);
        Assert.Equal(days[61], Trades(late)[0].Date);
        Assert.Equal((double)Defaults.DailyCapital, late.Journal.Equity.Equity[0]);
        Assert.Equal(AllocatorBars.Time(days[60]), late.Journal.Equity.Time[0]);
        AssertSameAsTheJobs(late, AllocatorJobReplay.Run(series, Defaults, days[60], days[200]), Defaults.DailyCapital);
    }

    [Fact]
    public void The_last_decision_of_a_run_deposits_nothing_and_its_orders_stay_pending()
    {
        var series = AllocatorBars.Series();
        var days = AllocatorBars.Days;
        var engine = Run(series, Defaults, days[100], days[140]);

        // 41 executed days: the initial cash and 40 deposits. The decision on the last close is for a day the run never
        // reaches, so the capital for it is not paid (the ledger holds only what the jobs would have deposited).
        Assert.Equal(41 * Defaults.DailyCapital, engine.Ledger.Deposits);
        var pending = engine.Journal.Orders.Where(o => o.Status == OrderStatus.Pending).ToList();
        Assert.NotEmpty(pending);
        Assert.All(pending, o => Assert.Equal(AllocatorBars.Time(days[140]), o.PlacedAt));
        Assert.Equal((double)engine.Ledger.Cash, engine.Journal.Equity.Cash[^1]);
    }

    [Fact]
    public void A_decision_never_sees_the_bar_of_the_day_it_trades()
    {
        var series = AllocatorBars.Series();
        var days = AllocatorBars.Days;
        var actions = new List<AllocatorAction>();
        var sells = 0;
        foreach (var cut in new[] { 130, 150, 155, 170, 200, 260, 330, 336 })
        {
            // The orders placed on the close of day cut − 1 are the same with the data ending there, and with the bar
            // of day cut (and every later bar) wildly different.
            var before = days[cut - 1];
            var truncated = series.Select(s => AllocatorBars.Where(s, d => d <= before)).ToArray();
            var distorted = series.Select(s => Distort(s, days[cut])).ToArray();

            var expected = OrdersPlacedOn(Run(series, Defaults, days[100], days[^1]), before);
            Assert.Equal(expected, OrdersPlacedOn(Run(truncated, Defaults, days[100], before), before));
            Assert.Equal(expected, OrdersPlacedOn(Run(distorted, Defaults, days[100], days[^1]), before));

            // And they are the jobs' decision for day cut, made from the closes before it: its dollars for a buy, its
            // trades' quantities for a sell (from the same holdings), nothing for a hold.
            var replay = AllocatorJobReplay.Run(series, Defaults, days[100], days[cut]);
            var (day, decision) = replay.Decisions[^1];
            Assert.Equal(days[cut], day);
            actions.Add(decision.Action);
            var planned = decision.Action == AllocatorAction.Buy
                ? decision.Allocations.Where(a => a.Value > 0m).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, OrderSide.Buy, OrderSizing.Notional(a.Value).ToString()))
                : replay.Trades.Where(t => t.Date == day).Select(t => (t.Trade.Symbol, OrderSide.Sell, OrderSizing.Units(t.Trade.Quantity).ToString()));
            Assert.Equal(planned, expected);
            sells += expected.Count(o => o.Side == OrderSide.Sell);
        }

        Assert.Contains(AllocatorAction.Buy, actions);
        Assert.Contains(AllocatorAction.Hold, actions);
        Assert.True(actions.Count(a => a == AllocatorAction.Sell) >= 3 && sells >= 3, $"{string.Join(", ", actions)}; {sells} sell orders");

        static List<(string Symbol, OrderSide Side, string Sizing)> OrdersPlacedOn(TradingEngine engine, DateOnly day) =>
            [.. engine.Journal.Orders.Where(o => DateOnly.FromDateTime(o.PlacedAt) == day).Select(o => (o.Symbol.Ticker, o.Side, o.Sizing))];

        // From `from` on, every bar tripled or cut to a tenth, alternately by symbol.
        static BarSeries Distort(BarSeries series, DateOnly from)
        {
            var factor = series.Symbol.Ticker == "QQQ" ? 3.0 : 0.1;
            var copy = new BarSeries(series.Symbol, series.Resolution, series.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var b = series[i];
                copy.Add(b.Date < from ? b : b with { Open = b.Open * factor, High = b.High * factor, Low = b.Low * factor, Close = b.Close * factor });
            }

            return copy;
        }
    }

    [Fact]
    public void A_day_an_asset_has_no_bar_makes_no_decision_and_its_order_is_not_carried_to_a_later_day()
    {
        var series = AllocatorBars.Series();
        var days = AllocatorBars.Days;
        var full = Run(series, Defaults, days[100], days[^1]);

        // A QQQ buy decided on a close T (after the first decision, which the initial cash pays for); QQQ then loses its
        // bar on T's next day X.
        var qqq = full.Journal.Orders.First(o => o.Symbol.Ticker == "QQQ" && o.Side == OrderSide.Buy && o.PlacedAt > AllocatorBars.Time(days[110]));
        var t = days.Select((d, i) => (d, i)).Single(d => AllocatorBars.Time(d.d) == qqq.PlacedAt).i;
        var (x, y) = (days[t + 1], days[t + 2]);
        var gap = series.Select(s => s.Symbol.Ticker == "QQQ" ? AllocatorBars.Where(s, d => d != x) : s).ToArray();

        var engine = Run(gap, Defaults, days[100], days[^1]);

        var orders = engine.Journal.Orders.Where(o => DateOnly.FromDateTime(o.PlacedAt) == days[t]).ToList();
        var missed = Assert.Single(orders, o => o.Symbol.Ticker == "QQQ");
        Assert.Equal((OrderStatus.Cancelled, AllocatorBars.Time(x)), (missed.Status, missed.StatusTime));
        Assert.Contains("no bar", missed.Note, StringComparison.Ordinal);
        Assert.All(orders.Where(o => o.Symbol.Ticker != "QQQ"), o => Assert.Equal((OrderStatus.Filled, AllocatorBars.Time(x)), (o.Status, o.StatusTime)));

        // No decision on X's close (QQQ's closes would not line up), so no order for Y and no deposit at Y's open.
        Assert.DoesNotContain(engine.Journal.Orders, o => DateOnly.FromDateTime(o.PlacedAt) == x);
        Assert.DoesNotContain(engine.Ledger.Entries, e => e.Kind == LedgerEntryKind.Deposit && e.Time == AllocatorBars.Time(y));
        Assert.Contains(engine.Ledger.Entries, e => e.Kind == LedgerEntryKind.Deposit && e.Time == AllocatorBars.Time(x));
        Assert.Equal(full.Ledger.Deposits - Defaults.DailyCapital, engine.Ledger.Deposits);
        Assert.Contains(engine.Journal.Orders, o => DateOnly.FromDateTime(o.PlacedAt) == y);
    }

    [Fact]
    public void A_strategy_of_configured_assets_needs_exactly_their_bars()
    {
        var series = AllocatorBars.Series("SPY", "QQQ", "IWM");
        var days = AllocatorBars.Days;

        var missing = Assert.Throws<ArgumentException>(() => Run(series[..2], Defaults, days[100], days[120]));
        Assert.Equal("capital-allocator trades SPY, QQQ, DIA, but the run has no bars of DIA; give every asset's bars", missing.Message);

        var extra = Assert.Throws<ArgumentException>(() => Run(series, Defaults with { Assets = ["SPY", "QQQ"] }, days[100], days[120]));
        Assert.Equal("the run has bars of IWM, which capital-allocator does not trade (its assets are SPY, QQQ); leave them out or add them to the assets", extra.Message);

        var invalid = Assert.Throws<StrategyParameterException>(() => new CapitalAllocatorStrategy(Defaults with { SellPercentage = 1.5m }));
        Assert.Contains("sell_percentage is 1.5", invalid.Message, StringComparison.Ordinal);
    }
}
