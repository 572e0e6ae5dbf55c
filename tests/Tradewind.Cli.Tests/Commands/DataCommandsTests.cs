using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tradewind.Core.Market;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class DataCommandsTests(PostgresServer postgres) : IDisposable
{
    private const string Header = "date,open,high,low,close,volume";
    private readonly TempDirectory _dir = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Importing_every_shared_daily_and_intraday_file_twice_changes_nothing(DatabaseDialect dialect)
    {
        var data = SharedData.Require();
        var files = Directory.GetFiles(Path.Combine(data, "daily"), "*.csv")
            .Concat(Directory.GetFiles(Path.Combine(data, "intraday"), "*.csv"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var expectedBars = files.Sum(f => File.ReadLines(f).Count() - 1);
        var db = await DatabaseSettingAsync(dialect);

        var first = await CliRun.RunAsync(_dir.Path, ["--db", db, "data", "import", .. files]);
        Assert.True(first.ExitCode == 0, first.Error);
        var afterFirst = await FingerprintAsync(db);

        var second = await CliRun.RunAsync(_dir.Path, ["--db", db, "data", "import", .. files]);
        Assert.True(second.ExitCode == 0, second.Error);
        var afterSecond = await FingerprintAsync(db);

        Assert.Equal(expectedBars, afterFirst.Rows);
        Assert.Equal(afterFirst, afterSecond);
        // Every file's row of the second import's table reports all its bars unchanged (new 0, changed 0).
        Assert.Equal(files.Length, second.OutputLines.Count(IsUnchangedRow));
        Assert.Equal(0, first.OutputLines.Count(IsUnchangedRow));
    }

    [Fact]
    public async Task Export_writes_what_import_reads_back_to_identical_bars()
    {
        var spy = SharedData.File("daily/SPY.csv");
        var db = _dir.File("a.db");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", spy)).ExitCode);

        var export = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "export", "SPY", "--output", "out/SPY.csv");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("wrote 8,042 1d bars of SPY", export.Error, StringComparison.Ordinal);

        // The exported numbers equal the source's numbers (the text may drop trailing zeros: 43.968750 -> 43.96875).
        var source = File.ReadAllLines(spy);
        var exported = File.ReadAllLines(_dir.File("out/SPY.csv"));
        Assert.Equal(source.Length, exported.Length);
        Assert.Equal(source[0], exported[0]);
        for (var i = 1; i < source.Length; i++)
        {
            Assert.Equal(Values(source[i]), Values(exported[i]));
        }

        var db2 = _dir.File("b.db");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db2, "data", "import", "out/SPY.csv")).ExitCode);
        Assert.Equal(await FingerprintAsync(db), await FingerprintAsync(db2));
    }

    [Fact]
    public async Task Show_prints_the_requested_range_and_list_summarizes()
    {
        var db = _dir.File("t.db");
        _dir.Write("QQQ.csv", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11.5,200\n2024-01-04,11.5,12.5,11,12,300\n");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", "QQQ.csv")).ExitCode);

        var show = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "show", "qqq", "--from", "2024-01-03", "--to", "2024-01-03");
        var list = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "list");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("2024-01-03", show.Output, StringComparison.Ordinal);
        Assert.Contains("11.5", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2024-01-02", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2024-01-04", show.Output, StringComparison.Ordinal);
        Assert.Matches(@"QQQ\s+│ 1d\s+│ 2024-01-02\s+│ 2024-01-04\s+│\s+3", list.Output);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "unparseable number", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,1x2,10,11.5,200\n", "BAD.csv:3: column 'high'" },
        { "high below low", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,10,12,11.5,200\n", "BAD.csv:3: column 'high': high 10 is below low 12" },
        { "non-positive price", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,0,12,10,11.5,200\n", "BAD.csv:3: column 'open'" },
        { "duplicate date", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-02,10,11,9,10.5,100\n", "BAD.csv:3" },
        { "out of order", $"{Header}\n2024-01-03,10,11,9,10.5,100\n2024-01-02,10,11,9,10.5,100\n", "BAD.csv:3" },
        { "missing column", $"{Header}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11.5\n", "BAD.csv:3" },
        { "header only", $"{Header}\n", "BAD.csv" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_row_in_any_file_stores_nothing_of_any_file(string kind, string content, string location)
    {
        var db = _dir.File("bad.db");
        _dir.Write("GOOD.csv", $"{Header}\n2024-01-02,10,11,9,10.5,100\n");
        _dir.Write("BAD.csv", content);

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", "GOOD.csv", "BAD.csv");

        Assert.True(result.ExitCode == 1, kind);
        Assert.Contains(location, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(0, await CountAsync(db, "GOOD"));
    }

    [Fact]
    public async Task Every_bad_file_of_one_import_is_reported_at_once()
    {
        _dir.Write("A.csv", $"{Header}\n2024-01-02,10,9,11,10.5,100\n");
        _dir.Write("B.csv", $"{Header}\n2024-01-02,-1,11,9,10.5,100\n");

        var result = await CliRun.RunAsync(_dir.Path, "data", "import", "A.csv", "B.csv", "MISSING.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("A.csv:2", result.Error, StringComparison.Ordinal);
        Assert.Contains("B.csv:2", result.Error, StringComparison.Ordinal);
        Assert.Contains("MISSING.csv: file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbol_and_resolution_options_override_the_file_name()
    {
        var db = _dir.File("t.db");
        _dir.Write("prices.txt", "timestamp,open,high,low,close,volume\n2024-01-02T09:30:00-05:00,10,11,9,10.5,100\n2024-01-02T09:35:00-05:00,10,11,9,10.5,100\n");

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", "prices.txt", "--symbol", "xlk", "--resolution", "5m");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("XLK", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(db, "XLK", Resolution.Parse("5m")));
    }

    [Theory]
    [InlineData(1, "--symbol names one symbol but several files were given", "data", "import", "A.csv", "B.csv", "--symbol", "SPY")]
    [InlineData(1, "no 1d bars stored for SPY", "data", "show", "SPY")]
    [InlineData(1, "--resolution: '7x' is not a resolution", "data", "show", "SPY", "--resolution", "7x")]
    [InlineData(2, "Argument 'pdf' not recognized", "data", "import", "A.csv", "--format", "pdf")]
    [InlineData(2, "Option '--output' is required", "data", "export", "SPY")]
    public async Task Usage_and_input_mistakes_get_a_clear_message(int exitCode, string message, params string[] args)
    {
        var result = await CliRun.RunAsync(_dir.Path, args);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_a_one_line_error_without_the_password()
    {
        var result = await CliRun.RunAsync(_dir.Path, "--db", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=topsecret;Timeout=2", "data", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot open database postgresql://u:****@127.0.0.1:1/x", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_equity_bars_on_days_the_exchange_is_closed_are_imported_with_a_warning()
    {
        _dir.Write("SPY.csv", $"{Header}\n2024-03-28,10,11,9,10.5,100\n2024-03-29,10,11,9,10.5,100\n2024-03-30,10,11,9,10.5,100\n2024-04-01,10,11,9,10.5,100\n");

        var result = await CliRun.RunAsync(_dir.Path, "--db", "t.db", "data", "import", "SPY.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: SPY.csv: 2 bar(s) of SPY fall on dates NYSE does not trade: 2024-03-29 (Good Friday), 2024-03-30 (weekend); they are imported as given", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync(_dir.File("t.db"), "SPY"));
    }

    [Fact]
    public async Task Show_of_intraday_bars_for_a_date_means_the_exchange_local_day()
    {
        // 2019-12-24 is a half day in New York; its bars run 09:30-13:00 -05:00, i.e. 14:30-18:00 UTC.
        var db = _dir.File("t.db");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", SharedData.File("intraday/SPY_1min.csv"))).ExitCode);

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "show", "SPY", "--resolution", "1m", "--from", "2019-12-24", "--to", "2019-12-24");

        Assert.Equal(0, result.ExitCode);
        var times = result.OutputLines.Where(l => l.StartsWith("│ 2019", StringComparison.Ordinal)).Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1]).ToList();
        var expected = File.ReadLines(SharedData.File("intraday/SPY_1min.csv")).Where(l => l.StartsWith("2019-12-24T", StringComparison.Ordinal)).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(expected, times);
        Assert.StartsWith("2019-12-24T09:30:00-05:00", times[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_refuses_a_range_that_ends_before_it_starts()
    {
        var result = await CliRun.RunAsync(_dir.Path, "data", "show", "SPY", "--from", "2024-02-01", "--to", "2024-01-01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--to 2024-01-01 is before --from 2024-02-01", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TRADEWIND_DB_names_the_database_when_db_is_not_given()
    {
        _dir.Write("QQQ.csv", $"{Header}\n2024-01-02,10,11,9,10.5,100\n");

        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string> { ["TRADEWIND_DB"] = "env.db" }, "data", "import", "QQQ.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(_dir.File("env.db")));
        Assert.False(File.Exists(_dir.File("data/tradewind.db")));
        Assert.Equal(1, await CountAsync(_dir.File("env.db"), "QQQ"));
    }

    [Fact]
    public async Task A_database_with_an_edited_migration_is_refused_with_a_clear_message()
    {
        var db = _dir.File("t.db");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "list")).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_migrations SET checksum = 'x'";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "data", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("migration 0001_price_history was changed after it was applied", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static bool IsUnchangedRow(string line)
    {
        var cells = line.Split('│', StringSplitOptions.TrimEntries);
        // │ file │ symbol │ resolution │ first │ last │ rows │ new │ changed │ unchanged │
        return cells.Length == 11 && cells[7] == "0" && cells[8] == "0" && cells[6] == cells[9];
    }

    private static string Values(string line) =>
        string.Join(',', line.Split(',').Select((v, i) => i == 0 ? v : double.Parse(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)));

    private async Task<string> DatabaseSettingAsync(DatabaseDialect dialect) =>
        dialect == DatabaseDialect.Sqlite ? _dir.File("tradewind.db") : await postgres.CreateDatabaseAsync();

    private async Task<long> CountAsync(string db, string symbol, Resolution? resolution = null)
    {
        var database = await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), TestContext.Current.CancellationToken);
        return await new PriceHistoryRepository(database).CountAsync(symbol, resolution, TestContext.Current.CancellationToken);
    }

    /// <summary>Row count and a hash over every stored bar, in key order: equal fingerprints mean equal tables.</summary>
    private async Task<(long Rows, string Hash)> FingerprintAsync(string db)
    {
        var ct = TestContext.Current.CancellationToken;
        var repository = new PriceHistoryRepository(await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), ct));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        foreach (var summary in await repository.ListAsync(ct))
        {
            var bars = await repository.LoadAsync(Symbol.Parse(summary.Symbol), summary.Resolution, cancellationToken: ct);
            for (var i = 0; i < bars.Count; i++)
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"{summary.Symbol}|{summary.Resolution}|{bars[i]}\n"));
            }

            rows += bars.Count;
        }

        return (rows, Convert.ToHexString(sha.GetHashAndReset()));
    }
}
