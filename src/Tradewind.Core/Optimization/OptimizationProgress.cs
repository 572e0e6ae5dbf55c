namespace Tradewind.Core.Optimization;

/// <summary>How far an optimization is, in bar-evaluations (bars × combinations to evaluate; skipped ones do not count).</summary>
/// <param name="Completed">Bar-evaluations done so far.</param>
/// <param name="Total">Bar-evaluations to do.</param>
public readonly record struct OptimizationProgress(long Completed, long Total)
{
    /// <summary>Completed / total, 1 when there is nothing to run.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
