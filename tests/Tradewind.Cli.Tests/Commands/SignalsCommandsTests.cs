using System.Text.Json;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Testing;
using static Tradewind.Cli.Tests.AllocatorAccount;

namespace Tradewind.Cli.Tests.Commands;

public sealed class SignalsCommandsTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Header = ["id", "trade_date", "action", "confidence_score", "regime", "risk", "allocation_pct", "allocations", "config_version_id"];

    private readonly TempDirectory _dir = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Signals_lists_each_signal_with_the_regime_risk_and_allocations_it_stored(DatabaseDialect dialect)
    {
        var db = await DatabaseSettingAsync(dialect);
        var ids = await SeedAsync(await OpenAsync(db));
        var config = $"{ids.ConfigVersion}";

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "signals");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--format", "csv");
        var json = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--format", "json");

        // The table: scores rounded to 4 decimals, risk read from {"score": ...} when it is an object, allocations compact.
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Equal(
            [
                Header,
                [$"{ids.Signal1}", "2024-01-02", "BUY", "0.75", "0.4213", "35.5", "0.8", "SPY 588.00, QQQ 390.00", config],
                [$"{ids.Signal2}", "2024-01-03", "HOLD", "0.1", "0.05", "55.25", "0", "", config],
                [$"{ids.Signal3}", "2024-01-04", "BUY", "0.6", "0.35", "41", "0.5", "SPY 600.00, DIA 300.00", config],
                [$"{ids.Signal4}", "2024-01-05", "SELL", "0.9", "-0.52", "72.5", "", "", config],
            ],
            TableRows(table.Output));

        // csv: every number as written in the stored JSON (0.0500 stays 0.0500), allocations as the stored JSON text.
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Equal(
            [
                Header,
                [$"{ids.Signal1}", "2024-01-02", "BUY", "0.75", "0.4213", "35.5", "0.8", Day1Allocations, config],
                [$"{ids.Signal2}", "2024-01-03", "HOLD", "0.1", "0.0500", "55.25", "0", "{}", config],
                [$"{ids.Signal3}", "2024-01-04", "BUY", "0.6", "0.35", "41", "0.5", Day3Allocations, config],
                [$"{ids.Signal4}", "2024-01-05", "SELL", "0.9", "-0.52", "72.5", "", "{}", config],
            ],
            CsvRecords.Parse(csv.Output));
        Assert.Contains("\"{\"\"SPY\"\":588.00,\"\"QQQ\"\":390.00}\"", csv.Output, StringComparison.Ordinal);

        // json: the same columns; allocations is the stored object with its numbers' digits; a missing key is null.
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Output);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(Header, r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal([ids.Signal1, ids.Signal2, ids.Signal3, ids.Signal4], rows.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], rows.Select(r => r.GetProperty("trade_date").GetString()));
        Assert.Equal(["BUY", "HOLD", "BUY", "SELL"], rows.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal([0.75, 0.1, 0.6, 0.9], rows.Select(r => r.GetProperty("confidence_score").GetDouble()));
        Assert.Equal(["0.4213", "0.0500", "0.35", "-0.52"], rows.Select(r => r.GetProperty("regime").GetRawText()));
        Assert.Equal(["35.5", "55.25", "41", "72.5"], rows.Select(r => r.GetProperty("risk").GetRawText()));
        Assert.Equal(["0.8", "0", "0.5", "null"], rows.Select(r => r.GetProperty("allocation_pct").GetRawText()));
        Assert.Equal(
            [[("SPY", "588.00"), ("QQQ", "390.00")], [], [("SPY", "600.00"), ("DIA", "300.00")], []],
            rows.Select(r => r.GetProperty("allocations").EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToArray()));
        Assert.All(rows, r => Assert.Equal(ids.ConfigVersion, r.GetProperty("config_version_id").GetInt64()));
        Assert.Empty(table.Error + csv.Error + json.Error);
    }

    [Fact]
    public async Task From_and_to_select_signals_by_inclusive_trading_date_and_an_empty_range_names_the_stored_ones()
    {
        var db = _dir.File("t.db");
        var ids = await SeedAsync(await OpenAsync(db));

        var middle = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--from", "2024-01-03", "--to", "2024-01-04", "--format", "csv");
        var first = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--to", "2024-01-02", "--format", "csv");
        var after = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--from", "2024-01-06");
        var afterJson = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--from", "2024-01-06", "--format", "json");

        Assert.Equal([$"{ids.Signal2}", $"{ids.Signal3}"], CsvRecords.Parse(middle.Output).Skip(1).Select(r => r[0]));
        Assert.Equal([$"{ids.Signal1}"], CsvRecords.Parse(first.Output).Skip(1).Select(r => r[0]));
        Assert.Equal((0, ""), (after.ExitCode, after.Output));
        Assert.Equal("no signals on or after 2024-01-06; signals are stored from 2024-01-02 to 2024-01-05", after.Error.Trim());
        Assert.Equal((0, "[]"), (afterJson.ExitCode, afterJson.Output.Trim()));
    }

    [Fact]
    public async Task Show_prints_the_stored_row_with_allocations_and_features_indented_and_every_number_as_stored()
    {
        var db = _dir.File("t.db");
        var ids = await SeedAsync(await OpenAsync(db));

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "show", "2024-01-02");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var row = document.RootElement;
        Assert.Equal(
            ["id", "strategy", "trade_date", "model_type", "action", "confidence_score", "allocations", "features_used", "config_version_id", "created_at"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ids.Signal1, row.GetProperty("id").GetInt64());
        Assert.Equal("capital-allocator", row.GetProperty("strategy").GetString());
        Assert.Equal("2024-01-02", row.GetProperty("trade_date").GetString());
        Assert.Equal("regime_based", row.GetProperty("model_type").GetString());
        Assert.Equal("BUY", row.GetProperty("action").GetString());
        Assert.Equal(0.75, row.GetProperty("confidence_score").GetDouble());
        Assert.Equal(ids.ConfigVersion, row.GetProperty("config_version_id").GetInt64());
        Assert.Equal("2024-01-02T11:00:00.0000000Z", row.GetProperty("created_at").GetString());

        // Exactly what is stored: the same JSON, key order and number text (588.00, 1.10) included, only indented.
        Assert.Equal(Day1Allocations, Compact(row.GetProperty("allocations")));
        Assert.Equal(Day1Features, Compact(row.GetProperty("features_used")));
        Assert.Contains("\n  \"allocations\": {\n    \"SPY\": 588.00,\n    \"QQQ\": 390.00\n  },\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n      \"SPY\": {\n        \"returns_5d\": 0.0123,\n        \"score\": 1.10\n      },\n", result.Output, StringComparison.Ordinal);
        // Text is readable: no \u002B for '+', no escapes for accents; only the quote is escaped.
        Assert.Contains("\"reason\": \"bullish regime +0.421, \\\"low\\\" risk — déjà vu\",", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Show_as_a_table_prints_one_row_per_column_with_the_json_indented()
    {
        var db = _dir.File("t.db");
        var ids = await SeedAsync(await OpenAsync(db));

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "show", "2024-01-03", "--format", "table");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            [
                ["column", "value"],
                ["id", $"{ids.Signal2}"],
                ["strategy", "capital-allocator"],
                ["trade_date", "2024-01-03"],
                ["model_type", "regime_based"],
                ["action", "HOLD"],
                ["confidence_score", "0.1"],
                ["allocations", "{}"],
                ["features_used", "{"],
                ["", "\"regime\": 0.0500,"],
                ["", "\"risk\": {"],
                ["", "\"score\": 55.25,"],
                ["", "\"volatility_component\": 60.1"],
                ["", "},"],
                ["", "\"action\": \"HOLD\","],
                ["", "\"allocation_pct\": 0"],
                ["", "}"],
                ["config_version_id", $"{ids.ConfigVersion}"],
                ["created_at", "2024-01-03T11:00:00.0000000Z"],
            ],
            TableRows(result.Output));
    }

    [Fact]
    public async Task Show_of_a_date_without_a_signal_fails_and_names_the_stored_dates()
    {
        var seeded = _dir.File("t.db");
        await SeedAsync(await OpenAsync(seeded));
        var empty = _dir.File("empty.db");

        var missing = await CliRun.RunAsync(_dir.Path, "--db", seeded, "signals", "show", "2024-01-08");
        var none = await CliRun.RunAsync(_dir.Path, "--db", empty, "signals", "show", "2024-01-08");

        Assert.Equal((1, ""), (missing.ExitCode, missing.Output));
        Assert.Equal("error: no signal stored for 2024-01-08; signals exist from 2024-01-02 to 2024-01-05 ('tradewind signals' lists them)", missing.Error.Trim());
        Assert.Equal((1, ""), (none.ExitCode, none.Output));
        Assert.Equal("error: no signal stored for 2024-01-08; none stored yet (the signal job stores one per trading day: 'tradewind run-day')", none.Error.Trim());
    }

    [Fact]
    public async Task An_empty_database_lists_no_signal_and_says_so()
    {
        var db = _dir.File("empty.db");

        var table = await CliRun.RunAsync(_dir.Path, "--db", db, "signals");
        var csv = await CliRun.RunAsync(_dir.Path, "--db", db, "signals", "--format", "csv");

        Assert.Equal((0, ""), (table.ExitCode, table.Output));
        Assert.Equal("no signals stored yet; the signal job stores one per trading day before the open ('tradewind run-day' runs it)", table.Error.Trim());
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal([Header], CsvRecords.Parse(csv.Output));
    }

    public void Dispose() => _dir.Dispose();

    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
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
