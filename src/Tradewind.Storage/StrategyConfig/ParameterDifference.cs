namespace Tradewind.Storage.StrategyConfig;

/// <summary>One place where two parameter sets differ.</summary>
/// <param name="Path">Where, e.g. <c>regime.bullish_threshold</c> or <c>assets[1].symbol</c>.</param>
/// <param name="ValueInA">The canonical JSON at <paramref name="Path"/> in the first set; null when the path is absent there.</param>
/// <param name="ValueInB">The canonical JSON at <paramref name="Path"/> in the second set; null when the path is absent there.</param>
public sealed record ParameterDifference(string Path, string? ValueInA, string? ValueInB);
