using System.Globalization;
using Microsoft.Data.Sqlite;
using Tradewind.Core.Time;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    // A Saturday: the last simulated session is Friday 2026-11-20.
    private static readonly ManualTime Clock = new(new DateTimeOffset(2026, 11, 21, 15, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_runs_two_simulated_years_day_by_day_and_says_the_prices_are_simulated()
    {
        var result = await Run("demo", "--years", "1");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("SIMULATED PRICES", result.Output, StringComparison.Ordinal);
        Assert.Contains("(252 trading days)", result.Output, StringComparison.Ordinal);
        var first = TradingCalendars.Nyse.AddTradingDays(new DateOnly(2026, 11, 20), -251);
        Assert.Contains($"{first:yyyy-MM-dd} .. 2026-11-20", result.Output, StringComparison.Ordinal);
        Assert.Contains("tradewind --db", result.Output, StringComparison.Ordinal);
        Assert.Contains("identical to the jobs'", result.Output, StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(_dir.File("tradewind-demo/report.html")), StringComparison.Ordinal);

        // One signal and one execution per trading day; one deposit of the daily capital per execution.
        var db = _dir.File("tradewind-demo/tradewind.db");
        Assert.Equal(252L, Scalar(db, "SELECT COUNT(*) FROM daily_signals"));
        Assert.Equal(252L, Scalar(db, "SELECT COUNT(*) FROM executions"));
        Assert.Equal(252L, Scalar(db, "SELECT COUNT(*) FROM cash_ledger WHERE kind = 'deposit'"));
        Assert.Contains("252,000.00", result.Output, StringComparison.Ordinal);
        var csv = File.ReadAllLines(_dir.File("tradewind-demo/trades.csv"));
        Assert.Equal("trade_date,symbol,action,quantity,price,amount,signal_id", csv[0]);
        Assert.Equal(Scalar(db, "SELECT COUNT(*) FROM trades"), csv.Length - 1);
    }

    [Fact]
    public async Task Running_the_demo_again_changes_nothing()
    {
        var first = await Run("demo", "--years", "1");
        Assert.True(first.ExitCode == 0, first.Error);
        var db = _dir.File("tradewind-demo/tradewind.db");
        var before = Dump(db);

        var second = await Run("demo", "--years", "1");

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(before, Dump(db));
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Run_again_days_later_the_workspace_keeps_its_period_and_a_different_period_is_refused()
    {
        var first = await Run("demo", "--years", "1");
        Assert.True(first.ExitCode == 0, first.Error);
        var db = _dir.File("tradewind-demo/tradewind.db");
        var before = Dump(db);

        var later = new ManualTime(Clock.Now.AddDays(10));
        var again = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), later, "demo", "--years", "1");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(first.Output, again.Output);
        Assert.Equal(before, Dump(db));

        var longer = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), later, "demo", "--years", "2");
        Assert.Equal(1, longer.ExitCode);
        Assert.Contains("holds the demo of", longer.Error, StringComparison.Ordinal);
        Assert.Contains("use another --dir", longer.Error, StringComparison.Ordinal);
        Assert.Equal(before, Dump(db));
    }

    [Fact]
    public async Task Simulated_and_real_prices_never_meet_in_one_workspace()
    {
        Assert.Equal(0, (await Run("demo", "--years", "1")).ExitCode);
        _dir.Write("csv/SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n");

        var result = await Run("demo", "--years", "1", "--data", "csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already holds a demo on simulated prices", result.Error, StringComparison.Ordinal);
        Assert.Contains("Use another --dir", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_folder_is_named()
    {
        var result = await Run("demo", "--data", "no-such-folder");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--data no-such-folder: no such folder", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("tradewind-demo")));
    }

    [Fact]
    public async Task The_demo_runs_on_the_real_csv_files()
    {
        var data = SharedData.Require();
        var result = await Run("demo", "--years", "1", "--data", Path.Combine(data, "daily"), "--end", "2020-12-31");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("SIMULATED", result.Output, StringComparison.Ordinal);
        // 2020 had 253 sessions: a year of 252 starts on its second.
        Assert.Contains("2020-01-03 .. 2020-12-31", result.Output, StringComparison.Ordinal);
        // March 2020 was bearish: the allocator sold.
        var db = _dir.File("tradewind-demo/tradewind.db");
        Assert.True(Scalar(db, "SELECT COUNT(*) FROM daily_signals WHERE action = 'SELL' AND trade_date BETWEEN '2020-03-01' AND '2020-03-31'") > 5);
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string>(), Clock, args);

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Dump(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "price_history", "daily_signals", "trades", "portfolio", "cash_ledger", "executions", "trading_config" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2, 3";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetValue(i)).Append('|');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }
}
