using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// On a day the NYSE is closed (a holiday or a weekend) every daily job, and run-day, says the market is closed and
/// writes nothing: not a bar, not a signal, not a deposit, not even the registry's first version.
/// </summary>
public sealed class MarketClosedTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect, string, string, string> ClosedDays
    {
        get
        {
            var data = new TheoryData<DatabaseDialect, string, string, string>();
            foreach (var dialect in new[] { DatabaseDialect.Sqlite, DatabaseDialect.Postgres })
            {
                data.Add(dialect, "2024-07-04", "Independence Day", "2024-07-05");
                data.Add(dialect, "2024-12-25", "Christmas Day", "2024-12-26");
                data.Add(dialect, "2024-03-30", "weekend", "2024-04-01");
                data.Add(dialect, "2024-03-29", "Good Friday", "2024-04-01");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ClosedDays))]
    public async Task On_a_fresh_database_every_job_says_closed_and_seeds_nothing(DatabaseDialect dialect, string day, string reason, string next)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        // An empty CSV folder: a job that asked the provider anything would fail on the missing file.
        var provider = new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = _databases.Folder.File("no-prices") });
        var jobs = new DailyJobs(await _databases.OpenAsync(dialect), provider);
        var empty = await jobs.DumpAsync();

        var outcomes = await RunEveryJobAsync(jobs, date);

        Assert.All(outcomes, o => AssertClosed(o, date, reason, next));
        Assert.Equal(["fetch", "signal", "execute", "run-day"], outcomes.Select(o => o.Job));
        Assert.Equal(empty, await jobs.DumpAsync());
        Assert.Equal(0, await TableDump.CountAsync(jobs.Database, "trading_config"));
    }

    [Theory]
    [MemberData(nameof(ClosedDays))]
    public async Task After_trading_days_are_done_every_job_says_closed_and_changes_nothing(DatabaseDialect dialect, string day, string reason, string next)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var before = TradingDate.Calendar.PreviousTradingDay(date);
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(before), 150);
        await jobs.RunDayAsync(before);
        var done = await jobs.DumpAsync();

        var outcomes = await RunEveryJobAsync(jobs, date);

        Assert.All(outcomes, o => AssertClosed(o, date, reason, next));
        Assert.Equal(done, await jobs.DumpAsync());
        Assert.Equal(before, (await jobs.AccountAsync()).LastExecutedDate);
    }

    public void Dispose() => _databases.Dispose();

    private static async Task<List<DailyJobOutcome>> RunEveryJobAsync(DailyJobs jobs, DateOnly date)
    {
        var outcomes = new List<DailyJobOutcome>
        {
            await jobs.FetchAsync(date),
            await jobs.SignalAsync(date),
            await jobs.ExecuteAsync(date),
        };
        outcomes.Add(Assert.Single(await jobs.RunDayAsync(date)));
        return outcomes;
    }

    private static void AssertClosed(DailyJobOutcome outcome, DateOnly date, string reason, string next)
    {
        Assert.Equal((date, DailyJobStatus.MarketClosed), (outcome.Date, outcome.Status));
        Assert.Contains($"the market is closed ({reason})", outcome.Message, StringComparison.Ordinal);
        Assert.Contains($"Next trading day: {next}", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Warnings);
    }
}
