using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>A combination the strategy refuses (e.g. fast ≥ slow), not run.</summary>
/// <param name="Index">The combination's position in the grid's enumeration.</param>
/// <param name="Parameters">Its parameter values.</param>
/// <param name="Reason">The strategy's rule that refused it, e.g. "fast (50) must be less than slow (20)".</param>
public sealed record SkippedCombination(int Index, StrategyParameterValues Parameters, string Reason);
