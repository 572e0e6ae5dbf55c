using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Binding;

/// <summary>
/// The keys of the settings records, read once by reflection: the binder, the validator's range
/// checks, <c>config show</c> and the key reference all walk the same description.
/// </summary>
public static class SettingsSchema
{
    // The bot documents' records bind like the settings' (the namespace, not a type, to keep Binding free of Bots).
    private const string BotsNamespace = "Tradewind.Configuration.Bots";

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SettingMember>> Members = new();

    /// <summary>The keys of a settings record, in declaration order.</summary>
    public static IReadOnlyList<SettingMember> MembersOf(Type recordType) =>
        Members.GetOrAdd(recordType, t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SettingMember(p))
            .ToList());

    /// <summary>
    /// True when the key names a place where the schema holds a value (a scalar, or an item of a list of
    /// values). A typo, or a value written where a section belongs (<c>alphavantage: MYKEY</c>), is not:
    /// nothing then says whether the value is a secret, so it must be shown masked.
    /// </summary>
    public static bool IsValueKey(string key) => Resolve(key) is { } member
        && (member.Shape == SettingShape.Scalar || (member.Shape == SettingShape.List && !IsRecord(member.ElementType)));

    /// <summary>
    /// The member a configuration key (<c>risk:levels:2:drawdown_pct</c>, any case) names, walking from
    /// <see cref="TradewindSettings"/>; null when the key is not a setting.
    /// </summary>
    public static SettingMember? Resolve(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Type? type = typeof(TradewindSettings);
        SettingMember? member = null;
        var segments = key.Split(':');
        for (var i = 0; i < segments.Length; i++)
        {
            if (KeyPath.IsIndex(segments[i]))
            {
                if (member?.Shape != SettingShape.List)
                {
                    return null;
                }

                // The item of a list of values is described by the list's member.
                if (!IsRecord(member.ElementType))
                {
                    return i == segments.Length - 1 ? member : null;
                }

                continue;
            }

            if (type is null)
            {
                return null;
            }

            member = MembersOf(type).FirstOrDefault(m => string.Equals(m.Key, segments[i], StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                return null;
            }

            type = IsRecord(member.ElementType) ? member.ElementType : null;
        }

        return member;
    }

    /// <summary>
    /// True when <paramref name="type"/> is a settings record (a section of keys) rather than a value: a
    /// class of the settings or of the bot documents (<c>Tradewind.Configuration.Bots</c>).
    /// </summary>
    public static bool IsRecord(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsClass && type != typeof(string)
            && (type.Namespace == typeof(TradewindSettings).Namespace || type.Namespace == BotsNamespace);
    }

    /// <summary>The file spelling of an enum value, e.g. <c>binance_paper</c>, <c>alphavantage</c>.</summary>
    public static string EnumKey(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var field = value.GetType().GetField(name);
        return field?.GetCustomAttribute<SettingKeyAttribute>()?.Name ?? KeyPath.ToSnakeCase(name);
    }

    /// <summary>The file spellings of every value of an enum type.</summary>
    public static IReadOnlyList<string> EnumKeys(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>().Select(EnumKey).ToList();

    /// <summary>A value in file spelling: invariant numbers, lower-case bools, snake_case enums.</summary>
    public static string FormatScalar(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        Enum e => EnumKey(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Every leaf of <paramref name="settings"/> as (configuration key, value in file spelling), in record
    /// order: the flat form of a settings object, used for the defaults layer.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Flatten(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = new List<KeyValuePair<string, string?>>();
        FlattenInto(settings, null, result);
        return result;
    }

    private static void FlattenInto(object record, string? prefix, List<KeyValuePair<string, string?>> result)
    {
        foreach (var member in MembersOf(record.GetType()))
        {
            var key = prefix is null ? member.Key : prefix + ":" + member.Key;
            var value = member.Property.GetValue(record);
            switch (member.Shape)
            {
                case SettingShape.Record when value is not null:
                    FlattenInto(value, key, result);
                    break;
                case SettingShape.List when value is System.Collections.IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        var itemKey = key + ":" + KeyPath.Index(i++);
                        if (IsRecord(member.ElementType))
                        {
                            FlattenInto(item, itemKey, result);
                        }
                        else
                        {
                            result.Add(new(itemKey, FormatScalar(item)));
                        }
                    }

                    if (i == 0)
                    {
                        // An empty list is still a value: it hides a lower layer's items.
                        result.Add(new(key, ""));
                    }

                    break;
                case SettingShape.Map when value is IReadOnlyDictionary<string, string> entries:
                    foreach (var (name, text) in entries)
                    {
                        result.Add(new(key + ":" + name, text));
                    }

                    if (entries.Count == 0)
                    {
                        result.Add(new(key, ""));
                    }

                    break;
                default:
                    result.Add(new(key, FormatScalar(value)));
                    break;
            }
        }
    }
}
