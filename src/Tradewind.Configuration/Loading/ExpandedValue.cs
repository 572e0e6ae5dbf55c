namespace Tradewind.Configuration.Loading;

/// <summary>The outcome of expanding the variable references of one configuration string.</summary>
/// <param name="Value">The expanded text; null when a variable without default is unset or a reference is malformed.</param>
/// <param name="Referenced">The variables the text names, in order.</param>
/// <param name="Missing">The referenced variables that are unset and have no default.</param>
/// <param name="Malformed">Why a reference could not be read; null when all were.</param>
public sealed record ExpandedValue(string? Value, IReadOnlyList<string> Referenced, IReadOnlyList<string> Missing, string? Malformed);
