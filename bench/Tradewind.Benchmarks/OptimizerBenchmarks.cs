using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using SyntheticSeries = Tradewind.Data.Simulation.SyntheticBars;

namespace Tradewind.Benchmarks;

/// <summary>
/// sma-cross optimization over 500,000 seeded one-minute random-walk bars: the kernel on a grid of about a thousand
/// combinations (fast 5..54 step 1 × slow 20..210 step 10, fast ≥ slow skipped), on one thread and on two; and the
/// same strategy through the full engine per combination on a small grid, for scale. "Evals/s" is bar-evaluations
/// (bars × evaluated combinations) per second; Mean is one whole optimization, SMA precomputation included.
/// </summary>
[MemoryDiagnoser]
[GcConcurrent(false)]
[Config(typeof(PerEvaluationConfig))]
public class OptimizerBenchmarks
{
    private const int Bars = 500_000;
    private static readonly string[] KernelGrid = ["fast=5:54:1", "slow=20:210:10"];
    private static readonly string[] EngineGrid = ["fast=10:50:20", "slow=100:200:100"];

    private BarSeries _series = null!;
    private ParameterGrid _grid = null!;

    /// <summary>How combinations are evaluated.</summary>
    public enum Path
    {
        /// <summary>The sma-cross kernel over shared SMA arrays.</summary>
        Kernel,

        /// <summary>One full engine backtest per combination.</summary>
        Engine,
    }

    [Params(Path.Kernel, Path.Engine)]
    public Path Evaluation { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _series = SyntheticSeries.RandomWalk(Symbol.Parse("SYN"), Resolution.Minute, Bars, seed: 20261121);
        _grid = ParameterGrid.Parse(StrategyCatalog.SmaCross, Evaluation == Path.Kernel ? KernelGrid : EngineGrid);
        var result = Run();
        Console.WriteLine($"// {Evaluation}: {result.Rows.Count} combinations ({result.Skipped.Count} skipped) × {result.BarsPerRun:N0} bars, {result.Rows.Average(r => r.Metrics.Trades):N0} round trips per run on average");
    }

    [Benchmark]
    public OptimizationResult Optimize() => Run();

    private OptimizationResult Run() => Optimizer.Run(
        [_series],
        _grid,
        StrategyCatalog.SmaCross.Defaults,
        new EngineOptions(),
        new OptimizerSettings { MaxDegreeOfParallelism = Threads, UseKernel = Evaluation == Path.Kernel });

    private static double Evaluations(BenchmarkCase benchmarkCase)
    {
        var grid = ParameterGrid.Parse(StrategyCatalog.SmaCross, (Path)benchmarkCase.Parameters["Evaluation"] == Path.Kernel ? KernelGrid : EngineGrid);
        var evaluated = grid.Combinations(StrategyCatalog.SmaCross.Defaults).Count(c => StrategyCatalog.SmaCross.Check(c) is null);
        return (double)evaluated * Bars;
    }

    private sealed class PerEvaluationConfig : ManualConfig
    {
        public PerEvaluationConfig()
        {
            AddColumn(new BarsPerSecondColumn("Evals/s", allocation: false, Evaluations));
            AddColumn(new BarsPerSecondColumn("B/eval", allocation: true, Evaluations));
        }
    }
}
