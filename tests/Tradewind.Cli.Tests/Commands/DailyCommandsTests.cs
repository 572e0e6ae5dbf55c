using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class DailyCommandsTests : IDisposable
{
    // Tuesday 2024-07-02, 20:00 UTC (16:00 in New York): the day's bar has traded.
    private static readonly ManualTime Clock = new(new DateTimeOffset(2024, 7, 2, 21, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("fetch")]
    [InlineData("signal")]
    [InlineData("execute")]
    [InlineData("run-day")]
    public async Task On_a_holiday_every_job_says_the_market_is_closed_and_exits_0(string job)
    {
        var monday = new ManualTime(new DateTimeOffset(2024, 7, 8, 21, 0, 0, TimeSpan.Zero));
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), monday, job, "--date", "2024-07-04");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2024-07-04 (Thursday): the market is closed (Independence Day); nothing to do. Next trading day: 2024-07-05", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("data/tradewind.db")), "a closed day must not even create the database");
    }

    [Fact]
    public async Task Without_a_date_the_jobs_work_on_today_in_new_york()
    {
        // 02:00 UTC on Saturday is still Friday evening in New York.
        var friday = new ManualTime(new DateTimeOffset(2024, 7, 6, 2, 0, 0, TimeSpan.Zero));
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), friday, "execute");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("execute 2024-07-05: no signal stored for 2024-07-05", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_is_run_from_backfill_to_execution_and_a_second_run_changes_nothing()
    {
        var backfill = await Run("backfill", "--days", "400", "--date", "2024-07-01");
        Assert.True(backfill.ExitCode == 0, backfill.Error);
        Assert.Contains("backfill 2024-07-01: 2023-05-29 .. 2024-07-01: stored", backfill.Output, StringComparison.Ordinal);

        var day = await Run("run-day", "--date", "2024-07-02");
        Assert.True(day.ExitCode == 0, day.Error);
        Assert.Contains("fetch 2024-07-02: stored 3 new daily bars from sim (SPY 1, QQQ 1, DIA 1)", day.Output, StringComparison.Ordinal);
        Assert.Contains("signal 2024-07-02: stored:", day.Output, StringComparison.Ordinal);
        Assert.Contains("execute 2024-07-02: deposited 1000.00;", day.Output, StringComparison.Ordinal);

        var again = await Run("run-day", "--date", "2024-07-02");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("fetch 2024-07-02: nothing new from sim", again.Output, StringComparison.Ordinal);
        Assert.Contains("signal 2024-07-02: already stored:", again.Output, StringComparison.Ordinal);
        Assert.Contains("execute 2024-07-02: already executed", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_without_history_names_the_asset_and_the_backfill_and_stores_nothing()
    {
        var result = await Run("signal", "--date", "2024-07-02");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no SPY prices are stored before 2024-07-02", result.Error, StringComparison.Ordinal);
        Assert.Contains("tradewind backfill --days", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_date_cannot_be_fetched()
    {
        var result = await Run("fetch", "--date", "2024-07-03");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--date 2024-07-03 is in the future (today is 2024-07-02 in New York)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_without_a_configuration_is_refused()
    {
        var result = await Run("--set", "data.provider=csv", "fetch", "--date", "2024-07-02");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--set needs a configuration", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), Clock, args);
}
