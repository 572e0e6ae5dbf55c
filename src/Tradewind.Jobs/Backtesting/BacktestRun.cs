using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting;

/// <summary>What a backtest job did: the engine's result, its summary, the outputs written and those that failed.</summary>
/// <param name="Result">The engine's result: journal, final portfolio, statistics.</param>
/// <param name="Summary">The run's figures, id and elapsed time.</param>
/// <param name="Written">Each output written, as "description to target" (e.g. "trades CSV to out/trades.csv").</param>
/// <param name="Failures">Each output that could not be written, with the reason; the run itself succeeded and the other outputs were written.</param>
/// <param name="Warnings">Things worth knowing that did not stop the run: a symbol with no bar in the period, or whose data starts after the period's first bar or ends before its last.</param>
public sealed record BacktestRun(
    BacktestResult Result,
    BacktestSummary Summary,
    IReadOnlyList<string> Written,
    IReadOnlyList<BacktestOutputFailure> Failures,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How long the engine took.</summary>
    public TimeSpan Elapsed => Summary.Elapsed;

    /// <summary>True when every output was written.</summary>
    public bool Succeeded => Failures.Count == 0;
}
