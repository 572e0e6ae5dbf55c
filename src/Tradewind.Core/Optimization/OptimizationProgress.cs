namespace Tradewind.Core.Optimization;

/// <summary>How far an optimization is: combinations finished of those to run (skipped ones are not counted).</summary>
/// <param name="Completed">Combinations evaluated so far.</param>
/// <param name="Total">Combinations to evaluate.</param>
public readonly record struct OptimizationProgress(int Completed, int Total)
{
    /// <summary>Completed / total, 1 when there is nothing to run.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
