using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// Every daily job run again for a date it completed says AlreadyDone and leaves every table exactly as it was, also
/// when the date is re-run after later dates are done.
/// </summary>
public sealed class DailyJobIdempotencyTests(PostgresServer postgres) : IDisposable
{
    // In the simulated market the allocator buys on most of these days and sells on the 17th trading day.
    private static readonly DateOnly First = new(2022, 3, 1);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Each_job_run_twice_for_a_date_says_already_done_and_changes_no_table(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var days = DailyJobs.TradingDays(First, 4);
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(days[0]), 150);

        foreach (var day in days)
        {
            Assert.Equal(DailyJobStatus.Completed, (await jobs.FetchAsync(day)).Status);
            await AssertRerunChangesNothingAsync(jobs, () => jobs.FetchAsync(day));

            Assert.Equal(DailyJobStatus.Completed, (await jobs.SignalAsync(day)).Status);
            await AssertRerunChangesNothingAsync(jobs, () => jobs.SignalAsync(day));

            Assert.Equal(DailyJobStatus.Completed, (await jobs.ExecuteAsync(day)).Status);
            await AssertRerunChangesNothingAsync(jobs, () => jobs.ExecuteAsync(day));
        }

        // The window has trades, so the dumps compared above held trades, positions and cash movements.
        Assert.NotEmpty(await jobs.TradesAsync());
        Assert.Equal(4, await TableDump.CountAsync(jobs.Database, "executions"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Run_day_twice_for_a_date_says_already_done_for_every_step_and_changes_no_table(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var day = DailyJobs.TradingDays(First, 1)[0];
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(day), 150);

        var first = await jobs.RunDayAsync(day);
        var done = await jobs.DumpAsync();
        var second = await jobs.RunDayAsync(day);

        Assert.Equal(["fetch", "signal", "execute"], first.Select(o => o.Job));
        Assert.All(first, o => Assert.Equal(DailyJobStatus.Completed, o.Status));
        Assert.Equal(["fetch", "signal", "execute"], second.Select(o => o.Job));
        Assert.All(second, o => Assert.Equal(DailyJobStatus.AlreadyDone, o.Status));
        Assert.Equal(done, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Re_running_an_older_date_after_later_dates_are_done_changes_nothing(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var days = DailyJobs.TradingDays(First, 20);
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(days[0]), 150);
        foreach (var day in days)
        {
            await jobs.RunDayAsync(day);
        }

        var done = await jobs.DumpAsync();
        var account = await jobs.AccountAsync();
        foreach (var day in days.Take(3))
        {
            Assert.Equal(DailyJobStatus.AlreadyDone, (await jobs.FetchAsync(day)).Status);
            Assert.Equal(DailyJobStatus.AlreadyDone, (await jobs.SignalAsync(day)).Status);
            Assert.Equal(DailyJobStatus.AlreadyDone, (await jobs.ExecuteAsync(day)).Status);
            Assert.All(await jobs.RunDayAsync(day), o => Assert.Equal(DailyJobStatus.AlreadyDone, o.Status));
        }

        Assert.Equal(done, await jobs.DumpAsync());
        Assert.Equal(days[^1], account.LastExecutedDate);
        Assert.Contains(await jobs.TradesAsync(), t => t.Action == Core.Execution.OrderSide.Sell);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_day_skipped_and_executed_after_a_later_one_is_refused_and_nothing_is_written(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var days = DailyJobs.TradingDays(First, 3);
        await jobs.BackfillAsync(days[^1], 150);
        foreach (var day in days)
        {
            await jobs.SignalAsync(day);
        }

        await jobs.ExecuteAsync(days[0]);
        await jobs.ExecuteAsync(days[2]);
        var before = await jobs.DumpAsync();

        // Day 2's sells would be sized on positions bought on day 3.
        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.ExecuteAsync(days[1]));

        Assert.Contains($"{days[2]:yyyy-MM-dd} is already executed, and days are executed in order", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    public void Dispose() => _databases.Dispose();

    private static async Task AssertRerunChangesNothingAsync(DailyJobs jobs, Func<Task<DailyJobOutcome>> rerun)
    {
        var before = await jobs.DumpAsync();
        var outcome = await rerun();
        Assert.True(outcome.Status == DailyJobStatus.AlreadyDone, $"{outcome.Job} {outcome.Date:yyyy-MM-dd} run again: {outcome.Status}: {outcome.Message}");
        Assert.Equal(before, await jobs.DumpAsync());
    }
}
