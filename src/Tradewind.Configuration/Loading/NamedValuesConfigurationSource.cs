using Microsoft.Extensions.Configuration;

namespace Tradewind.Configuration.Loading;

/// <summary>
/// A configuration source of fixed values that remembers where each came from (an environment
/// variable's name, a <c>--set</c> option), so messages can name the exact origin of a value.
/// </summary>
public sealed class NamedValuesConfigurationSource : IConfigurationSource
{
    /// <summary>Creates the source from (configuration key, value, origin) entries; a later entry for the same key wins.</summary>
    public NamedValuesConfigurationSource(IEnumerable<(string Key, string? Value, string Origin)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToList();
    }

    /// <summary>The entries.</summary>
    public IReadOnlyList<(string Key, string? Value, string Origin)> Entries { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new NamedValuesConfigurationProvider(Entries);
}
