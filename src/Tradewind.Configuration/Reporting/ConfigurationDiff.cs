using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Reporting;

/// <summary>The drift check: which effective values differ between two loads (e.g. staging and production).</summary>
public static class ConfigurationDiff
{
    /// <summary>The keys whose effective values differ, in the order of the settings records.</summary>
    public static IReadOnlyList<ConfigurationDifference> Compare(SettingsSnapshot left, SettingsSnapshot right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Entries(left);
        var b = Entries(right);
        var keys = a.Keys.Concat(b.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        keys.Sort(SchemaOrder.Compare);
        var differences = new List<ConfigurationDifference>();
        foreach (var key in keys)
        {
            var x = a.GetValueOrDefault(key);
            var y = b.GetValueOrDefault(key);
            if (!string.Equals(x?.Compared, y?.Compared, StringComparison.Ordinal))
            {
                differences.Add(new ConfigurationDifference(KeyPath.ToDisplay(key), x?.Shown, x?.Origin, y?.Shown, y?.Origin));
            }
        }

        return differences;
    }

    // A list of plain values (data.fallback) compares as a whole: [] against [csv], not item by item.
    private static Dictionary<string, Entry> Entries(SettingsSnapshot snapshot)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in snapshot.Values)
        {
            var member = SettingsSchema.Resolve(value.Key);
            var isPlainList = member is { Shape: SettingShape.List } && !SettingsSchema.IsRecord(member.ElementType);
            // An unresolved value compares by its raw text: ${X} on both sides is the same setting.
            var compared = value.Value ?? value.RawValue ?? "";
            if (!isPlainList)
            {
                entries[value.Key] = new Entry(value.DisplayValue, compared, value.Source);
                continue;
            }

            var segments = value.Key.Split(':');
            var listKey = KeyPath.IsIndex(segments[^1]) ? string.Join(':', segments[..^1]) : value.Key;
            var item = KeyPath.IsIndex(segments[^1]) ? new[] { (value.DisplayValue, compared) } : [];
            entries[listKey] = entries.TryGetValue(listKey, out var existing)
                ? existing with { Items = [.. existing.Items ?? [], .. item] }
                : new Entry("", "", value.Source) { Items = item };
        }

        foreach (var (key, entry) in entries.ToList())
        {
            if (entry.Items is { } items)
            {
                entries[key] = entry with
                {
                    Shown = "[" + string.Join(", ", items.Select(i => i.Shown)) + "]",
                    Compared = "[" + string.Join("\u001f", items.Select(i => i.Compared)) + "]",
                };
            }
        }

        return entries;
    }

    private sealed record Entry(string Shown, string Compared, string Origin)
    {
        public (string Shown, string Compared)[]? Items { get; init; }
    }
}
