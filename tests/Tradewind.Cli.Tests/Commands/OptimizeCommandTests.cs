using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Data.Csv;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class OptimizeCommandTests : IDisposable
{
    private const string Header =
        "rank,fast,slow,size,sharpe,sortino,cagr,calmar,total_return,final_equity,net_profit,profit_factor,win_rate,expectancy,trades,exposure,turnover,max_drawdown,volatility,winning_trades,losing_trades,bars";

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Writes_every_evaluated_combination_best_first_and_counts_the_skipped_ones()
    {
        var spy = CopySpy();

        var result = await CliRun.RunAsync(_dir.Path, "optimize", "--strategy", "sma-cross", "--data", spy, "--grid", "fast=10:50:10", "--grid", "slow=20:60:20", "--top", "3", "--output", "out/results.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(_dir.File("out/results.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(Header, lines[0]);

        // 5 fast × 3 slow = 15; fast < slow for 1 + 3 + 5 = 9.
        Assert.Equal(10, lines.Length);
        Assert.Contains("skipped 6 of 15 combinations the strategy refuses: 6 × fast must be less than slow", result.Error, StringComparison.Ordinal);
        Assert.Contains("through the sma-cross kernel", result.Error, StringComparison.Ordinal);
        Assert.Contains("wrote 9 combinations to out/results.csv", result.Error, StringComparison.Ordinal);
        var sharpes = lines.Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));

        // The table shows the top three, ranked by the metric.
        Assert.Contains("sharpe", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, result.OutputLines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^│\s+\d+\s+│")));
    }

    [Fact]
    public async Task A_row_equals_a_single_backtest_with_the_same_parameters_and_costs()
    {
        var spy = CopySpy();

        var result = await CliRun.RunAsync(_dir.Path,
            "optimize", "--strategy", "sma-cross", "--data", spy, "--grid", "fast=15,25", "--grid", "slow=60,120", "--param", "size=50",
            "--commission", "per-share:0.005,min:1", "--slippage-bps", "5", "--fill", "next-close", "--start", "2005-01-03", "--cash", "250000", "--output", "r.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        var row = File.ReadAllLines(_dir.File("r.csv")).Skip(1).Select(l => l.Split(',')).First(c => c[1] == "25" && c[2] == "60");
        var series = CsvBarReader.ReadFile(_dir.File(spy), Symbol.Parse("SPY"));
        var options = new EngineOptions
        {
            Costs = new Core.Execution.ExecutionCosts(new Core.Execution.SlippageModel(5m), Core.Execution.CommissionModel.Parse("per-share:0.005,min:1")),
            FillRule = Core.Execution.FillRule.NextClose,
            Start = new DateTime(2005, 1, 3, 0, 0, 0, DateTimeKind.Utc),
            InitialCash = 250_000m,
        };
        var single = Backtest.Run([series], StrategyCatalog.SmaCross, StrategyCatalog.SmaCross.Defaults.With("fast", 25).With("slow", 60).With("size", 50), options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("50", row[3]);
        Assert.Equal(single.FinalEquity, decimal.Parse(row[9], CultureInfo.InvariantCulture));
        Assert.Equal(single.Statistics.TradeCount, int.Parse(row[14], CultureInfo.InvariantCulture));
        Assert.Equal(single.Statistics.MaxDrawdown, double.Parse(row[17], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_same_grid_gives_the_same_file_whatever_the_number_of_threads()
    {
        var spy = CopySpy();
        string[] args = ["optimize", "--strategy", "sma-cross", "--data", spy, "--grid", "fast=2:40:2", "--grid", "slow=10:200:10", "--metric", "calmar"];

        var one = await CliRun.RunAsync(_dir.Path, [.. args, "--threads", "1", "--output", "one.csv"]);
        var three = await CliRun.RunAsync(_dir.Path, [.. args, "--threads", "3", "--output", "three.csv"]);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(three.ExitCode == 0, three.Error);
        Assert.Equal(await File.ReadAllTextAsync(_dir.File("one.csv"), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(_dir.File("three.csv"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Other_strategies_run_through_the_engine_on_stored_symbols()
    {
        var db = _dir.File("t.db");
        Assert.Equal(0, (await CliRun.RunAsync(_dir.Path, "--db", db, "data", "import", SharedData.File("daily/SPY.csv"), SharedData.File("daily/QQQ.csv"))).ExitCode);

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "optimize", "--strategy", "equal-weight", "--symbol", "SPY", "--symbol", "QQQ", "--grid", "rebalance_bars=5,21,63", "--grid", "cash_buffer=0,0.05", "--output", "ew.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("through the engine per combination (equal-weight has no dedicated kernel)", result.Error, StringComparison.Ordinal);
        Assert.Contains("progress: 100%", result.Error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(_dir.File("ew.csv"));
        Assert.Equal("rank,rebalance_bars,cash_buffer,sharpe", string.Join(',', lines[0].Split(',').Take(4)));
        Assert.Equal(7, lines.Length);
    }

    [Theory]
    [InlineData(1, "--grid 'fsat=5:50:5': sma-cross has no parameter 'fsat' (known: fast, slow, size); did you mean 'fast'?", "--grid", "fsat=5:50:5")]
    [InlineData(1, "--grid 'slow=20:200:0': the step must be positive, got 0; e.g. slow=20:200:1", "--grid", "slow=20:200:0")]
    [InlineData(1, "--param: fast is also swept by --grid 'fast=5,10'; give it one way", "--grid", "fast=5,10", "--param", "fast=7")]
    [InlineData(1, "--metric: 'sharp' is not a metric; use one of sharpe, sortino", "--grid", "fast=5,10", "--metric", "sharp")]
    [InlineData(1, "every combination of the grid was skipped (fast (60) must be less than slow (50))", "--grid", "fast=60,70")]
    [InlineData(1, "--strategy: unknown strategy 'sma'", "--grid", "fast=5", "--strategy", "sma")]
    [InlineData(1, "--threads: 0 must be at least 1", "--grid", "fast=5", "--threads", "0")]
    [InlineData(1, "--commission: commission spec 'free' is not valid", "--grid", "fast=5", "--commission", "free")]
    [InlineData(1, "no bar falls in the period --start 2100-01-01", "--grid", "fast=5", "--start", "2100-01-01")]
    [InlineData(2, "Option '--grid' is required", "--param", "fast=5")]
    public async Task A_bad_request_names_the_input_and_the_fix(int exitCode, string message, params string[] extra)
    {
        var spy = CopySpy();
        var strategy = extra.Contains("--strategy") ? [] : new[] { "--strategy", "sma-cross" };

        var result = await CliRun.RunAsync(_dir.Path, ["optimize", .. strategy, "--data", spy, .. extra, "--output", "never.csv"]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("never.csv")));
    }

    [Fact]
    public async Task Bars_come_from_either_symbols_or_files()
    {
        var both = await CliRun.RunAsync(_dir.Path, "optimize", "--strategy", "sma-cross", "--symbol", "SPY", "--data", "SPY.csv", "--grid", "fast=5");
        var neither = await CliRun.RunAsync(_dir.Path, "optimize", "--strategy", "sma-cross", "--grid", "fast=5");
        var missing = await CliRun.RunAsync(_dir.Path, "optimize", "--strategy", "sma-cross", "--data", "nope.csv", "--grid", "fast=5");

        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--symbol and --data are both given", both.Error, StringComparison.Ordinal);
        Assert.Equal(1, neither.ExitCode);
        Assert.Contains("no bars named: give --data FILE", neither.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--data: nope.csv: file not found", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_header_lists_every_parameter_and_metric()
    {
        Assert.Equal(Header, Cli.Commands.OptimizeCommand.CsvHeader(StrategyCatalog.SmaCross));
        Assert.Equal(OptimizationMetric.All.Count, Cli.Commands.OptimizeCommand.CsvMetrics.Count);
    }

    public void Dispose() => _dir.Dispose();

    private string CopySpy()
    {
        var path = _dir.File("SPY.csv");
        File.Copy(SharedData.File("daily/SPY.csv"), path, overwrite: true);
        return "SPY.csv";
    }
}
