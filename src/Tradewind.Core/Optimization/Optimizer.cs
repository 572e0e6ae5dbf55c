using System.Runtime.ExceptionServices;
using Tradewind.Core.Engine;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>
/// Runs a strategy for every combination of a <see cref="ParameterGrid"/> over loaded series, in parallel. The series
/// are shared by every run. sma-cross on one series goes through <see cref="SmaCrossKernel"/>: each distinct moving
/// average is computed once, a block of bars at a time, and shared by every combination that uses it; each combination
/// then costs a few nanoseconds per bar. Any other strategy (or sma-cross over several series) runs one full backtest
/// per combination. Either way a combination's figures equal those of <see cref="Backtest.Run"/> with the same parameters.
/// </summary>
public static class Optimizer
{
    // At most this many distinct fast and as many slow periods per tile of combinations.
    private const int TileSide = 8;

    /// <summary>
    /// Evaluates every combination of <paramref name="grid"/> over <paramref name="baseValues"/> (the parameters the grid
    /// does not sweep keep their value there). Combinations the strategy's cross-parameter rule refuses are skipped and
    /// returned. <paramref name="progress"/>, when given, hears of the bar-evaluations done, from worker threads.
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
        var barsPerRun = BarsPerRun(series, options);
        var reporter = new Reporter(progress, candidates.Count * barsPerRun);
        var useKernel = settings.UseKernel && KernelUnavailable(series, definition, options) is null;
        if (candidates.Count == 0)
        {
            return new OptimizationResult(grid, [], skipped, useKernel ? OptimizationResult.SmaCrossKernelName : OptimizationResult.EngineName, barsPerRun);
        }

        try
        {
            return useKernel
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

        // The shared work: each distinct period's average once, for every combination that uses it. The averages are
        // streamed a block at a time by the strategy's own SimpleMovingAverage, so memory stays at periods × block.
        var periods = new SortedSet<int>();
        foreach (var (_, values) in candidates)
        {
            periods.Add(values.Integer("fast"));
            periods.Add(values.Integer("slow"));
        }

        var periodList = periods.ToArray();
        var averages = periodList.Select(p => new SimpleMovingAverage(p)).ToArray();
        var blocks = periodList.Select(_ => new double[SmaCrossKernel.BlockBars]).ToArray();
        var prices = new SmaCrossKernel.BlockPrices();
        var tiles = Tiles(candidates, parallel.MaxDegreeOfParallelism);
        var runs = new SmaCrossKernel.Run[candidates.Count];
        var slots = new (int Fast, int Slow)[candidates.Count];
        for (var k = 0; k < candidates.Count; k++)
        {
            var values = candidates[k].Values;
            var fast = values.Integer("fast");
            var slow = values.Integer("slow");
            runs[k] = kernel.CreateRun(fast, slow, (decimal)values.Number("size"));
            slots[k] = (Array.BinarySearch(periodList, fast), Array.BinarySearch(periodList, slow));
        }

        for (var from = 0; from < end; from += SmaCrossKernel.BlockBars)
        {
            var to = Math.Min(end, from + SmaCrossKernel.BlockBars);
            var blockStart = from;
            // The averages, and (as one more work item) the block's fill prices as money, shared by every run.
            Parallel.For(0, periodList.Length + 1, parallel, p =>
            {
                if (p == periodList.Length)
                {
                    kernel.ConvertPrices(prices, blockStart, to);
                    return;
                }

                var close = series.Close;
                var average = averages[p];
                var block = blocks[p];
                for (var i = blockStart; i < to; i++)
                {
                    block[i - blockStart] = average.Update(close[i]);
                }
            });

            Parallel.For(0, tiles.Count, parallel, t =>
            {
                kernel.Prefetch(blockStart, to);
                foreach (var k in tiles[t])
                {
                    kernel.Advance(runs[k], blockStart, to, blocks[slots[k].Fast], blocks[slots[k].Slow], prices);
                }
            });

            reporter.Set((long)candidates.Count * to);
        }

        var rows = new OptimizationRow[candidates.Count];
        for (var k = 0; k < candidates.Count; k++)
        {
            rows[k] = new OptimizationRow(candidates[k].Index, candidates[k].Values, kernel.Finish(runs[k]));
        }

        return new OptimizationResult(grid, rows, skipped, OptimizationResult.SmaCrossKernelName, end);
    }

    // Work items as tiles of the (fast, slow) plane: up to TileSide fasts × TileSide slows advance together on one core,
    // so its cache holds a block of their ≤ 2 × TileSide averages for up to TileSide² runs. Tiles shrink until there are
    // several per thread, so the threads finish each block at about the same time.
    private static List<List<int>> Tiles(List<(int Index, StrategyParameterValues Values)> candidates, int threads)
    {
        var fasts = candidates.Select(c => c.Values.Integer("fast")).Distinct().Order().ToArray();
        var slows = candidates.Select(c => c.Values.Integer("slow")).Distinct().Order().ToArray();
        var (fastSide, slowSide) = (TileSide, TileSide);
        while (Math.Ceiling((double)fasts.Length / fastSide) * Math.Ceiling((double)slows.Length / slowSide) < 8 * threads && (fastSide > 1 || slowSide > 1))
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
            reporter.Add(BarsPerRun(series, options));
        });

        return new OptimizationResult(grid, rows, skipped, OptimizationResult.EngineName, BarsPerRun(series, options));
    }

    // The symbol-bars a run steps through: every bar up to the end of the period, warm-up included.
    private static long BarsPerRun(IReadOnlyList<BarSeries> series, EngineOptions options)
    {
        long bars = 0;
        foreach (var s in series)
        {
            bars += options.End is { } end && end < DateTime.MaxValue ? s.LowerBound(end.AddTicks(1)) : s.Count;
        }

        return bars;
    }

    private sealed class Reporter(IProgress<OptimizationProgress>? progress, long total)
    {
        private long _completed;

        public void Add(long evaluations)
        {
            var completed = Interlocked.Add(ref _completed, evaluations);
            progress?.Report(new OptimizationProgress(completed, total));
        }

        public void Set(long evaluations)
        {
            Interlocked.Exchange(ref _completed, evaluations);
            progress?.Report(new OptimizationProgress(evaluations, total));
        }
    }
}
