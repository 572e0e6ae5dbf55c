using Tradewind.Core.Engine;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Tests.Optimization;

public sealed class OptimizerTests
{
    private static StrategyDefinition SmaCross => StrategyCatalog.SmaCross;

    [Fact]
    public void Combinations_the_strategy_refuses_are_skipped_and_counted_with_the_reason()
    {
        var series = OptimizerEqualityTests.Series("random-daily");
        var grid = ParameterGrid.Parse(SmaCross, ["fast=10:60:10", "slow=20:60:20"]);

        var result = Optimizer.Run([series], grid, SmaCross.Defaults, new EngineOptions(), cancellationToken: TestContext.Current.CancellationToken);

        // 6 fast × 3 slow; fast < slow holds for 1 + 3 + 5 of them.
        Assert.Equal(18, grid.CombinationCount);
        Assert.Equal(9, result.Rows.Count);
        Assert.Equal(9, result.Skipped.Count);
        Assert.Equal(Enumerable.Range(0, 18), result.Rows.Select(r => r.Index).Concat(result.Skipped.Select(s => s.Index)).Order());
        Assert.All(result.Skipped, s => Assert.Contains("must be less than slow", s.Reason, StringComparison.Ordinal));
        Assert.Equal("fast (20) must be less than slow (20)", result.Skipped.First(s => s.Parameters.Integer("fast") == 20).Reason);
        Assert.Equal(9L * series.Count, result.BarEvaluations);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var series = OptimizerEqualityTests.Minutes("ETH-USD", seed: 5, length: 30_000);
        var grid = ParameterGrid.Parse(SmaCross, ["fast=2:40:3", "slow=10:150:7"]);

        var runs = new[] { 1, 2, 3 }
            .Select(threads => Optimizer.Run([series], grid, SmaCross.Defaults, new EngineOptions(), new OptimizerSettings { MaxDegreeOfParallelism = threads }, cancellationToken: TestContext.Current.CancellationToken))
            .ToList();

        Assert.True(runs[0].Rows.Count > 200);
        foreach (var other in runs.Skip(1))
        {
            Assert.Equal(runs[0].Rows.Select(r => r.Index), other.Rows.Select(r => r.Index));
            Assert.Equal(runs[0].Rows.Select(r => r.Metrics), other.Rows.Select(r => r.Metrics));
        }
    }

    [Fact]
    public void Progress_reaches_every_bar_evaluation_and_cancellation_stops_the_run()
    {
        var series = OptimizerEqualityTests.Series("random-daily");
        var grid = ParameterGrid.Parse(SmaCross, ["fast=2:20:2", "slow=30,60"]);
        var reports = new List<OptimizationProgress>();
        var progress = new Recorder(reports);

        var result = Optimizer.Run([series], grid, SmaCross.Defaults, new EngineOptions(), progress: progress, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(reports);
        Assert.Equal(result.BarEvaluations, reports.Max(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(result.BarEvaluations, r.Total));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Optimizer.Run([series], grid, SmaCross.Defaults, new EngineOptions(), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void The_kernel_is_used_only_where_it_reproduces_the_engine()
    {
        var spy = OptimizerEqualityTests.Series("random-daily");
        var other = Engine.BacktestSmokeTests.LoadDaily("SPY");

        Assert.Null(Optimizer.KernelUnavailable([spy], SmaCross, new EngineOptions()));
        Assert.Contains("rsi-bb has no dedicated kernel", Optimizer.KernelUnavailable([spy], StrategyCatalog.RsiBb, new EngineOptions()), StringComparison.Ordinal);
        Assert.Contains("one series", Optimizer.KernelUnavailable([spy, other], SmaCross, new EngineOptions()), StringComparison.Ordinal);
        Assert.Contains("leverage", Optimizer.KernelUnavailable([spy], SmaCross, new EngineOptions { MaxLeverage = 2m }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_without_bars_is_the_engine_error_in_both_paths()
    {
        var series = OptimizerEqualityTests.Series("random-daily");
        var grid = ParameterGrid.Parse(SmaCross, ["fast=5,10"]);
        var options = new EngineOptions { Start = series.Time[^1].AddDays(10) };

        var token = TestContext.Current.CancellationToken;
        var kernel = Assert.Throws<ArgumentException>(() => Optimizer.Run([series], grid, SmaCross.Defaults, options, cancellationToken: token));
        var engine = Assert.Throws<ArgumentException>(() => Optimizer.Run([series], grid, SmaCross.Defaults, options, new OptimizerSettings { UseKernel = false }, cancellationToken: token));

        Assert.Contains("falls in the period", kernel.Message, StringComparison.Ordinal);
        Assert.Contains("falls in the period", engine.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_puts_the_better_value_first_undefined_values_last_and_ties_in_grid_order()
    {
        var grid = ParameterGrid.Parse(SmaCross, ["fast=1:5:1"]);
        OptimizationRow Row(int index, double? sharpe, double drawdown) => new(index, SmaCross.Defaults, Metrics(sharpe, drawdown));
        var result = new OptimizationResult(grid, [Row(0, 0.5, 0.2), Row(1, null, 0.1), Row(2, 1.5, 0.3), Row(3, 0.5, 0.05), Row(4, -1, 0.2)], [], OptimizationResult.EngineName, 10);

        Assert.Equal([2, 0, 3, 4, 1], result.Ranked(OptimizationMetric.Find("sharpe")!).Select(r => r.Index));
        Assert.Equal([3, 1, 0, 4, 2], result.Ranked(OptimizationMetric.Find("max-drawdown")!).Select(r => r.Index));
        Assert.Null(OptimizationMetric.Find("sharp"));
    }

    private static OptimizationMetrics Metrics(double? sharpe, double drawdown) => new()
    {
        FinalEquity = 100m,
        Bars = 10,
        TotalReturn = 0,
        Sharpe = sharpe,
        MaxDrawdown = drawdown,
        Exposure = 0,
        Trades = 0,
        WinningTrades = 0,
        LosingTrades = 0,
        NetProfit = 0m,
        GrossProfit = 0m,
        GrossLoss = 0m,
    };

    private sealed class Recorder(List<OptimizationProgress> reports) : IProgress<OptimizationProgress>
    {
        public void Report(OptimizationProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
