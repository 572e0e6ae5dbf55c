using System.Text.Json;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Jobs.Backtesting;
using Tradewind.Storage.Backtests;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed class BacktestJobTests : IDisposable
{
    private readonly JobRun _job = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_example_gives_the_hand_worked_trades_equity_and_figures()
    {
        var run = await _job.RunAsync(JobRun.Example());

        var trade = Assert.Single(run.Result.Journal.ClosedTrades);
        Assert.Equal((10.5m, 11.5m, 10m, 10m, 3), (trade.EntryPrice, trade.ExitPrice, trade.Quantity, trade.ProfitLoss, trade.BarsHeld));
        Assert.Equal(BacktestExamples.SmallDailyEquity, run.Result.Journal.Equity.Equity.ToArray());
        var s = run.Summary;
        Assert.Equal(100_037.5m, s.FinalEquity);
        Assert.Equal(0.000375, s.TotalReturn, 12);
        Assert.Equal(10.0 / 100_015, s.MaxDrawdown, 15);
        Assert.Equal((12L, 1, 3, 3), (s.Bars, s.ClosedTrades, s.FillCount, s.OrderCount));
        Assert.Equal((1.0, 10m, 10m, 10m), (s.WinRate, s.Expectancy, s.BestTrade, s.WorstTrade));
        Assert.Null(s.ProfitFactor);
        Assert.Null(s.AverageLoss);
        Assert.Equal(0.5, s.Exposure);
        Assert.Equal(JobRun.Now, s.CreatedAt);
        Assert.Equal(7, s.RunId.Version);
        Assert.Empty(run.Written);
        Assert.Empty(run.Failures);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public async Task Start_and_end_bound_the_traded_period_and_earlier_bars_only_warm_up()
    {
        var run = await _job.RunAsync(JobRun.Example() with { Start = "2024-01-09", End = "2024-01-17" });

        Assert.Equal(new DateTime(2024, 1, 9, 0, 0, 0, DateTimeKind.Utc), run.Summary.Start);
        Assert.Equal(new DateTime(2024, 1, 17, 0, 0, 0, DateTimeKind.Utc), run.Summary.End);
        Assert.Equal(6, run.Summary.Bars);
        // The crossover of 01-04 happened in the warm-up: its order was ignored, so the first trade is the entry of 01-16.
        var fill = Assert.Single(run.Result.Journal.Fills);
        Assert.Equal(10.25m, fill.Fill.Price);
    }

    [Fact]
    public async Task Bars_stored_in_the_database_run_like_the_file()
    {
        var database = await _job.Environment.OpenDatabaseAsync(Ct);
        await new PriceHistoryRepository(database).UpsertAsync([CsvBarReader.ReadFile(_job.File("TEST.csv"), Symbol.Parse("TEST"))], Ct);

        var fromDatabase = await _job.RunAsync(JobRun.Example() with { Data = [], Symbols = ["test"] });
        var fromFile = await _job.RunAsync(JobRun.Example());

        Assert.Equal(fromFile.Result.Journal.Equity.Equity.ToArray(), fromDatabase.Result.Journal.Equity.Equity.ToArray());
        Assert.Equal(fromFile.Summary.FinalEquity, fromDatabase.Summary.FinalEquity);
    }

    [Fact]
    public async Task Save_stores_the_run_and_its_trades_in_one_go()
    {
        var run = await _job.RunAsync(JobRun.Example() with { Save = true });

        Assert.Equal([$"run and its trades to database {_job.File("data/test.db")}"], run.Written);
        var repository = new BacktestRunRepository(await _job.Environment.OpenDatabaseAsync(Ct));
        var stored = await repository.FindAsync(run.Summary.RunId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(("sma-cross", "TEST", 100_037.5m, 1), (stored.Strategy, string.Join(',', stored.Symbols), stored.FinalEquity, stored.ClosedTrades));
        Assert.Equal("""{"fast":1,"slow":2,"size":10}""", stored.Parameters);
        Assert.Equal(run.Summary.ToJson(indented: false), stored.Summary);
        Assert.Equal(run.Result.Journal.ClosedTrades, await repository.TradesAsync(run.Summary.RunId, Ct));
    }

    [Fact]
    public async Task Every_output_is_written_and_reported()
    {
        var run = await _job.RunAsync(JobRun.Example(new BacktestOutputs
        {
            Trades = "out/trades.csv",
            Fills = "out/fills.jsonl",
            Equity = "out/equity.csv",
            Orders = "out/orders.csv",
            Summary = "out/summary.json",
            Report = "out/report.html",
        }));

        Assert.Equal(
            [
                "trades CSV to out/trades.csv", "fills JSON lines to out/fills.jsonl", "equity CSV to out/equity.csv", "orders CSV to out/orders.csv",
                "summary JSON to out/summary.json", "HTML report to out/report.html",
            ],
            run.Written);
        Assert.Equal(["TEST.csv", "out/equity.csv", "out/fills.jsonl", "out/orders.csv", "out/report.html", "out/summary.json", "out/trades.csv"], _job.Files());
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_job.File("out/summary.json"), Ct));
        Assert.Equal(run.Summary.RunId.ToString(), summary.RootElement.GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_a_failure_and_the_others_are_still_written()
    {
        _job.Write("blocked", "a file where a folder is needed");

        var run = await _job.RunAsync(JobRun.Example(new BacktestOutputs { Trades = "blocked/trades.csv", Summary = "ok/summary.json" }));

        var failure = Assert.Single(run.Failures);
        Assert.StartsWith("trades CSV was not written to blocked/trades.csv: ", failure, StringComparison.Ordinal);
        Assert.Equal(["summary JSON to ok/summary.json"], run.Written);
        Assert.True(File.Exists(_job.File("ok/summary.json")));
        Assert.False(run.Succeeded);
    }

    [Fact]
    public async Task A_missing_file_a_file_named_after_no_symbol_and_a_bad_row_are_all_reported_and_nothing_is_written()
    {
        _job.Write("BAD.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n2024-01-03,1,2,0.5,-4,100\n");
        _job.Write("my prices.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n");

        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example(new BacktestOutputs { Trades = "out/t.csv" }) with
        {
            Data = ["TEST.csv", "missing.csv", "BAD.csv", "my prices.csv"],
        }));

        Assert.Equal(3, ex.Problems.Count);
        Assert.Equal($"--data: missing.csv: file not found (relative paths start at {_job.Folder})", ex.Problems[0]);
        Assert.StartsWith("BAD.csv:3: column 'close': ", ex.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith("--data: file name 'my prices.csv' does not name a symbol: symbol 'my prices' contains ' '", ex.Problems[2], StringComparison.Ordinal);
        Assert.Equal(["BAD.csv", "TEST.csv", "my prices.csv"], _job.Files());
    }

    [Fact]
    public async Task Two_files_of_one_symbol_or_of_different_bar_lengths_are_refused()
    {
        _job.Write("sub/TEST.csv", BacktestExamples.SmallDailyCsv);
        _job.Write("MIN_1m.csv", "timestamp,open,high,low,close,volume\n2024-01-02T09:30:00-05:00,1,1,1,1,1\n2024-01-02T09:31:00-05:00,1,1,1,1,1\n");

        var same = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Data = ["TEST.csv", "sub/TEST.csv"] }));
        var mixed = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Data = ["TEST.csv", "MIN_1m.csv"] }));

        Assert.Equal("--data: TEST.csv and sub/TEST.csv hold the same symbol TEST; give each symbol once", same.Message);
        Assert.Equal("--data: the files hold bars of different lengths (TEST.csv 1d, MIN_1m.csv 1m); backtest files of one resolution together, or name it with --resolution", mixed.Message);
    }

    [Fact]
    public async Task An_empty_period_names_the_data_range()
    {
        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Start = "2025-01-01" }));

        Assert.Equal("no bar falls in the period --start 2025-01-01 .. --end (last bar): TEST has 2024-01-02 to 2024-01-18; choose dates inside the data", ex.Message);
    }

    [Fact]
    public async Task A_symbol_that_is_not_stored_is_named_with_the_fix()
    {
        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Data = [], Symbols = ["SPY"] }));

        Assert.Equal($"--symbol SPY: no bars of SPY are stored in {_job.File("data/test.db")}; import them first ('tradewind data import SPY.csv'), or read a file with --data", ex.Message);
    }

    [Fact]
    public async Task A_symbol_stored_at_another_resolution_or_only_after_the_end_is_named_with_the_fix()
    {
        var database = await _job.Environment.OpenDatabaseAsync(Ct);
        await new PriceHistoryRepository(database).UpsertAsync([CsvBarReader.ReadFile(_job.File("TEST.csv"), Symbol.Parse("TEST"))], Ct);

        var hourly = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Data = [], Symbols = ["TEST"], Resolution = "1h" }));
        var early = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example() with { Data = [], Symbols = ["TEST"], End = "2023-12-31" }));

        Assert.Equal("--symbol TEST: TEST is stored, but not at 1h; name the stored resolution with --resolution ('tradewind data list' shows it)", hourly.Message);
        Assert.Equal("--symbol TEST: no 1d bar of TEST is stored on or before --end 2023-12-31; choose a later --end ('tradewind data list' shows the stored range)", early.Message);
    }

    [Fact]
    public async Task Bad_output_targets_are_refused_before_anything_runs()
    {
        Directory.CreateDirectory(_job.File("out"));

        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example(new BacktestOutputs
        {
            Trades = "out",
            Fills = "s3://Results/fills.csv",
            Equity = "e.csv",
            Orders = "./e.csv",
        })));

        Assert.Equal(
            [
                "--output: out is a folder; name a file in it, e.g. out/trades.csv",
                "--fills: 's3://Results/fills.csv' is not a valid object storage URL: bucket name 'Results' contains an uppercase letter; bucket names are lowercase.",
                "--orders and --equity both name ./e.csv; give each output its own file",
            ],
            ex.Problems);
        Assert.Equal(["TEST.csv"], _job.Files());
    }

    [Fact]
    public async Task Invalid_object_storage_settings_are_refused_before_anything_runs()
    {
        _job.ObjectStorage = new Data.ObjectStorage.ObjectStorageOptions { EndpointUrl = "ftp://x", AccessKeyId = "AKIA1" };

        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(JobRun.Example(new BacktestOutputs { Trades = "t.csv", Summary = "s3://results/s.json" })));

        Assert.Equal("object storage settings (for s3://results/s.json): ObjectStorage:EndpointUrl 'ftp://x' is not an absolute http:// or https:// URL. See docs/object-storage.md.", ex.Message);
        Assert.Equal(["TEST.csv"], _job.Files());
    }

    [Fact]
    public async Task A_symbol_without_bars_in_the_period_is_a_warning_when_others_have_some()
    {
        _job.Write("OLD.csv", "date,open,high,low,close,volume\n2023-01-03,1,1,1,1,1\n2023-01-04,1,1,1,1,1\n");

        var run = await _job.RunAsync(new BacktestSettings { Strategy = "buy-and-hold", Data = ["TEST.csv", "OLD.csv"], Start = "2024-01-02" });

        Assert.Equal(["OLD has 2023-01-03 to 2023-01-04, no bar in the period --start 2024-01-02 .. --end (last bar): it is not traded"], run.Warnings);
    }

    public void Dispose() => _job.Dispose();
}
