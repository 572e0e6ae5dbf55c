using System.Globalization;
using System.Text.Json;
using Amazon.S3.Model;
using Tradewind.Data.ObjectStorage;
using Tradewind.Storage;
using Tradewind.Storage.Backtests;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class BacktestCommandTests(PostgresServer postgres, MotoServer moto) : IDisposable
{
    private static readonly string[] Example = ["backtest", "--strategy", "sma-cross", "--data", "TEST.csv", "--param", "fast=1", "--param", "slow=2", "--param", "size=10"];
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Fact]
    public async Task A_small_file_prints_the_hand_worked_figures()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunAsync(_dir.Path, Example);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(result.OutputLines, l => l.Contains("│ Final equity", StringComparison.Ordinal) && l.Contains("│ 100,037.50", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.Contains("│ Total return", StringComparison.Ordinal) && l.Contains("│ 0.04%", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.Contains("│ Closed trades", StringComparison.Ordinal) && l.Contains("│ 1 ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.Contains("│ Period", StringComparison.Ordinal) && l.Contains("2024-01-02 to 2024-01-18", StringComparison.Ordinal));
        // No progress bar and no terminal escapes when the output is not a terminal.
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(["TEST.csv"], Files());
    }

    [Fact]
    public async Task Every_output_holds_the_run()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunAsync(_dir.Path,
        [
            .. Example, "--commission", "fixed:1", "--output", "out/trades.csv", "--fills", "out/fills.jsonl", "--equity", "out/equity.csv",
            "--orders", "out/orders.jsonl", "--json", "out/summary.json", "--report", "out/report.html",
        ]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            """
            wrote trades CSV to out/trades.csv
            wrote fills JSON lines to out/fills.jsonl
            wrote equity CSV to out/equity.csv
            wrote orders JSON lines to out/orders.jsonl
            wrote summary JSON to out/summary.json
            wrote HTML report to out/report.html

            """.ReplaceLineEndings(Environment.NewLine),
            result.Error);
        Assert.Equal(
            [
                "symbol,entry_time,entry_price,exit_time,exit_price,quantity,pnl,return,r_multiple,bars_held,exit_reason",
                $"TEST,2024-01-05,10.5,2024-01-10,11.5,10,8,{(8.0 / 105).ToString("R", CultureInfo.InvariantCulture)},,3,exit",
            ],
            await File.ReadAllLinesAsync(_dir.File("out/trades.csv"), Ct));

        var fills = (await File.ReadAllLinesAsync(_dir.File("out/fills.jsonl"), Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["buy", "sell", "buy"], fills.Select(f => f.GetProperty("side").GetString()));
        Assert.Equal([10.5m, 11.5m, 10.25m], fills.Select(f => f.GetProperty("price").GetDecimal()));
        Assert.All(fills, f => Assert.Equal(1m, f.GetProperty("commission").GetDecimal()));

        var equity = await File.ReadAllLinesAsync(_dir.File("out/equity.csv"), Ct);
        Assert.Equal("time,equity,cash,gross_exposure,drawdown", equity[0]);
        Assert.Equal("2024-01-18,100034.5,99904.5,130,0", equity[^1]);
        Assert.Equal(13, equity.Length);

        var orders = (await File.ReadAllLinesAsync(_dir.File("out/orders.jsonl"), Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["filled", "filled", "filled"], orders.Select(o => o.GetProperty("status").GetString()));
        Assert.Equal("entire position", orders[1].GetProperty("sizing").GetString());
        Assert.Equal(JsonValueKind.Null, orders[0].GetProperty("parent_id").ValueKind);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/summary.json"), Ct));
        var s = summary.RootElement;
        Assert.Equal("sma-cross", s.GetProperty("strategy").GetString());
        Assert.Equal(["TEST"], s.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(100_034.5m, s.GetProperty("final_equity").GetDecimal());
        Assert.Equal(1, s.GetProperty("closed_trades").GetInt32());
        Assert.Equal(3, s.GetProperty("fill_count").GetInt32());
        Assert.Equal(s.GetProperty("closed_trades").GetInt32(), s.GetProperty("trade_count").GetInt32());
        Assert.Equal("fixed:1", s.GetProperty("commission").GetString());

        var html = await File.ReadAllTextAsync(_dir.File("out/report.html"), Ct);
        Assert.Contains("<h1>sma-cross on TEST</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Final equity</td><td>100,034.50</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Monthly returns</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Trades (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains(s.GetProperty("run_id").GetString()!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_daily_SPY_runs_and_every_output_agrees_with_the_summary()
    {
        var spy = SharedData.File("daily/SPY.csv");
        File.Copy(spy, _dir.File("SPY.csv"));

        var result = await CliRun.RunAsync(_dir.Path,
            "backtest", "--strategy", "sma-cross", "--data", "SPY.csv", "--param", "fast=50", "--param", "slow=200", "--commission", "per-share:0.005,min:1",
            "--slippage-bps", "2", "--output", "out/trades.csv", "--fills", "out/fills.csv", "--equity", "out/equity.csv", "--json", "out/summary.json", "--report", "out/report.html");

        Assert.True(result.ExitCode == 0, result.Error);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/summary.json"), Ct));
        var s = summary.RootElement;
        Assert.Equal("1993-01-29", s.GetProperty("start").GetString());
        Assert.Equal("2025-01-07", s.GetProperty("end").GetString());
        Assert.Equal(8042, s.GetProperty("bars").GetInt32());
        var trades = (await File.ReadAllLinesAsync(_dir.File("out/trades.csv"), Ct)).Skip(1).ToList();
        var fills = (await File.ReadAllLinesAsync(_dir.File("out/fills.csv"), Ct)).Skip(1).ToList();
        var equity = (await File.ReadAllLinesAsync(_dir.File("out/equity.csv"), Ct)).Skip(1).ToList();
        Assert.True(trades.Count > 5, $"only {trades.Count} trades");
        Assert.Equal(s.GetProperty("closed_trades").GetInt32(), trades.Count);
        Assert.Equal(s.GetProperty("fill_count").GetInt32(), fills.Count);
        Assert.Equal(8042, equity.Count);
        Assert.Equal((double)s.GetProperty("final_equity").GetDecimal(), double.Parse(equity[^1].Split(',')[1], CultureInfo.InvariantCulture), 6);
        var pnl = trades.Sum(t => decimal.Parse(t.Split(',')[6], CultureInfo.InvariantCulture));
        Assert.Equal(s.GetProperty("expectancy").GetDecimal() * trades.Count, pnl, 10);
        var fees = fills.Sum(f => decimal.Parse(f.Split(',')[5], CultureInfo.InvariantCulture));
        Assert.Equal(s.GetProperty("fees").GetDecimal(), fees);
        var html = await File.ReadAllTextAsync(_dir.File("out/report.html"), Ct);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<h2>Trades ({trades.Count:N0})</h2>"), html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2024</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1993</td>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 200_000, $"the report is {html.Length} characters");
        TestContext.Current.TestOutputHelper?.WriteLine(result.Output);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Save_stores_the_run_and_its_trades_and_symbol_reads_stored_bars(DatabaseDialect dialect)
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
        var db = dialect == DatabaseDialect.Sqlite ? _dir.File("runs.db") : await postgres.CreateDatabaseAsync();
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", "TEST.csv")).ExitCode);

        var result = await CliRun.RunAsync(_dir.Path,
            "--db", db, "backtest", "--strategy", "sma-cross", "--symbol", "TEST", "--param", "fast=1", "--param", "slow=2", "--param", "size=10", "--save", "--json", "s.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("wrote run and its trades to database ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("password", result.Error, StringComparison.OrdinalIgnoreCase);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("s.json"), Ct));
        var runId = Guid.Parse(summary.RootElement.GetProperty("run_id").GetString()!);
        var repository = new BacktestRunRepository(await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), Ct));
        var stored = await repository.FindAsync(runId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(("sma-cross", "1d", 100_037.5m, 1), (stored.Strategy, stored.Resolution, stored.FinalEquity, stored.ClosedTrades));
        Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), stored.PeriodStart);
        using var storedSummary = JsonDocument.Parse(stored.Summary);
        Assert.Equal(summary.RootElement.GetProperty("sharpe").GetDouble(), storedSummary.RootElement.GetProperty("sharpe").GetDouble());
        var trade = Assert.Single(await repository.TradesAsync(runId, Ct));
        Assert.Equal((10.5m, 11.5m, 10m), (trade.EntryPrice, trade.ExitPrice, trade.ProfitLoss));
    }

    [Fact]
    public async Task S3_outputs_are_uploaded_and_equal_the_local_files_of_the_same_run()
    {
        var bucket = await CreateBucketAsync();
        WriteObjectStorageConfiguration();
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var local = await CliRun.RunWithEnvironmentAsync(_dir.Path, S3Variables(), [.. Example, "--output", "out/trades.csv", "--equity", "out/equity.jsonl", "--report", "out/report.html"]);
        var uploaded = await CliRun.RunWithEnvironmentAsync(_dir.Path, S3Variables(),
        [
            "--set", $"object_storage.endpoint_url={moto.EndpointUrl}", .. Example, "--output", $"s3://{bucket}/runs/trades.csv",
            "--equity", $"s3://{bucket}/runs/equity.jsonl", "--report", $"s3://{bucket}/runs/report.html", "--json", "out/summary.json",
        ]);

        Assert.True(local.ExitCode == 0, local.Error);
        Assert.True(uploaded.ExitCode == 0, uploaded.Error);
        Assert.Contains($"wrote trades CSV to s3://{bucket}/runs/trades.csv", uploaded.Error, StringComparison.Ordinal);
        using var store = new S3ObjectStore(StoreOptions());
        Assert.Equal(await File.ReadAllBytesAsync(_dir.File("out/trades.csv"), Ct), await store.GetAsync(ObjectStorageLocation.Create(bucket, "runs/trades.csv"), Ct));
        Assert.Equal(await File.ReadAllBytesAsync(_dir.File("out/equity.jsonl"), Ct), await store.GetAsync(ObjectStorageLocation.Create(bucket, "runs/equity.jsonl"), Ct));
        // The report names its run; apart from that it is the same page.
        var runId = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/summary.json"), Ct)).RootElement.GetProperty("run_id").GetString()!;
        var report = System.Text.Encoding.UTF8.GetString(await store.GetAsync(ObjectStorageLocation.Create(bucket, "runs/report.html"), Ct));
        Assert.Contains(runId, report, StringComparison.Ordinal);
        Assert.Equal(WithoutRun(await File.ReadAllTextAsync(_dir.File("out/report.html"), Ct)), WithoutRun(report));
        Assert.DoesNotContain(moto.SecretAccessKey, uploaded.Output + uploaded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_upload_is_exit_1_with_the_reason_and_every_local_output_is_still_written()
    {
        await CreateBucketAsync();
        WriteObjectStorageConfiguration();
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
        var missing = moto.NewBucketName("missing");

        var noBucket = await CliRun.RunWithEnvironmentAsync(_dir.Path, S3Variables(),
        [
            "--set", $"object_storage.endpoint_url={moto.EndpointUrl}", .. Example, "--output", "out/trades.csv", "--json", $"s3://{missing}/summary.json",
            "--report", "out/report.html",
        ]);

        Assert.Equal(1, noBucket.ExitCode);
        Assert.Contains($"error: summary JSON was not written to s3://{missing}/summary.json: Could not upload s3://{missing}/summary.json to object storage at {moto.EndpointUrl}", noBucket.Error, StringComparison.Ordinal);
        Assert.Contains("NoSuchBucket", noBucket.Error, StringComparison.Ordinal);
        Assert.Contains("wrote trades CSV to out/trades.csv", noBucket.Error, StringComparison.Ordinal);
        Assert.Contains("wrote HTML report to out/report.html", noBucket.Error, StringComparison.Ordinal);
        Assert.Contains(noBucket.OutputLines, l => l.Contains("│ Final equity", StringComparison.Ordinal));
        Assert.Equal(["TEST.csv", "config/base/object_storage.yaml", "out/report.html", "out/trades.csv"], Files());

        File.Delete(_dir.File("out/trades.csv"));
        var deadEndpoint = await CliRun.RunWithEnvironmentAsync(_dir.Path, S3Variables(),
            ["--set", "object_storage.endpoint_url=http://127.0.0.1:1", "--set", "object_storage.max_retries=0", .. Example, "--output", "out/trades.csv", "--equity", "s3://results/equity.csv"]);

        Assert.Equal(1, deadEndpoint.ExitCode);
        Assert.Contains("error: equity CSV was not written to s3://results/equity.csv: Could not upload s3://results/equity.csv to object storage at http://127.0.0.1:1", deadEndpoint.Error, StringComparison.Ordinal);
        Assert.Contains("Check ObjectStorage:EndpointUrl", deadEndpoint.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("out/trades.csv")));
        Assert.DoesNotContain(moto.SecretAccessKey, noBucket.Error + deadEndpoint.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_object_storage_settings_are_a_user_error_before_anything_is_written()
    {
        WriteObjectStorageConfiguration();
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string> { ["TRADEWIND_S3_SECRET_ACCESS_KEY"] = moto.SecretAccessKey },
            ["--set", "object_storage.endpoint_url=ftp://nowhere", .. Example, "--output", "out/trades.csv", "--json", "s3://results/summary.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the object storage settings of the configuration (development) are invalid:", result.Error, StringComparison.Ordinal);
        Assert.Contains("object_storage.endpoint_url", result.Error, StringComparison.Ordinal);
        Assert.Contains("object_storage.access_key_id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(moto.SecretAccessKey, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }

    [Theory]
    [InlineData("--strategy|smacross", "--strategy: unknown strategy 'smacross'; known: buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator")]
    [InlineData("--param|fsat=3", "--param: strategy sma-cross: unknown parameter 'fsat' (known: fast, slow, size); did you mean 'fast'?")]
    [InlineData("--param|fast=0", "fast: 0 is outside 1..10000")]
    [InlineData("--param|fast", "--param: 'fast' is not name=value; write e.g. --param fast=20")]
    [InlineData("--data|missing.csv", "--data: missing.csv: file not found")]
    [InlineData("--data|BAD.csv", "BAD.csv:3: column 'close': ")]
    [InlineData("--symbol|SPY", "--symbol and --data are both given")]
    [InlineData("--start|2030-01-01", "no bar falls in the period --start 2030-01-01 .. --end (last bar): TEST has 2024-01-02 to 2024-01-18; choose dates inside the data")]
    [InlineData("--end|2024-1-5", "--end: '2024-1-5' is not a date; write it as yyyy-MM-dd")]
    [InlineData("--commission|per-share", "--commission: commission spec 'per-share' is not valid: per-share needs a rate per share")]
    [InlineData("--fill|close", "--fill: 'close' is not a fill rule; use next-open (the default) or next-close")]
    [InlineData("--cash|lots", "--cash: 'lots' is not a positive amount")]
    [InlineData("--equity|out", "--equity: out is a folder; name a file in it")]
    [InlineData("--json|s3://x/summary.json", "--json: 's3://x/summary.json' is not a valid object storage URL")]
    [InlineData("--config|missing.yaml", "--config: missing.yaml: file not found")]
    [InlineData("--config|bad.yaml", "bad.yaml:1: unknown key 'outptu'")]
    [InlineData("--config|badstart.yaml", "error: badstart.yaml: start: '2020-13-01' is not a date; write it as yyyy-MM-dd")]
    [InlineData("--risk-free|-1", "--risk-free: '-1' is not an annual rate as a fraction greater than -1; write e.g. 0.04 for 4%")]
    [InlineData("--leverage|0.5", "--leverage: '0.5' is not a leverage of at least 1")]
    [InlineData("--fills|TEST.csv", "--fills TEST.csv is the price file --data TEST.csv: writing it would destroy an input of the run")]
    [InlineData("--positions|out", "--positions: out is a folder; name a file in it, e.g. out/positions.csv")]
    public async Task A_bad_input_is_exit_1_with_a_message_naming_it_and_nothing_is_written(string extra, string message)
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
        _dir.Write("BAD.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n2024-01-03,1,2,0.5,abc,100\n");
        _dir.Write("bad.yaml", "outptu: t.csv\n");
        _dir.Write("badstart.yaml", "start: 2020-13-01\n");
        Directory.CreateDirectory(_dir.File("out"));
        var arguments = Example.ToList();
        var (option, value) = (extra.Split('|')[0], extra.Split('|')[1]);
        var index = arguments.IndexOf(option);
        if (index >= 0 && option is "--strategy" or "--data")
        {
            arguments[index + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var result = await CliRun.RunAsync(_dir.Path, [.. arguments, "--output", "out/trades.csv", "--report", "out/report.html"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was run or written", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.File("out")));
        Assert.Equal(BacktestExamples.SmallDailyCsv, await File.ReadAllTextAsync(_dir.File("TEST.csv"), Ct));
    }

    [Fact]
    public async Task Risk_free_rate_leverage_and_whole_shares_are_options_recorded_in_the_summary_and_its_table()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunAsync(_dir.Path,
            "backtest", "--strategy", "buy-and-hold", "--data", "TEST.csv", "--cash", "100003", "--risk-free", "0.04", "--leverage", "2", "--whole-shares",
            "--json", "s.json", "--fills", "f.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(result.OutputLines, l => l.Contains("│ Costs", StringComparison.Ordinal)
            && l.Contains("commission none, slippage 0 bps, fill next-open, risk-free 4.00%, leverage 2x, whole shares", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("s.json"), Ct));
        var s = summary.RootElement;
        Assert.Equal(0.04, s.GetProperty("risk_free_rate").GetDouble());
        Assert.Equal(2m, s.GetProperty("max_leverage").GetDecimal());
        Assert.True(s.GetProperty("whole_shares").GetBoolean());
        Assert.Equal("10000", (await File.ReadAllLinesAsync(_dir.File("f.csv"), Ct))[1].Split(',')[3]);
    }

    [Fact]
    public async Task Positions_open_at_the_end_are_a_table_after_the_figures_and_an_output()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunAsync(_dir.Path, [.. Example, "--positions", "out/positions.csv", "--json", "out/summary.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(result.OutputLines, l => l.Contains("│ Open positions", StringComparison.Ordinal) && l.Contains("1, unrealized P&L 27.50 (not in the trade figures)", StringComparison.Ordinal));
        var title = Array.FindIndex(result.OutputLines, l => l.Contains("Open positions at the end (not round trips: not in the trade figures)", StringComparison.Ordinal));
        Assert.True(title > Array.FindIndex(result.OutputLines, l => l.Contains("│ Elapsed", StringComparison.Ordinal)), result.Output);
        Assert.Contains(result.OutputLines, l => Cells(l) == "TEST|10|10.25|13.00|2024-01-18|2024-01-16|130.00|27.50");
        Assert.Contains("wrote positions CSV to out/positions.csv", result.Error, StringComparison.Ordinal);
        Assert.Equal(
            ["symbol,quantity,average_cost,last_price,last_price_time,entry_time,market_value,unrealized_pnl", "TEST,10,10.25,13,2024-01-18,2024-01-16,130,27.5"],
            await File.ReadAllLinesAsync(_dir.File("out/positions.csv"), Ct));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/summary.json"), Ct));
        Assert.Equal(27.5m, summary.RootElement.GetProperty("unrealized_pnl").GetDecimal());
        Assert.Equal("TEST", summary.RootElement.GetProperty("open_positions")[0].GetProperty("symbol").GetString());

        // A run that ends flat prints no positions table.
        var flat = await CliRun.RunAsync(_dir.Path, [.. Example, "--end", "2024-01-12"]);
        Assert.True(flat.ExitCode == 0, flat.Error);
        Assert.DoesNotContain("Open positions at the end", flat.Output, StringComparison.Ordinal);
        Assert.Contains(flat.OutputLines, l => l.Contains("│ Open positions", StringComparison.Ordinal) && l.Contains("│ none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_output_over_the_settings_file_is_refused_naming_both_and_the_file_is_kept()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
        var yaml = _dir.Write("run.yaml", "strategy: buy-and-hold\ndata: TEST.csv\n");

        var result = await CliRun.RunAsync(_dir.Path, "backtest", "--config", "run.yaml", "--json", "run.yaml", "--output", "out/trades.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: --json run.yaml is the settings file --config run.yaml: writing it would destroy an input of the run; name another file", result.Error, StringComparison.Ordinal);
        Assert.Equal("strategy: buy-and-hold\ndata: TEST.csv\n", await File.ReadAllTextAsync(yaml, Ct));
        Assert.Equal(["TEST.csv", "run.yaml"], Files());
    }

    [Fact]
    public async Task The_shared_SPY_and_BTC_files_warn_that_bitcoin_covers_only_part_of_the_period()
    {
        File.Copy(SharedData.File("daily/SPY.csv"), _dir.File("SPY.csv"));
        File.Copy(SharedData.File("daily/BTC-USD.csv"), _dir.File("BTC-USD.csv"));

        var result = await CliRun.RunAsync(_dir.Path, "backtest", "--strategy", "equal-weight", "--data", "SPY.csv", "--data", "BTC-USD.csv", "--json", "s.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(
            "warning: BTC-USD: its first bar is 2014-09-17, after the traded period's first bar 1993-01-29: it is not traded before 2014-09-17; pass --start 2014-09-17 to start there",
            result.Error,
            StringComparison.Ordinal);
        Assert.Contains(
            "warning: BTC-USD: its last bar is 2022-03-01, before the traded period's last bar 2025-01-07: a position in it is valued at its last close 2022-03-01 for the rest of the run; pass --end 2022-03-01 to stop there",
            result.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("warning: SPY", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.Contains("│ Final equity", StringComparison.Ordinal));

        var bounded = await CliRun.RunAsync(_dir.Path, "backtest", "--strategy", "equal-weight", "--data", "SPY.csv", "--data", "BTC-USD.csv", "--start", "2014-09-17", "--end", "2022-03-01");
        Assert.True(bounded.ExitCode == 0, bounded.Error);
        Assert.DoesNotContain("warning:", bounded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbol_that_is_not_in_the_database_is_exit_1_with_the_fix()
    {
        var result = await CliRun.RunAsync(_dir.Path, "--db", "t.db", "backtest", "--strategy", "buy-and-hold", "--symbol", "QQQ", "--output", "t.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: --symbol QQQ: no bars of QQQ are stored in {_dir.File("t.db")}; import them first ('tradewind data import QQQ.csv')", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("t.csv")));
    }

    [Fact]
    public async Task A_settings_file_supplies_the_run_and_options_win_over_it()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
        _dir.Write("runs/example.yaml", """
            strategy: sma-cross
            data: TEST.csv
            params: { fast: 1, slow: 2, size: 10 }
            commission: fixed:5
            output: out/from-file.csv
            json: out/summary.json
            """);

        var result = await CliRun.RunAsync(_dir.Path, "backtest", "--config", "runs/example.yaml", "--commission", "fixed:1", "--output", "out/trades.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["TEST.csv", "out/summary.json", "out/trades.csv", "runs/example.yaml"], Files());
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/summary.json"), Ct));
        Assert.Equal("fixed:1", summary.RootElement.GetProperty("commission").GetString());
        Assert.Equal(10m, summary.RootElement.GetProperty("parameters").GetProperty("size").GetDecimal());
    }

    [Fact]
    public async Task A_missing_strategy_option_is_a_user_error_listing_the_catalogue()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);

        var result = await CliRun.RunAsync(_dir.Path, "backtest", "--data", "TEST.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--strategy is missing: name one of buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator (see 'tradewind strategies')", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    // A table row's cells, trimmed, joined by '|': "│ TEST │ 10 │" is "TEST|10".
    private static string Cells(string line) => string.Join('|', line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string WithoutRun(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|made [^.]*UTC|<tr><td>Elapsed</td><td>[^<]*</td></tr>", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));

    private List<string> Files() =>
        Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private ObjectStorageOptions StoreOptions() => new() { EndpointUrl = moto.EndpointUrl, AccessKeyId = moto.AccessKeyId, SecretAccessKey = moto.SecretAccessKey };

    private async Task<string> CreateBucketAsync()
    {
        moto.Require();
        var bucket = moto.NewBucketName("bt");
        using var client = S3ObjectStore.CreateClient(StoreOptions());
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, Ct);
        return bucket;
    }

    // The shipped file, whose keys come from TRADEWIND_S3_ACCESS_KEY_ID / TRADEWIND_S3_SECRET_ACCESS_KEY.
    private void WriteObjectStorageConfiguration() =>
        _dir.Write("config/base/object_storage.yaml", File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "config", "base", "object_storage.yaml")));

    private Dictionary<string, string> S3Variables() => new()
    {
        ["TRADEWIND_S3_ACCESS_KEY_ID"] = moto.AccessKeyId,
        ["TRADEWIND_S3_SECRET_ACCESS_KEY"] = moto.SecretAccessKey,
    };
}
