using System.Text.Json;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Time;
using Tradewind.Data.Csv;
using Tradewind.Jobs.Backtesting;
using Tradewind.Jobs.Backtesting.Outputs;
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
        Assert.StartsWith("trades CSV was not written to blocked/trades.csv: ", failure.Message, StringComparison.Ordinal);
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

    [Fact]
    public async Task Risk_free_rate_leverage_and_whole_shares_reach_the_engine_and_the_summary()
    {
        // buy-and-hold buys the whole equity, 100003 / 10 = 10000.3 shares: fractional by default, whole when asked.
        var plain = await _job.RunAsync(new BacktestSettings { Strategy = "buy-and-hold", Data = ["TEST.csv"], Cash = "100003" });
        var set = await _job.RunAsync(new BacktestSettings { Strategy = "buy-and-hold", Data = ["TEST.csv"], Cash = "100003", RiskFree = "0.04", Leverage = "2", WholeShares = true });

        Assert.Equal(10000.3m, Assert.Single(plain.Result.Journal.Fills).Fill.Quantity);
        Assert.Equal(10000m, Assert.Single(set.Result.Journal.Fills).Fill.Quantity);
        Assert.Equal((0.04, 2m), (set.Result.Options.RiskFreeRate, set.Result.Options.MaxLeverage));
        Assert.Equal((0.04, 2m, true), (set.Summary.RiskFreeRate, set.Summary.MaxLeverage, set.Summary.WholeShares));
        Assert.Equal((0.0, 1m, false), (plain.Summary.RiskFreeRate, plain.Summary.MaxLeverage, plain.Summary.WholeShares));
        Assert.NotEqual(plain.Summary.Sharpe, set.Summary.Sharpe);
        Assert.Contains(
            set.Summary.Figures(),
            f => f.Key == "Costs" && f.Value == "commission none, slippage 0 bps, fill next-open, risk-free 4.00%, leverage 2x, whole shares");
        using var json = JsonDocument.Parse(set.Summary.ToJson());
        Assert.Equal(("0.04", "2", true), (json.RootElement.GetProperty("risk_free_rate").GetRawText(), json.RootElement.GetProperty("max_leverage").GetRawText(), json.RootElement.GetProperty("whole_shares").GetBoolean()));
    }

    [Fact]
    public async Task Whole_shares_leave_crypto_in_its_lots()
    {
        _job.Write("BTC-USD.csv", BacktestExamples.SmallDailyCsv);

        var run = await _job.RunAsync(new BacktestSettings { Strategy = "buy-and-hold", Data = ["BTC-USD.csv"], Cash = "100003", WholeShares = true });

        Assert.Equal(10000.3m, Assert.Single(run.Result.Journal.Fills).Fill.Quantity);
    }

    [Fact]
    public async Task An_output_naming_a_price_file_or_the_settings_file_is_refused_before_anything_runs()
    {
        _job.Write("data/SPY.csv", BacktestExamples.SmallDailyCsv);
        _job.Write("run.yaml", "strategy: buy-and-hold\n");
        var settings = new BacktestSettings
        {
            Strategy = "buy-and-hold",
            Data = ["TEST.csv", "data/SPY.csv"],
            ConfigFile = "run.yaml",
            Outputs = new BacktestOutputs { Trades = "data/SPY.csv", Equity = "./TEST.csv", Summary = "run.yaml", Report = "out/report.html" },
        };

        var ex = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(settings));

        Assert.Equal(
            [
                "--output data/SPY.csv is the price file --data data/SPY.csv: writing it would destroy an input of the run; name another file",
                "--equity ./TEST.csv is the price file --data TEST.csv: writing it would destroy an input of the run; name another file",
                "--json run.yaml is the settings file --config run.yaml: writing it would destroy an input of the run; name another file",
            ],
            ex.Problems);
        Assert.Equal(BacktestExamples.SmallDailyCsv, await File.ReadAllTextAsync(_job.File("data/SPY.csv"), Ct));
        Assert.Equal(["TEST.csv", "data/SPY.csv", "run.yaml"], _job.Files());
    }

    [Fact]
    public async Task Problems_with_files_and_outputs_from_the_settings_file_name_the_file_and_key()
    {
        Directory.CreateDirectory(_job.File("out"));
        var settings = BacktestSettingsFile.Parse("""
            strategy: buy-and-hold
            data: [TEST.csv, missing.csv]
            output: out
            equity: TEST.csv
            """, "run.yaml");

        var outputs = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(settings));
        var files = await Assert.ThrowsAsync<JobInputException>(() => _job.RunAsync(settings with { Outputs = new BacktestOutputs() }));

        Assert.Equal(
            [
                "run.yaml: output: out is a folder; name a file in it, e.g. out/trades.csv",
                "equity (run.yaml) TEST.csv is the price file data (run.yaml) TEST.csv: writing it would destroy an input of the run; name another file",
            ],
            outputs.Problems);
        Assert.Equal($"run.yaml: data: missing.csv: file not found (relative paths start at {_job.Folder})", files.Message);
    }

    [Fact]
    public async Task A_series_that_ends_before_the_others_is_a_warning_naming_its_last_close_and_the_end_that_stops_there()
    {
        // BTC-USD trades every day and stops on 2024-01-10; TEST (NYSE) runs to 2024-01-18. TEST has no bar on 2024-01-01,
        // BTC-USD's first day, but the exchange was closed (New Year's Day): that is not missing data.
        _job.Write("BTC-USD.csv", DailyCsv(TradingCalendars.Crypto, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 10)));

        var run = await _job.RunAsync(new BacktestSettings { Strategy = "equal-weight", Data = ["TEST.csv", "BTC-USD.csv"] });

        Assert.Equal(
            ["BTC-USD: its last bar is 2024-01-10, before the traded period's last bar 2024-01-18: a position in it is valued at its last close 2024-01-10 for the rest of the run; pass --end 2024-01-10 to stop there"],
            run.Warnings);
        Assert.Contains(run.Result.OpenPositions, p => p.Symbol.Ticker == "BTC-USD" && p.LastPriceTime == new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));
        var stopped = await _job.RunAsync(new BacktestSettings { Strategy = "equal-weight", Data = ["TEST.csv", "BTC-USD.csv"], End = "2024-01-10" });
        Assert.Empty(stopped.Warnings);
    }

    [Fact]
    public async Task A_series_that_starts_late_is_a_warning_and_weekends_and_holidays_are_not()
    {
        // LATE starts on 2024-01-09, a week into the period; WEEK (NYSE) ends on Friday 2024-01-12 while BTC-USD runs to
        // Sunday 2024-01-14 and starts on the Saturday before TEST's first bar: no trading day is missing from those.
        _job.Write("LATE.csv", DailyCsv(TradingCalendars.Nyse, new DateOnly(2024, 1, 9), new DateOnly(2024, 1, 12)));
        _job.Write("WEEK.csv", DailyCsv(TradingCalendars.Nyse, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 12)));
        _job.Write("BTC-USD.csv", DailyCsv(TradingCalendars.Crypto, new DateOnly(2023, 12, 30), new DateOnly(2024, 1, 14)));

        var run = await _job.RunAsync(new BacktestSettings { Strategy = "equal-weight", Data = ["LATE.csv", "WEEK.csv", "BTC-USD.csv"] });

        Assert.Equal(
            ["LATE: its first bar is 2024-01-09, after the traded period's first bar 2023-12-30: it is not traded before 2024-01-09; pass --start 2024-01-09 to start there"],
            run.Warnings);
    }

    [Fact]
    public async Task Capital_allocator_runs_on_spy_qqq_and_dia_files_with_the_jobs_quantities_and_deposits()
    {
        // tradewind backtest --strategy capital-allocator --data SPY.csv --data QQQ.csv --data DIA.csv --start .. --end ..
        var data = new[] { "SPY", "QQQ", "DIA" }.Select(s => SharedData.File($"daily/{s}.csv")).ToList();

        var run = await _job.RunAsync(new BacktestSettings { Strategy = "capital-allocator", Data = data, Start = "2020-01-02", End = "2020-06-30" });

        Assert.Empty(run.Warnings);
        Assert.Equal(1000m, run.Summary.InitialCash);
        var result = run.Result;

        // Each of the 125 trading days executed (years of history before the start): the initial cash paid for the first,
        // 1,000 was deposited at the open of each other one.
        Assert.Equal(125, result.Journal.Equity.Count);
        Assert.Equal(125 * 1000m, result.Final.NetContributions);
        Assert.Contains(result.Journal.Fills, f => f.Fill.Side == Core.Execution.OrderSide.Sell);

        // Every buy is the execute job's quantity for its dollars at that open: 4 decimals, rounded down, never overspent.
        var buys = result.Journal.Orders.Where(o => o.Side == Core.Execution.OrderSide.Buy && o.Status == Core.Execution.OrderStatus.Filled).ToList();
        Assert.True(buys.Count > 100, $"{buys.Count} buys");
        Assert.All(buys, o => Assert.Equal(
            AllocatorExecution.BuyQuantity(decimal.Parse(o.Sizing.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), o.FillPrice!.Value),
            o.Quantity));
        Assert.DoesNotContain(result.Journal.Orders, o => o.Status == Core.Execution.OrderStatus.Rejected);
    }

    [Fact]
    public async Task A_writer_that_fails_unexpectedly_is_recorded_with_its_type_and_the_others_are_still_written()
    {
        var run = await _job.RunAsync(JobRun.Example());
        var writers = new IBacktestOutputWriter[]
        {
            new FailingWriter("trades CSV", "out/trades.csv", new InvalidOperationException("a bug")),
            new FailingWriter("summary JSON", "out/summary.json", null),
            new FailingWriter("HTML report", "out/report.html", new IOException("disk full")),
        };

        var (written, failures) = await BacktestJob.WriteAsync(writers, run.Result, run.Summary, Ct);

        Assert.Equal(["summary JSON to out/summary.json"], written);
        Assert.Equal(
            [
                "trades CSV was not written to out/trades.csv: unexpected System.InvalidOperationException: a bug",
                "HTML report was not written to out/report.html: disk full",
            ],
            failures.Select(f => f.Message));
        Assert.Equal([true, false], failures.Select(f => f.Unexpected));
        Assert.IsType<InvalidOperationException>(failures[0].Error);
    }

    [Fact]
    public async Task A_cancellation_while_writing_is_not_recorded_as_a_failure()
    {
        var run = await _job.RunAsync(JobRun.Example());
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            BacktestJob.WriteAsync([new FailingWriter("trades CSV", "t.csv", new OperationCanceledException(cancel.Token))], run.Result, run.Summary, cancel.Token));
    }

    public void Dispose() => _job.Dispose();

    // A daily file with a bar on every date from `first` to `last` that the calendar trades, rising by 1 a bar.
    private static string DailyCsv(TradingCalendar calendar, DateOnly first, DateOnly last)
    {
        var text = new System.Text.StringBuilder("date,open,high,low,close,volume\n");
        var price = 10;
        foreach (var d in calendar.TradingDays(first, last))
        {
            price++;
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd},{price},{price + 1},{price},{price + 1},1000\n");
        }

        return text.ToString();
    }

    private sealed class FailingWriter(string description, string target, Exception? error) : IBacktestOutputWriter
    {
        public string Target => target;

        public string Description => description;

        public Task WriteAsync(Core.Engine.BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken) =>
            error is null ? Task.CompletedTask : Task.FromException(error);
    }
}
