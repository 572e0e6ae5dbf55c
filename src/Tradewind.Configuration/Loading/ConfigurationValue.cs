using Tradewind.Configuration.Secrets;

namespace Tradewind.Configuration.Loading;

/// <summary>One effective configuration value after layering and variable expansion, and where it came from.</summary>
/// <param name="Key">The Microsoft.Extensions.Configuration key, e.g. <c>risk:levels:2:drawdown_pct</c>.</param>
/// <param name="Path">The key in file spelling, e.g. <c>risk.levels[2].drawdown_pct</c>.</param>
/// <param name="RawValue">The text as the layer wrote it, before <c>${VAR}</c> expansion.</param>
/// <param name="Value">The expanded text; null when a variable it needs is unset or a reference is malformed.</param>
/// <param name="Layer">The layer that supplied the value.</param>
/// <param name="Origin">The exact origin: the file, the environment variable's name or the --set option.</param>
/// <param name="Variables">The variables the raw text references.</param>
public sealed record ConfigurationValue(
    string Key, string Path, string? RawValue, string? Value, ConfigurationLayer Layer, string Origin, IReadOnlyList<string> Variables)
{
    /// <summary>
    /// The value as it may be shown: secrets masked (see <see cref="SecretMask"/>); an unresolved value
    /// shows the variables it is waiting for, never its raw text.
    /// </summary>
    public string DisplayValue =>
        Value is null
            ? $"<unresolved: {string.Join(", ", Variables.Select(v => "${" + v + "}"))}>"
            : IsKnown ? SecretMask.MaskValue(Path, Value) : SecretMask.MaskUnknown(Value);

    /// <summary>
    /// False when the key is not a setting of the schema (a typo such as <c>api_kye</c>): its name cannot
    /// say whether it is a secret, so <see cref="DisplayValue"/> shows only numbers and booleans.
    /// </summary>
    public bool IsKnown { get; init; } = true;

    /// <summary>The origin, plus the variables the value was expanded from: <c>config/base/data.yaml via ${ALPHAVANTAGE_API_KEY}</c>.</summary>
    public string Source => Variables.Count == 0 ? Origin : $"{Origin} via {string.Join(", ", Variables.Select(v => "${" + v + "}"))}";

    /// <summary>True when the value's key says it is a secret.</summary>
    public bool IsSecret => SecretMask.IsSecretKey(Path);
}
