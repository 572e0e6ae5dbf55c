using System.Runtime.ExceptionServices;
using Tradewind.Core.Engine;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>
/// Runs a strategy for every combination of a <see cref="ParameterGrid"/> over loaded series, in parallel. The series
/// are shared by every run. sma-cross on one series goes through <see cref="SmaCrossKernel"/>: each distinct moving
/// average is computed once and shared, and each combination costs a few nanoseconds per bar; any other strategy
/// (or sma-cross over several series) runs one full backtest per combination. Either way a combination's figures equal
/// those of <see cref="Backtest.Run"/> with the same parameters.
/// </summary>
public static class Optimizer
{
    // Bars per block: a block of each of the (at most 2 × TileSide) averages a work item reads fits in a core's L2 cache.
    private const int BlockBars = 2048;

    // Distinct fast and slow periods per work item.
    private const int TileSide = 16;

    /// <summary>
    /// Evaluates every combination of <paramref name="grid"/> over <paramref name="baseValues"/> (the parameters the grid
    /// does not sweep keep their value there). Combinations the strategy's cross-parameter rule refuses are skipped and
    /// returned. <paramref name="progress"/>, when given, is called from worker threads as combinations finish.
    /// </summary>
    /// <exception cref="ArgumentException">The series or options are unusable, or no bar falls in the period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static OptimizationResult Run(
        IReadOnlyList<BarSeries> series,
        ParameterGrid grid,
        StrategyParameterValues baseValues,
        EngineOptions options,
        OptimizerSettings? settings = null,
        IProgress<OptimizationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(baseValues);
        ArgumentNullException.ThrowIfNull(options);
        settings ??= new OptimizerSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxDegreeOfParallelism, 1, nameof(settings));
        if (series.Count == 0)
        {
            throw new ArgumentException("the optimizer needs at least one bar series", nameof(series));
        }

        var definition = grid.Definition;
        var candidates = new List<(int Index, StrategyParameterValues Values)>();
        var skipped = new List<SkippedCombination>();
        var index = 0;
        foreach (var values in grid.Combinations(baseValues))
        {
            if (definition.Check(values) is { } reason)
            {
                skipped.Add(new SkippedCombination(index, values, reason));
            }
            else
            {
                candidates.Add((index, values));
            }

            index++;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var reporter = new Reporter(progress, candidates.Count);
        try
        {
            return settings.UseKernel && KernelUnavailable(series, definition, options) is null
                ? RunKernel(series[0], grid, candidates, skipped, options, parallel, reporter)
                : RunEngine(series, grid, candidates, skipped, options, parallel, reporter);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
        {
            // One bad input fails every combination alike; report the first as itself.
            ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Why <paramref name="definition"/> over <paramref name="series"/> cannot use the sma-cross kernel, or null when it can.</summary>
    public static string? KernelUnavailable(IReadOnlyList<BarSeries> series, StrategyDefinition definition, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        if (!ReferenceEquals(definition, StrategyCatalog.SmaCross))
        {
            return $"{definition.Name} has no dedicated kernel";
        }

        return series.Count != 1 ? "the sma-cross kernel runs one series; several share one portfolio only in the engine" : SmaCrossKernel.Unsupported(options);
    }

    private static OptimizationResult RunKernel(
        BarSeries series,
        ParameterGrid grid,
        List<(int Index, StrategyParameterValues Values)> candidates,
        List<SkippedCombination> skipped,
        EngineOptions options,
        ParallelOptions parallel,
        Reporter reporter)
    {
        var kernel = new SmaCrossKernel(series, options);
        var end = kernel.End;

        // The shared work: each distinct period's average once, for every combination that uses it.
        var periods = new SortedSet<int>();
        foreach (var (_, values) in candidates)
        {
            periods.Add(values.Integer("fast"));
            periods.Add(values.Integer("slow"));
        }

        var periodList = periods.ToArray();
        var averages = new double[periodList.Length][];
        Parallel.For(0, periodList.Length, parallel, p =>
        {
            var average = GC.AllocateUninitializedArray<double>(end);
            SimpleMovingAverage.Compute(series.Close[..end], periodList[p], average);
            averages[p] = average;
        });

        double[] Average(int period) => averages[Array.BinarySearch(periodList, period)];

        var rows = new OptimizationRow[candidates.Count];
        var items = Tiles(candidates, parallel.MaxDegreeOfParallelism);
        Parallel.For(0, items.Count, parallel, item =>
        {
            var members = items[item];
            var runs = new SmaCrossKernel.Run[members.Count];
            for (var k = 0; k < members.Count; k++)
            {
                var values = candidates[members[k]].Values;
                var fast = values.Integer("fast");
                var slow = values.Integer("slow");
                runs[k] = kernel.CreateRun(fast, slow, (decimal)values.Number("size"), Average(fast), Average(slow));
            }

            for (var from = 0; from < end; from += BlockBars)
            {
                parallel.CancellationToken.ThrowIfCancellationRequested();
                var to = Math.Min(end, from + BlockBars);
                kernel.Prefetch(from, to);
                foreach (var run in runs)
                {
                    kernel.Advance(run, from, to);
                }
            }

            for (var k = 0; k < members.Count; k++)
            {
                var (combination, values) = candidates[members[k]];
                rows[members[k]] = new OptimizationRow(combination, values, kernel.Finish(runs[k]));
            }

            reporter.Add(members.Count);
        });

        return new OptimizationResult(grid, rows, skipped, OptimizationResult.SmaCrossKernelName, end);
    }

    // Work items as tiles of the (fast, slow) plane: up to TileSide fasts × TileSide slows advance together, so a block of
    // each of their ≤ 2 × TileSide averages is read from memory once for up to TileSide² runs. Tiles shrink until there
    // are a few per thread, so every core has work to the end.
    private static List<List<int>> Tiles(List<(int Index, StrategyParameterValues Values)> candidates, int threads)
    {
        var fasts = candidates.Select(c => c.Values.Integer("fast")).Distinct().Order().ToArray();
        var slows = candidates.Select(c => c.Values.Integer("slow")).Distinct().Order().ToArray();
        var (fastSide, slowSide) = (TileSide, TileSide);
        while (Math.Ceiling((double)fasts.Length / fastSide) * Math.Ceiling((double)slows.Length / slowSide) < 4 * threads && (fastSide > 1 || slowSide > 1))
        {
            if (fastSide >= slowSide && fastSide > 1)
            {
                fastSide = (fastSide + 1) / 2;
            }
            else
            {
                slowSide = (slowSide + 1) / 2;
            }
        }

        var tiles = new SortedDictionary<(int, int), List<int>>();
        for (var k = 0; k < candidates.Count; k++)
        {
            var values = candidates[k].Values;
            var key = (Array.BinarySearch(fasts, values.Integer("fast")) / fastSide, Array.BinarySearch(slows, values.Integer("slow")) / slowSide);
            if (!tiles.TryGetValue(key, out var tile))
            {
                tiles[key] = tile = [];
            }

            tile.Add(k);
        }

        return [.. tiles.Values];
    }

    private static OptimizationResult RunEngine(
        IReadOnlyList<BarSeries> series,
        ParameterGrid grid,
        List<(int Index, StrategyParameterValues Values)> candidates,
        List<SkippedCombination> skipped,
        EngineOptions options,
        ParallelOptions parallel,
        Reporter reporter)
    {
        var rows = new OptimizationRow[candidates.Count];
        Parallel.For(0, candidates.Count, parallel, k =>
        {
            var (combination, values) = candidates[k];
            var result = Backtest.Run(series, grid.Definition, values, options, cancellationToken: parallel.CancellationToken);
            rows[k] = new OptimizationRow(combination, values, OptimizationMetrics.From(result));
            reporter.Add(1);
        });

        long bars = 0;
        foreach (var s in series)
        {
            bars += options.End is { } end && end < DateTime.MaxValue ? s.LowerBound(end.AddTicks(1)) : s.Count;
        }

        return new OptimizationResult(grid, rows, skipped, OptimizationResult.EngineName, bars);
    }

    private sealed class Reporter(IProgress<OptimizationProgress>? progress, int total)
    {
        private int _completed;

        public void Add(int count)
        {
            var completed = Interlocked.Add(ref _completed, count);
            progress?.Report(new OptimizationProgress(completed, total));
        }
    }
}
