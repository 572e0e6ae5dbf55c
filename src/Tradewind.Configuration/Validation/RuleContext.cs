using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Validation;

/// <summary>Collects the problems of one validation run, attributing each to the layer that supplied its key.</summary>
internal sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, ConfigurationValue> _values;

    public RuleContext(IReadOnlyDictionary<string, ConfigurationValue> values)
    {
        _values = values;
    }

    public List<ConfigurationProblem> Problems { get; } = [];

    /// <summary>
    /// An error at <paramref name="path"/>; <paramref name="sourcePath"/> names the value whose layer is blamed when it is
    /// not the path itself; <paramref name="shownValue"/> replaces the value as shown (a name the schema does not know may hide a secret).
    /// </summary>
    public void Error(string path, string message, string? sourcePath = null, string? shownValue = null) =>
        Problems.Add(ConfigurationProblem.Error(path, message, Find(sourcePath ?? path), shownValue ?? (Find(path) is null ? "" : null)));

    public void Warning(string path, string message) =>
        Problems.Add(ConfigurationProblem.Warning(path, message, Find(path)));

    private ConfigurationValue? Find(string path)
    {
        if (_values.TryGetValue(path, out var value))
        {
            return value;
        }

        // A section (assets.universe): blame the layer of its first value.
        return _values.Values.FirstOrDefault(v => v.Path.StartsWith(path + ".", StringComparison.OrdinalIgnoreCase) || v.Path.StartsWith(path + "[", StringComparison.OrdinalIgnoreCase));
    }
}
