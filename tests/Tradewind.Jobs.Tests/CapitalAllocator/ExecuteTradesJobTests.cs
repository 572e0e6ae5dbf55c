using System.Text.Json;
using Tradewind.Configuration.Settings;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The execute job's arithmetic on signals and opening prices set by hand, worked out here digit for digit: fractional
/// quantities rounded down to 4 decimals at the stored open, weighted-average cost, sells of sell_percentage, the
/// cash ledger; and what it refuses to do without a signal or an opening price.
/// </summary>
public sealed class ExecuteTradesJobTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 3, 4);
    private static readonly DateOnly Day2 = new(2024, 3, 5);
    private static readonly DateOnly Day3 = new(2024, 3, 6);
    private static readonly DateOnly Day4 = new(2024, 3, 7);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Without_a_signal_nothing_is_executed_or_written(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        await StoreOpensAsync(jobs, Day1, ("SPY", 512.34), ("QQQ", 438.17), ("DIA", 388.5));
        var before = await jobs.DumpAsync();

        var outcome = await jobs.ExecuteAsync(Day1);

        Assert.Equal(DailyJobStatus.NothingToDo, outcome.Status);
        Assert.Contains("no signal stored for 2024-03-04", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("`tradewind signal --date 2024-03-04`", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
        Assert.Equal(0, await TableDump.CountAsync(jobs.Database, "trading_config"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Without_the_opening_price_of_a_symbol_to_buy_nothing_is_executed_or_written(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        await SignalAsync(jobs, Day1, SignalAction.Buy, """{"SPY":500.00,"QQQ":300.00}""");
        await StoreOpensAsync(jobs, Day1, ("SPY", 512.34), ("DIA", 388.5));
        var before = await jobs.DumpAsync();

        var outcome = await jobs.ExecuteAsync(Day1);

        Assert.Equal(DailyJobStatus.NothingToDo, outcome.Status);
        Assert.Contains("no opening price of QQQ stored for 2024-03-04", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("`tradewind fetch --date 2024-03-04`", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Without_the_opening_price_of_a_holding_to_sell_nothing_is_executed_or_written(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        await SignalAsync(jobs, Day1, SignalAction.Buy, """{"SPY":500.00,"QQQ":300.00}""");
        await StoreOpensAsync(jobs, Day1, ("SPY", 512.34), ("QQQ", 438.17));
        await jobs.ExecuteAsync(Day1);
        await SignalAsync(jobs, Day2, SignalAction.Sell, "{}");
        await StoreOpensAsync(jobs, Day2, ("SPY", 505.10));
        var before = await jobs.DumpAsync();

        var outcome = await jobs.ExecuteAsync(Day2);

        Assert.Equal(DailyJobStatus.NothingToDo, outcome.Status);
        Assert.Contains("no opening price of QQQ stored for 2024-03-05", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Buys_sells_and_holds_give_the_hand_worked_quantities_costs_and_cash(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        await SignalAsync(jobs, Day1, SignalAction.Buy, """{"SPY":500.00,"QQQ":300.00}""");
        await SignalAsync(jobs, Day2, SignalAction.Buy, """{"SPY":400.00,"QQQ":0}""");
        await SignalAsync(jobs, Day3, SignalAction.Sell, "{}");
        await SignalAsync(jobs, Day4, SignalAction.Hold, "{}");
        await StoreOpensAsync(jobs, Day1, ("SPY", 512.34), ("QQQ", 438.17), ("DIA", 388.5));
        await StoreOpensAsync(jobs, Day2, ("SPY", 505.10), ("QQQ", 441.02), ("DIA", 390.25));
        await StoreOpensAsync(jobs, Day3, ("SPY", 520.00), ("QQQ", 430.50), ("DIA", 385.75));
        await StoreOpensAsync(jobs, Day4, ("SPY", 519.00), ("QQQ", 431.00), ("DIA", 386.00));

        foreach (var day in new[] { Day1, Day2, Day3, Day4 })
        {
            Assert.Equal(DailyJobStatus.Completed, (await jobs.ExecuteAsync(day)).Status);
        }

        // Day 1: 500 / 512.34 = 0.97591... → 0.9759 SPY for 499.992606; 300 / 438.17 = 0.68466... → 0.6846 QQQ for 299.971182.
        // Day 2: 400 / 505.10 = 0.79192... → 0.7919 SPY for 399.98869 (QQQ's 0 buys nothing).
        // Day 3: sell 70%: 1.7678 × 0.7 = 1.23746 → 1.2374 SPY at 520 = 643.448; 0.6846 × 0.7 = 0.47922 → 0.4792 QQQ at 430.50 = 206.2956.
        // Day 4: hold: the deposit only.
        var trades = await jobs.TradesAsync();
        Assert.Equal(
            [
                (Day1, "QQQ", OrderSide.Buy, 0.6846m, 438.17m, 299.971182m),
                (Day1, "SPY", OrderSide.Buy, 0.9759m, 512.34m, 499.992606m),
                (Day2, "SPY", OrderSide.Buy, 0.7919m, 505.10m, 399.98869m),
                (Day3, "QQQ", OrderSide.Sell, 0.4792m, 430.50m, 206.2956m),
                (Day3, "SPY", OrderSide.Sell, 1.2374m, 520.00m, 643.448m),
            ],
            trades.Select(t => (t.TradeDate, t.Symbol, t.Action, t.Quantity, t.Price, t.Amount)));
        var signals = new DailySignalRepository(jobs.Database);
        foreach (var trade in trades)
        {
            Assert.Equal((await signals.GetAsync(DailyJobs.Strategy, trade.TradeDate, Ct))!.Id, trade.SignalId);
        }

        // SPY's cost after the two buys: (499.992606 + 399.98869) / (0.9759 + 0.7919) = 899.981296 / 1.7678 = 509.09678470415...
        // and the sell leaves it as it was; QQQ keeps its only buy's price.
        var account = await jobs.AccountAsync();
        Assert.Equal([new("QQQ", 0.2054m, 438.17m), new("SPY", 0.5304m, 899.981296m / 1.7678m)], account.Positions);
        Assert.Equal(509.0967847042m, Math.Round(account.Positions[1].AverageCost, 10));
        // Cash: 4 deposits − 499.992606 − 299.971182 − 399.98869 + 643.448 + 206.2956.
        Assert.Equal((3649.791122m, 4000m, Day4), (account.Cash, account.TotalDeposits, account.LastExecutedDate));
        var ledger = await jobs.LedgerAsync();
        Assert.Equal(account.Cash, ledger.Sum(e => e.Amount));
        Assert.Equal([Day1, Day2, Day3, Day4], ledger.Where(e => e.Kind == CashLedgerKind.Deposit).Select(e => e.TradeDate));
        Assert.All(ledger.Where(e => e.Kind == CashLedgerKind.Deposit), e => Assert.Equal(1000m, e.Amount));
        Assert.Equal(
            trades.Select(t => (t.Id, t.Action == OrderSide.Buy ? -t.Amount : t.Amount)).Order(),
            ledger.Where(e => e.TradeId is not null).Select(e => (e.TradeId!.Value, e.Amount)).Order());
        var hold = await new PaperAccountRepository(jobs.Database).GetExecutionAsync(DailyJobs.Strategy, Day4, Ct);
        Assert.Equal((ExecutionStatus.NoTrades, 0), (hold!.Status, hold.TradeCount));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_position_sold_to_zero_leaves_the_portfolio(DatabaseDialect dialect)
    {
        var everything = new StrategySettings { CapitalAllocator = new CapitalAllocatorSettings { SellPercentage = 1.0 } };
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect), everything);
        await SignalAsync(jobs, Day1, SignalAction.Buy, """{"SPY":500.00,"QQQ":300.00}""");
        await SignalAsync(jobs, Day2, SignalAction.Sell, "{}");
        await StoreOpensAsync(jobs, Day1, ("SPY", 512.34), ("QQQ", 438.17));
        await StoreOpensAsync(jobs, Day2, ("SPY", 505.10), ("QQQ", 441.02));

        await jobs.ExecuteAsync(Day1);
        await jobs.ExecuteAsync(Day2);

        // Everything held is sold: 0.6846 QQQ at 441.02 = 301.922292, 0.9759 SPY at 505.10 = 492.92709.
        Assert.Equal(
            [("QQQ", OrderSide.Sell, 0.6846m, 301.922292m), ("SPY", OrderSide.Sell, 0.9759m, 492.92709m)],
            (await jobs.TradesAsync(Day2, Day2)).Select(t => (t.Symbol, t.Action, t.Quantity, t.Amount)));
        var account = await jobs.AccountAsync();
        Assert.Empty(account.Positions);
        Assert.Equal(0, await TableDump.CountAsync(jobs.Database, "portfolio"));
        Assert.Equal(2000m - 499.992606m - 299.971182m + 301.922292m + 492.92709m, account.Cash);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_bearish_signal_from_a_falling_market_sells_sell_percentage_of_every_holding(DatabaseDialect dialect)
    {
        // Every asset loses about 0.8% a day for 100 days up to Day 2: the signal of Day 2 is bearish.
        var folder = _databases.Folder.File(Guid.NewGuid().ToString("N"));
        var days = DailyJobs.TradingDaysEnding(Day2, 100);
        var closes = new Dictionary<string, Func<int, double>>
        {
            ["SPY"] = PriceFiles.Trend(500, -0.008),
            ["QQQ"] = PriceFiles.Trend(420, -0.009),
            ["DIA"] = PriceFiles.Trend(380, -0.007),
        };
        foreach (var (symbol, close) in closes)
        {
            PriceFiles.Write(folder, symbol, days, close);
        }

        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        await jobs.BackfillAsync(Day2, 200);
        await SignalAsync(jobs, Day1, SignalAction.Buy, """{"DIA":200.00,"QQQ":300.00,"SPY":500.00}""");
        await jobs.ExecuteAsync(Day1);
        var held = (await jobs.AccountAsync()).Positions;
        Assert.Equal(["DIA", "QQQ", "SPY"], held.Select(p => p.Symbol));

        Assert.Equal(DailyJobStatus.Completed, (await jobs.SignalAsync(Day2)).Status);
        var signal = (await jobs.StoredSignalAsync(Day2))!;
        using (var features = JsonDocument.Parse(signal.FeaturesUsed))
        {
            Assert.True(features.RootElement.GetProperty("regime").GetDouble() < -0.3, signal.FeaturesUsed);
            Assert.Equal(0.7m, features.RootElement.GetProperty("sell_percentage").GetDecimal());
        }

        Assert.Equal((SignalAction.Sell, "{}"), (signal.Action, signal.Allocations));
        Assert.Equal(DailyJobStatus.Completed, (await jobs.ExecuteAsync(Day2)).Status);

        // Each holding: quantity × 0.7 rounded down to 4 decimals, at Day 2's open (the file's close of Day 1).
        var expected = held.Select(p =>
        {
            var open = (decimal)closes[p.Symbol](98);
            var sold = Math.Floor(p.Quantity * 0.7m * 10_000m) / 10_000m;
            return (p.Symbol, OrderSide.Sell, sold, open, sold * open);
        });
        Assert.Equal(expected, (await jobs.TradesAsync(Day2, Day2)).Select(t => (t.Symbol, t.Action, t.Quantity, t.Price, t.Amount)));
        Assert.Equal(
            held.Select(p => new PaperPosition(p.Symbol, p.Quantity - Math.Floor(p.Quantity * 0.7m * 10_000m) / 10_000m, p.AverageCost)),
            (await jobs.AccountAsync()).Positions);
    }

    public void Dispose() => _databases.Dispose();

    private static async Task SignalAsync(DailyJobs jobs, DateOnly date, SignalAction action, string allocations)
    {
        var (_, version) = await jobs.ActiveVersionAsync();
        var record = new DailySignalRecord(DailyJobs.Strategy, date, "regime_based", action, 0.5, allocations, """{"note":"set by hand"}""", version, DailyJobs.Now);
        Assert.True((await new DailySignalRepository(jobs.Database).InsertAsync(record, Ct)).Inserted);
    }

    /// <summary>Stores one daily bar per symbol for <paramref name="date"/> that opens at the given price.</summary>
    private static async Task StoreOpensAsync(DailyJobs jobs, DateOnly date, params (string Symbol, double Open)[] opens)
    {
        var series = opens.Select(o =>
        {
            var bars = new BarSeries(Symbol.Parse(o.Symbol), Resolution.Daily);
            bars.Add(new Bar(TradingDate.BarTime(date), o.Open, o.Open * 1.01, o.Open * 0.99, o.Open * 1.005, 1_000_000));
            return bars;
        }).ToList();
        await new PriceHistoryRepository(jobs.Database).UpsertAsync(series, Ct);
    }
}
