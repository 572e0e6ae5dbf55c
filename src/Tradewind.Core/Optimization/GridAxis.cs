using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Optimization;

/// <summary>One parameter swept by an optimization: the grid text it came from and its values, in the order given.</summary>
/// <param name="Parameter">The strategy parameter.</param>
/// <param name="Spec">The grid text as the user wrote it, e.g. <c>fast=5:50:5</c>.</param>
/// <param name="Values">The values, each already checked against the parameter's kind and range.</param>
public sealed record GridAxis(StrategyParameter Parameter, string Spec, IReadOnlyList<double> Values);
