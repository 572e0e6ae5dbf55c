using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>One evaluated combination: its place in the grid's order, its parameter values and its figures.</summary>
/// <param name="Index">The combination's position in the grid's enumeration (first axis slowest), counting skipped ones.</param>
/// <param name="Parameters">Every parameter of the strategy with its value in this run.</param>
/// <param name="Metrics">The run's figures.</param>
public sealed record OptimizationRow(int Index, StrategyParameterValues Parameters, OptimizationMetrics Metrics);
