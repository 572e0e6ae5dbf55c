using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Validation;

/// <summary>
/// One error or warning about the configuration: the key in file spelling, the value as it may be
/// shown (secrets masked), the rule it breaks, and the layer that supplied it.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">The key in file spelling, e.g. <c>risk.levels[2].drawdown_pct</c>; empty for a problem of no one key.</param>
/// <param name="Value">The offending value as it may be shown (masked when secret); null when there is none.</param>
/// <param name="Message">The rule and how to fix it; any value it quotes is already masked.</param>
/// <param name="Layer">The layer that supplied the value; null when the value is the records' default or the problem is of no one layer.</param>
/// <param name="Origin">The exact origin: the file, the environment variable or the --set option; "defaults" for a record default.</param>
public sealed record ConfigurationProblem(
    ProblemSeverity Severity, string Path, string? Value, string Message, ConfigurationLayer? Layer, string Origin)
{
    /// <summary>True for an error.</summary>
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>One line: <c>error: risk.levels[2].drawdown_pct: 'abc' is not a number (from config/local/risk.yaml)</c>.</summary>
    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {(Path.Length > 0 ? Path + ": " : "")}{Message} (from {Origin})";

    /// <summary>An error about the value <paramref name="value"/> (may be null: a default or a missing key).</summary>
    public static ConfigurationProblem Error(string path, string message, ConfigurationValue? value, string? shownValue = null) =>
        new(ProblemSeverity.Error, path, shownValue ?? value?.DisplayValue, message, value?.Layer, value?.Origin ?? "defaults");

    /// <summary>A warning about the value <paramref name="value"/>.</summary>
    public static ConfigurationProblem Warning(string path, string message, ConfigurationValue? value, string? shownValue = null) =>
        new(ProblemSeverity.Warning, path, shownValue ?? value?.DisplayValue, message, value?.Layer, value?.Origin ?? "defaults");
}
