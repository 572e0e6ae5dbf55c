namespace Tradewind.Core.Optimization;

/// <summary>How an optimization uses the machine.</summary>
public sealed record OptimizerSettings
{
    /// <summary>Combinations evaluated at once (default: one per processor).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Evaluate sma-cross through its kernel when it applies (default). False runs every combination through the
    /// engine, which gives the same results more slowly; the equality tests use it.
    /// </summary>
    public bool UseKernel { get; init; } = true;
}
