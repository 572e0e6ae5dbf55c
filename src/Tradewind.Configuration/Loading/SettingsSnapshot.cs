using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Loading;

/// <summary>
/// The result of one load: the environment, the layers read, every effective value with its origin,
/// the bound settings and every problem found. <see cref="Settings"/> is only safe to use when
/// <see cref="IsValid"/>; a key that failed keeps its record default.
/// </summary>
public sealed class SettingsSnapshot
{
    private readonly Dictionary<string, ConfigurationValue> _byPath;

    internal SettingsSnapshot(
        string environment, IReadOnlyList<ConfigurationLayer> layers, IReadOnlyList<ConfigurationValue> values,
        TradewindSettings settings, IReadOnlyList<ConfigurationProblem> problems)
    {
        Environment = environment;
        Layers = layers;
        Values = values;
        Settings = settings;
        Problems = problems;
        _byPath = values.ToDictionary(v => v.Path, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The environment's name, e.g. development.</summary>
    public string Environment { get; }

    /// <summary>Every layer read, lowest precedence first (one per file for folder layers).</summary>
    public IReadOnlyList<ConfigurationLayer> Layers { get; }

    /// <summary>Every effective value (defaults included), in the order of the settings records.</summary>
    public IReadOnlyList<ConfigurationValue> Values { get; }

    /// <summary>The effective values by key in file spelling (any case).</summary>
    public IReadOnlyDictionary<string, ConfigurationValue> ValuesByPath => _byPath;

    /// <summary>The bound settings.</summary>
    public TradewindSettings Settings { get; }

    /// <summary>Every error and warning, errors first.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The errors.</summary>
    public IReadOnlyList<ConfigurationProblem> Errors => Problems.Where(p => p.IsError).ToList();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<ConfigurationProblem> Warnings => Problems.Where(p => !p.IsError).ToList();

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => !p.IsError);

    /// <summary>The effective value of a key in file spelling, e.g. <c>risk.levels[0].exposure</c>; null when unset.</summary>
    public ConfigurationValue? Find(string path) => _byPath.GetValueOrDefault(path);
}
