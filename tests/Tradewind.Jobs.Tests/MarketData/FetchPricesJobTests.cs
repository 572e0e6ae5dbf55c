using Tradewind.Core.Market;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.Tests.CapitalAllocator;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.MarketData;

/// <summary>
/// The fetch job over price files: it stores the date's window of bars once, never overwrites a stored bar (a changed
/// one is a warning with both values), and stores nothing for any asset when the provider lacks the date's bar.
/// </summary>
public sealed class FetchPricesJobTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Date = new(2024, 6, 3);
    private static readonly DateOnly Next = new(2024, 6, 4);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_fetch_stores_the_last_five_trading_days_once(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, Date);
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);

        var first = await jobs.FetchAsync(Date);
        var stored = await jobs.DumpAsync();
        var second = await jobs.FetchAsync(Date);

        Assert.Equal(DailyJobStatus.Completed, first.Status);
        Assert.Equal("stored 15 new daily bars from csv (SPY 5, QQQ 5, DIA 5); 0 already stored", first.Message);
        Assert.Equal(DailyJobStatus.AlreadyDone, second.Status);
        Assert.Equal("nothing new from csv: all 15 bars were already stored", second.Message);
        Assert.Equal(stored, await jobs.DumpAsync());
        // 2024-05-27 was Memorial Day: the five trading days are 05-28 .. 06-03.
        var spy = await LoadAsync(jobs, "SPY");
        Assert.Equal([new(2024, 5, 28), new(2024, 5, 29), new(2024, 5, 30), new(2024, 5, 31), Date], Enumerable.Range(0, spy.Count).Select(i => spy[i].Date));
        Assert.Equal(0, await TableDump.CountAsync(jobs.Database, "trading_config"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_stored_bar_the_provider_now_reports_differently_is_a_warning_with_both_values_and_is_kept(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, Date, spyOnDate: PriceFiles.Line(Date, 530.25, 531.5, 528.75, 530.9));
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        await jobs.FetchAsync(Date);
        var before = await jobs.DumpAsync();
        WriteFiles(folder, Date, spyOnDate: PriceFiles.Line(Date, 530.25, 531.5, 528.1, 529.4));

        var again = await jobs.FetchAsync(Date);

        Assert.Equal(DailyJobStatus.AlreadyDone, again.Status);
        var warning = Assert.Single(again.Warnings);
        Assert.Equal(
            "SPY 2024-06-03: csv now reports O/H/L/C/V 530.25/531.5/528.1/529.4/1000000, stored 530.25/531.5/528.75/530.9/1000000; "
            + "the stored bar was kept (re-import the file with `tradewind data import` to replace it on purpose)",
            warning);
        Assert.Equal(before, await jobs.DumpAsync());

        // The next day's fetch stores the new date and still keeps (and reports) the changed one.
        WriteFiles(folder, Next, spyOnDate: PriceFiles.Line(Date, 530.25, 531.5, 528.1, 529.4));
        var next = await jobs.FetchAsync(Next);

        Assert.Equal(DailyJobStatus.Completed, next.Status);
        Assert.Equal("stored 3 new daily bars from csv (SPY 1, QQQ 1, DIA 1); 11 already stored", next.Message);
        Assert.Equal([warning], next.Warnings);
        var spy = await LoadAsync(jobs, "SPY");
        Assert.Equal((Date, 530.25, 531.5, 528.75, 530.9), (spy[^2].Date, spy[^2].Open, spy[^2].High, spy[^2].Low, spy[^2].Close));
        Assert.Equal(Next, spy[^1].Date);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_provider_without_the_dates_bar_of_one_asset_stores_nothing_for_any_asset(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, Date);
        PriceFiles.Write(folder, "QQQ", DailyJobs.TradingDaysEnding(new DateOnly(2024, 5, 31), 10), PriceFiles.Trend(440, 0.002));
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        var before = await jobs.DumpAsync();

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.FetchAsync(Date));

        Assert.StartsWith("csv has no QQQ bar for 2024-06-03 yet (latest: 2024-05-31); nothing was stored.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_provider_with_no_bar_in_the_window_says_so_and_stores_nothing(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, new DateOnly(2024, 5, 1));
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        var before = await jobs.DumpAsync();

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.FetchAsync(Date));

        Assert.StartsWith("csv has no SPY bar for 2024-06-03 yet (latest: none in the last 5 trading days); nothing was stored.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_missing_file_fails_the_fetch_of_every_asset(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, Date);
        File.Delete(Path.Combine(folder, "DIA.csv"));
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        var before = await jobs.DumpAsync();

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.FetchAsync(Date));

        Assert.Contains($"there is no file {Path.Combine(folder, "DIA.csv")}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored for any asset.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_backfill_stores_the_trading_days_of_the_range_once(DatabaseDialect dialect)
    {
        var folder = Folder();
        WriteFiles(folder, Date);
        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);

        // 2024-05-25 .. 2024-06-03: a weekend, Memorial Day and five trading days.
        var first = await jobs.BackfillAsync(Date, 10);
        var stored = await jobs.DumpAsync();
        var second = await jobs.BackfillAsync(Date, 10);

        Assert.Equal(("backfill", DailyJobStatus.Completed), (first.Job, first.Status));
        Assert.Equal("2024-05-25 .. 2024-06-03: stored 15 new daily bars from csv (SPY 5, QQQ 5, DIA 5); 0 already stored", first.Message);
        Assert.Equal(DailyJobStatus.AlreadyDone, second.Status);
        Assert.Equal(stored, await jobs.DumpAsync());
        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.BackfillAsync(Date, 0));
        Assert.StartsWith("--days 0: give 1 to 18263", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<JobInputException>(() => jobs.BackfillAsync(Date, 3_000_000));
        Assert.StartsWith("--days 3000000: give 1 to 18263", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<JobInputException>(() => jobs.BackfillAsync(new DateOnly(1700, 1, 3), 10));
        Assert.Contains("the NYSE calendar covers", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _databases.Dispose();

    private string Folder() => _databases.Folder.File(Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Files of SPY, QQQ and DIA from 2024-05-20 (the same bar for a date however far they go) up to <paramref name="last"/>;
    /// SPY's bar of <see cref="Date"/> replaced when given.
    /// </summary>
    private static void WriteFiles(string folder, DateOnly last, string? spyOnDate = null)
    {
        var first = new DateOnly(2024, 5, 20);
        var days = last < first ? DailyJobs.TradingDaysEnding(last, 10) : DailyJobs.TradingDays(first, TradingDate.Calendar.TradingDaysBetween(first, last) + 1);
        var spy = PriceFiles.Write(folder, "SPY", days, PriceFiles.Trend(520, 0.001));
        PriceFiles.Write(folder, "QQQ", days, PriceFiles.Trend(440, 0.002));
        PriceFiles.Write(folder, "DIA", days, PriceFiles.Trend(385, 0.0005));
        if (spyOnDate is not null)
        {
            var lines = File.ReadAllLines(spy).Select(l => l.StartsWith("2024-06-03,", StringComparison.Ordinal) ? spyOnDate.TrimEnd('\n') : l);
            File.WriteAllText(spy, string.Join('\n', lines) + "\n");
        }
    }

    private static Task<BarSeries> LoadAsync(DailyJobs jobs, string symbol) =>
        new PriceHistoryRepository(jobs.Database).LoadAsync(Symbol.Parse(symbol), Resolution.Daily, null, null, Ct);
}
