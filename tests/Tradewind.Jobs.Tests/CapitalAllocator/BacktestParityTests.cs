using System.Globalization;
using Tradewind.Core.Execution;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Jobs.Backtesting;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The promise of DESIGN.md and issue 5: running <c>run-day</c> for each date of a window on a fresh database gives
/// exactly the trades (date, symbol, action, quantity, price) of <c>tradewind backtest --strategy capital-allocator</c>
/// over that window, on the same data. Real SPY/QQQ/DIA from ../shared/data, both databases.
/// </summary>
public sealed class BacktestParityTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect, string, string> Windows => new()
    {
        // The February-March 2020 crash and the rebound: buys, sells and holds (82 trading days).
        { DatabaseDialect.Sqlite, "2020-01-02", "2020-04-30" },
        { DatabaseDialect.Postgres, "2020-01-02", "2020-04-30" },
        // Summer and autumn 2007: the rally, the August sell-off, the October high (87 trading days).
        { DatabaseDialect.Sqlite, "2007-07-02", "2007-10-31" },
        { DatabaseDialect.Postgres, "2007-07-02", "2007-10-31" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Run_day_for_each_date_trades_exactly_what_the_backtest_of_the_window_trades(DatabaseDialect dialect, string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        var data = Path.Combine(SharedData.Require(), "daily");

        // The daily jobs, as a user runs them: history up to the day before the window, then run-day day by day.
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), data);
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(first), 420);
        var days = TradingDate.Calendar.TradingDays(first, last).ToList();
        Assert.True(days.Count >= 60, $"the window has {days.Count} trading days; parity is shown over at least 60");
        foreach (var day in days)
        {
            var outcomes = await jobs.RunDayAsync(day);
            Assert.All(outcomes, o => Assert.True(o.Status == DailyJobStatus.Completed, $"{o.Job} {o.Date}: {o.Status} {o.Message}"));
        }

        var daily = (await jobs.TradesAsync())
            .Select(t => (t.TradeDate, t.Symbol, t.Action, t.Quantity, t.Price))
            .OrderBy(t => t.TradeDate).ThenBy(t => t.Symbol, StringComparer.Ordinal).ToList();

        // The backtest of the same window on the same files, through the engine.
        var settings = new BacktestSettings
        {
            Strategy = CapitalAllocatorParameters.StrategyName,
            Data = [.. new[] { "SPY", "QQQ", "DIA" }.Select(s => Path.Combine(data, s + ".csv"))],
            Start = from,
            End = to,
        };
        var environment = new JobEnvironment { WorkingDirectory = _databases.Folder.Path, Time = jobs.Clock };
        var run = await new BacktestJob(environment).RunAsync(BacktestRequest.Parse(settings), null, Ct);
        var backtest = run.Result.Journal.Fills
            .Select(f => (DateOnly.FromDateTime(f.Fill.Time), f.Fill.Symbol.Ticker, f.Fill.Side, f.Fill.Quantity, f.Fill.Price))
            .OrderBy(t => t.Item1).ThenBy(t => t.Ticker, StringComparer.Ordinal).ToList();

        Assert.True(daily.Count > 100, $"{daily.Count} trades: the window must trade");
        Assert.Contains(daily, t => t.Action == OrderSide.Sell);
        Assert.Equal(daily.Count, backtest.Count);
        for (var i = 0; i < daily.Count; i++)
        {
            Assert.Equal(daily[i], backtest[i]);
        }

        // The same money went in: one daily capital per executed day (the backtest's initial cash is the first).
        var deposits = (await jobs.LedgerAsync()).Where(e => e.Kind == Storage.PaperTrading.CashLedgerKind.Deposit).Sum(e => e.Amount);
        Assert.Equal(days.Count * 1000m, deposits);
        Assert.Equal(deposits, run.Result.Final.NetContributions);
        var account = await jobs.AccountAsync();
        Assert.Equal(account.Cash, run.Result.Final.Cash);
    }

    public void Dispose() => _databases.Dispose();
}
