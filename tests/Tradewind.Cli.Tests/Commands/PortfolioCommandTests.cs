using System.Text.Json;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;
using static Tradewind.Cli.Tests.AllocatorAccount;

namespace Tradewind.Cli.Tests.Commands;

public sealed class PortfolioCommandTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Header =
        ["symbol", "quantity", "average_cost", "cost", "last_close", "last_close_date", "market_value", "unrealized_pnl", "unrealized_pnl_pct", "weight_pct", "priced"];

    private const string DiaWarning =
        "warning: DIA has no daily close stored, so it is valued at cost; 'tradewind fetch' or 'tradewind data import' stores prices";

    private readonly TempDirectory _dir = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    // By hand, from AllocatorAccount. SPY: 2.5 @ 475.20 = 1188, at 476.25 (2024-01-05; the later hourly bar does not
    // count) = 1190.625. QQQ: 0.2925 @ 400 = 117, at 405.5 (2024-01-04) = 118.60875. DIA: no close, at cost 300.
    // Cash 4 × 1000 − 588 − 390 − 600 − 300 + 279.825 = 2401.825; market value 1609.23375; total 4011.05875;
    // P&L vs 4000 deposits 11.05875 = 0.28%. Weights of the total: 300 → 7.48%, 118.60875 → 2.96%, 1190.625 → 29.68%.
    private static readonly string[][] ExpectedCsvRows =
    [
        ["DIA", "0.8000", "375.00", "300", "", "", "300", "0", "0", "7.48", "false"],
        ["QQQ", "0.2925", "400.00", "117", "405.5", "2024-01-04", "118.60875", "1.60875", "1.38", "2.96", "true"],
        ["SPY", "2.5000", "475.20", "1188", "476.25", "2024-01-05", "1190.625", "2.625", "0.22", "29.68", "true"],
    ];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Portfolio_values_each_position_at_its_latest_daily_close_and_totals_the_account(DatabaseDialect dialect)
    {
        var db = await DatabaseSettingAsync(dialect);
        await SeedAsync(await OpenAsync(db));

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio", "--format", "csv");
        var json = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio", "--format", "json");

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Equal(
            [
                Header,
                ["DIA", "0.8000", "375.00", "300.00", "none stored", "", "300.00", "0.00", "0.00%", "7.48%", "NO: no close stored, valued at cost"],
                ["QQQ", "0.2925", "400.00", "117.00", "405.5", "2024-01-04", "118.61", "+1.61", "+1.38%", "2.96%", "yes"],
                ["SPY", "2.5000", "475.20", "1,188.00", "476.25", "2024-01-05", "1,190.63", "+2.63", "+0.22%", "29.68%", "yes"],
                ["account", "value"],
                ["cash", "2,401.83"],
                ["market value", "1,609.23"],
                ["total value", "4,011.06"],
                ["total deposits", "4,000.00"],
                ["total P&L vs deposits", "+11.06 (+0.28%)"],
                ["last executed", "2024-01-05"],
            ],
            TableRows(table.Output));
        Assert.Equal(DiaWarning, table.Error.Trim());

        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Equal([Header, .. ExpectedCsvRows], CsvRecords.Parse(csv.Output));
        Assert.Equal(DiaWarning, csv.Error.Trim());

        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(
            ["strategy", "last_executed_date", "positions", "cash", "market_value", "total_value", "total_deposits", "total_pnl", "total_pnl_pct"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("capital-allocator", root.GetProperty("strategy").GetString());
        Assert.Equal("2024-01-05", root.GetProperty("last_executed_date").GetString());
        Assert.Equal(
            ["2401.825", "1609.23375", "4011.05875", "4000", "11.05875", "0.28"],
            new[] { "cash", "market_value", "total_value", "total_deposits", "total_pnl", "total_pnl_pct" }.Select(n => root.GetProperty(n).GetRawText()));
        var positions = root.GetProperty("positions").EnumerateArray().ToList();
        Assert.All(positions, p => Assert.Equal(Header, p.EnumerateObject().Select(f => f.Name)));
        // The same values as csv, typed: numbers as numbers with the same digits, no close as null, priced as a boolean.
        Assert.Equal(
            [
                ["\"DIA\"", "0.8000", "375.00", "300", "null", "null", "300", "0", "0", "7.48", "false"],
                ["\"QQQ\"", "0.2925", "400.00", "117", "405.5", "\"2024-01-04\"", "118.60875", "1.60875", "1.38", "2.96", "true"],
                ["\"SPY\"", "2.5000", "475.20", "1188", "476.25", "\"2024-01-05\"", "1190.625", "2.625", "0.22", "29.68", "true"],
            ],
            positions.Select(p => p.EnumerateObject().Select(f => f.Value.GetRawText()).ToArray()));
        Assert.Equal(DiaWarning, json.Error.Trim());
    }

    [Fact]
    public async Task An_account_never_executed_says_to_run_the_daily_jobs_and_prints_empty_but_well_formed_csv_and_json()
    {
        var db = _dir.File("empty.db");
        const string message = "no executions yet: run 'tradewind run-day' (or its execute job) to pay in the first daily capital and trade the day's signal";

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio", "--format", "csv");
        var json = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio", "--format", "json");

        Assert.Equal((0, ""), (table.ExitCode, table.Output));
        Assert.Equal(message, table.Error.Trim());
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal([Header], CsvRecords.Parse(csv.Output));
        Assert.Equal(message, csv.Error.Trim());
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("last_executed_date").ValueKind);
        Assert.Equal(0, root.GetProperty("positions").GetArrayLength());
        Assert.Equal(
            ["0", "0", "0", "0", "0", "null"],
            new[] { "cash", "market_value", "total_value", "total_deposits", "total_pnl", "total_pnl_pct" }.Select(n => root.GetProperty(n).GetRawText()));
    }

    [Fact]
    public async Task An_account_with_only_cash_shows_no_positions_and_its_cash()
    {
        var db = _dir.File("t.db");
        var database = await OpenAsync(db);
        // A day without a signal still books its deposit (the execute job's rule).
        var recorded = await new PaperAccountRepository(database).RecordExecutionAsync(
            new ExecutionRecord(Strategy, Day1, null, 1000.00m, [], [], new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero)),
            TestContext.Current.CancellationToken);
        Assert.Equal(ExecutionOutcome.Recorded, recorded.Outcome);

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "portfolio");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("no open positions: the account is all cash\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ["account", "value"],
                ["cash", "1,000.00"],
                ["market value", "0.00"],
                ["total value", "1,000.00"],
                ["total deposits", "1,000.00"],
                ["total P&L vs deposits", "0.00 (0.00%)"],
                ["last executed", "2024-01-02"],
            ],
            TableRows(result.Output));
        Assert.Empty(result.Error);
    }

    public void Dispose() => _dir.Dispose();

    private static List<string[]> TableRows(string output) =>
        output.Split('\n')
            .Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1..^1])
            .ToList();

    private async Task<TradewindDatabase> OpenAsync(string db) =>
        await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), TestContext.Current.CancellationToken);

    private async Task<string> DatabaseSettingAsync(DatabaseDialect dialect) =>
        dialect == DatabaseDialect.Sqlite ? _dir.File("tradewind.db") : await postgres.CreateDatabaseAsync();
}
