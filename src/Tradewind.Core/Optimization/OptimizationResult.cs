namespace Tradewind.Core.Optimization;

/// <summary>
/// The outcome of an optimization: one row per evaluated combination in the grid's order, the skipped combinations,
/// and how the work was done. The rows do not depend on the number of threads used.
/// </summary>
/// <param name="Grid">The grid swept.</param>
/// <param name="Rows">Evaluated combinations in the grid's order.</param>
/// <param name="Skipped">Combinations the strategy's cross-parameter rule refused, in the grid's order.</param>
/// <param name="Evaluation">How the runs were evaluated: <see cref="SmaCrossKernelName"/> or <see cref="EngineName"/>.</param>
/// <param name="BarsPerRun">Bars each run stepped through (warm-up included): the series length up to the end of the period.</param>
public sealed record OptimizationResult(ParameterGrid Grid, IReadOnlyList<OptimizationRow> Rows, IReadOnlyList<SkippedCombination> Skipped, string Evaluation, long BarsPerRun)
{
    /// <summary>The evaluation through the dedicated sma-cross kernel over shared moving averages.</summary>
    public const string SmaCrossKernelName = "sma-cross kernel";

    /// <summary>The evaluation through the full engine, one backtest per combination.</summary>
    public const string EngineName = "engine";

    /// <summary>Bars processed over all runs: rows × bars per run.</summary>
    public long BarEvaluations => Rows.Count * BarsPerRun;

    /// <summary>
    /// The rows best first by <paramref name="metric"/>; runs where it is undefined come last, and ties keep the
    /// grid's order, so the ranking is deterministic.
    /// </summary>
    public IReadOnlyList<OptimizationRow> Ranked(OptimizationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var rows = Rows.ToArray();
        Array.Sort(rows, (a, b) =>
        {
            var order = metric.Compare(metric.Select(a.Metrics), metric.Select(b.Metrics));
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        return rows;
    }
}
