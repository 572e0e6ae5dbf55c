using Microsoft.Extensions.Configuration;

namespace Tradewind.Configuration.Loading;

/// <summary>The provider of <see cref="NamedValuesConfigurationSource"/>: fixed values plus each value's origin.</summary>
public sealed class NamedValuesConfigurationProvider : ConfigurationProvider
{
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the provider.</summary>
    public NamedValuesConfigurationProvider(IEnumerable<(string Key, string? Value, string Origin)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value, origin) in entries)
        {
            Data[key] = value;
            _origins[key] = origin;
        }
    }

    /// <summary>Where the value of <paramref name="key"/> came from, e.g. <c>environment variable TRADEWIND__RISK__MAX_GROSS_EXPOSURE</c>; null when the key is not here.</summary>
    public string? OriginOf(string key) => _origins.GetValueOrDefault(key);
}
