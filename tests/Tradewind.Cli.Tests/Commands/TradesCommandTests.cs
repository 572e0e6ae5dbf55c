using System.Text.Json;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Testing;
using static Tradewind.Cli.Tests.AllocatorAccount;

namespace Tradewind.Cli.Tests.Commands;

public sealed class TradesCommandTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Header = ["trade_date", "symbol", "action", "quantity", "price", "amount", "signal_id"];

    private readonly TempDirectory _dir = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Trades_lists_every_trade_with_its_stored_values_as_a_table_csv_and_json(DatabaseDialect dialect)
    {
        var db = await DatabaseSettingAsync(dialect);
        var ids = await SeedAsync(await OpenAsync(db));
        string[][] expected =
        [
            ["2024-01-02", "SPY", "BUY", "1.2500", "470.40", "588.00", $"{ids.Signal1}"],
            ["2024-01-02", "QQQ", "BUY", "0.9750", "400.00", "390.00", $"{ids.Signal1}"],
            ["2024-01-04", "SPY", "BUY", "1.2500", "480.00", "600.00", $"{ids.Signal3}"],
            ["2024-01-04", "DIA", "BUY", "0.8000", "375.00", "300.00", $"{ids.Signal3}"],
            ["2024-01-05", "QQQ", "SELL", "0.6825", "410.00", "279.825", $"{ids.Signal4}"],
        ];

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "trades");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--format", "csv");
        var json = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--format", "json");

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Equal([Header, .. expected], TableRows(table.Output));
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Equal([Header, .. expected], CsvRecords.Parse(csv.Output));
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(expected, JsonRows(json.Output));
        Assert.Empty(table.Error + csv.Error + json.Error);
    }

    [Fact]
    public async Task From_and_to_select_trades_by_inclusive_trading_date()
    {
        var db = _dir.File("t.db");
        await SeedAsync(await OpenAsync(db));

        var middle = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--from", "2024-01-03", "--to", "2024-01-04", "--format", "csv");
        var fromLast = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--from", "2024-01-05", "--format", "csv");
        var toFirst = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--to", "2024-01-02", "--format", "csv");
        var holdDay = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--from", "2024-01-03", "--to", "2024-01-03");

        Assert.Equal([("2024-01-04", "SPY"), ("2024-01-04", "DIA")], DatesAndSymbols(middle));
        Assert.Equal([("2024-01-05", "QQQ")], DatesAndSymbols(fromLast));
        Assert.Equal([("2024-01-02", "SPY"), ("2024-01-02", "QQQ")], DatesAndSymbols(toFirst));
        Assert.Equal(0, holdDay.ExitCode);
        Assert.Empty(holdDay.Output);
        Assert.Equal("no trades on 2024-01-03; trades are stored from 2024-01-02 to 2024-01-05", holdDay.Error.Trim());
    }

    [Fact]
    public async Task An_empty_database_lists_nothing_says_why_and_keeps_csv_and_json_well_formed()
    {
        var db = _dir.File("empty.db");

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "trades");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--format", "csv");
        var json = await CliRun.RunAsync(_dir.Path, "--db", db, "trades", "--format", "json", "--from", "2024-01-01");

        Assert.Equal((0, 0, 0), (table.ExitCode, csv.ExitCode, json.ExitCode));
        Assert.Empty(table.Output);
        Assert.Equal("no trades stored yet; the execute job makes them at the open ('tradewind run-day' runs it)", table.Error.Trim());
        Assert.Equal([Header], CsvRecords.Parse(csv.Output));
        Assert.Equal("[]", json.Output.Trim());
        Assert.Equal(table.Error, json.Error);
    }

    public void Dispose() => _dir.Dispose();

    private static List<(string, string)> DatesAndSymbols(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        var records = CsvRecords.Parse(result.Output);
        Assert.Equal(Header, records[0]);
        return records.Skip(1).Select(r => (r[0], r[1])).ToList();
    }

    /// <summary>Each object's values in column order, as written: strings as they are, numbers as their JSON text.</summary>
    private static List<string[]> JsonRows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(row =>
        {
            Assert.Equal(Header, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, row.GetProperty("quantity").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("signal_id").ValueKind);
            return row.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()).ToArray();
        }).ToList();
    }

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
