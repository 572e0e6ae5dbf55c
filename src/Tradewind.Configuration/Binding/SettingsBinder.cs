using System.Collections;
using System.Globalization;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Secrets;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Binding;

/// <summary>
/// Binds the snake_case configuration tree to the settings records, reporting every problem instead
/// of stopping at the first: unknown keys (with a suggestion), values of the wrong type, missing
/// required keys, malformed lists. A key that fails keeps its record default, so the rest still binds.
/// </summary>
/// <remarks>
/// Written instead of using Microsoft.Extensions.Configuration.Binder because that binder ignores
/// unknown keys and stops at the first bad value, and a typo in a trading config must never silently
/// fall back to a default.
/// </remarks>
public static class SettingsBinder
{
    /// <summary>Binds <paramref name="root"/> to a new <typeparamref name="T"/>, adding problems to <paramref name="problems"/>.</summary>
    /// <remarks>
    /// No <c>new()</c> constraint: a record with <c>required</c> keys (a bot document) cannot meet it, and a
    /// missing required key is a reported problem here, not a compile error.
    /// </remarks>
    public static T Bind<T>(ConfigurationNode root, ICollection<ConfigurationProblem> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(problems);
        return (T)BindRecord(typeof(T), root, "", problems, existing: null);
    }

    private static object BindRecord(Type type, ConfigurationNode node, string path, ICollection<ConfigurationProblem> problems, object? existing)
    {
        var record = existing ?? Activator.CreateInstance(type)!;
        var members = SettingsSchema.MembersOf(type);
        if (node.Value is { Value: { Length: > 0 } })
        {
            problems.Add(ConfigurationProblem.Error(Display(path), $"expects a section with the keys {string.Join(", ", members.Select(m => m.Key))}, not a value", node.Value));
            return record;
        }

        foreach (var child in node.Children)
        {
            if (!members.Any(m => string.Equals(m.Key, child.Segment, StringComparison.OrdinalIgnoreCase)))
            {
                var childPath = Join(path, child.Segment);
                problems.Add(ConfigurationProblem.Error(
                    Display(childPath),
                    $"unknown key '{child.Segment.ToLowerInvariant()}'{KeySuggestion.Hint(child.Segment, members.Select(m => m.Key))}; " +
                    $"{(path.Length > 0 ? $"{Display(path)} has the keys" : members.All(m => m.Shape == SettingShape.Record) ? "the sections are" : "the top-level keys are")} {string.Join(", ", members.Select(m => m.Key))}",
                    child.FirstValue(),
                    shownValue: child.Value is null ? "" : SecretMask.MaskUnknown(child.Value.Value ?? "")));
            }
        }

        foreach (var member in members)
        {
            var child = node.Child(member.Key);
            var memberPath = Join(path, member.Key);
            if (child is null)
            {
                if (member.IsRequired)
                {
                    problems.Add(ConfigurationProblem.Error(Display(memberPath), $"missing required key '{member.Key}' ({member.Setting?.Meaning ?? "no default"})", node.FirstValue(), shownValue: ""));
                }

                continue;
            }

            object? value;
            switch (member.Shape)
            {
                case SettingShape.Record:
                    value = BindRecord(member.ElementType, child, memberPath, problems, member.Property.GetValue(record));
                    break;
                case SettingShape.List:
                    value = BindList(member.ElementType, child, memberPath, problems);
                    break;
                case SettingShape.Map:
                    value = BindMap(child, memberPath, problems);
                    break;
                default:
                    if (child.Children.Count > 0)
                    {
                        problems.Add(ConfigurationProblem.Error(Display(memberPath), $"expects a single value ({Expected(member.ElementType)}), not a section", child.Children.First().FirstValue(), shownValue: ""));
                        continue;
                    }

                    if (!TryScalar(member.ElementType, child.Value!, memberPath, problems, out value))
                    {
                        continue;
                    }

                    break;
            }

            if (value is not null)
            {
                member.Property.SetValue(record, value);
            }
        }

        return record;
    }

    private static object? BindList(Type elementType, ConfigurationNode node, string path, ICollection<ConfigurationProblem> problems)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var isRecord = SettingsSchema.IsRecord(elementType);
        if (isRecord && node.Value is { Value: { Length: > 0 } })
        {
            problems.Add(ConfigurationProblem.Error(Display(path), "expects a list of sections, not a value", node.Value));
            return null;
        }

        // A list of plain values given as one value by a higher layer (TRADEWIND__DATA__FALLBACK=csv,sim)
        // replaces the items a lower layer wrote.
        var valueWins = node.Value is { Value: { Length: > 0 } } value
            && node.Children.All(c => c.FirstValue() is not { } item || item.Layer.Kind <= value.Layer.Kind);
        if (node.Children.Count == 0 || valueWins)
        {
            var text = node.Value?.Value;
            if (string.IsNullOrWhiteSpace(text))
            {
                return list;
            }

            if (isRecord)
            {
                problems.Add(ConfigurationProblem.Error(Display(path), "expects a list of sections, not a value", node.Value));
                return null;
            }

            // A list of plain values may come as one comma-separated value (an environment variable, --set).
            var ok = true;
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var item = node.Value! with { Value = part };
                if (TryScalar(elementType, item, path, problems, out var parsed))
                {
                    list.Add(parsed);
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? list : null;
        }

        var items = new SortedDictionary<int, ConfigurationNode>();
        foreach (var child in node.Children)
        {
            if (!KeyPath.IsIndex(child.Segment))
            {
                problems.Add(ConfigurationProblem.Error(Display(Join(path, child.Segment)), $"{Display(path)} is a list: write its items as '- ...' (found the key '{child.Segment}')", child.FirstValue(), shownValue: ""));
                return null;
            }

            items[int.Parse(child.Segment, CultureInfo.InvariantCulture)] = child;
        }

        var expected = 0;
        foreach (var (index, child) in items)
        {
            var itemPath = Join(path, KeyPath.Index(index));
            if (index != expected)
            {
                problems.Add(ConfigurationProblem.Error(Display(itemPath), $"list items must be numbered from 0 without gaps, but item [{expected}] is missing", child.FirstValue(), shownValue: ""));
                return null;
            }

            expected++;
            if (isRecord)
            {
                list.Add(BindRecord(elementType, child, itemPath, problems, existing: null));
            }
            else if (child.Children.Count > 0)
            {
                problems.Add(ConfigurationProblem.Error(Display(itemPath), $"expects a single value ({Expected(elementType)}), not a section", child.FirstValue(), shownValue: ""));
                return null;
            }
            else if (TryScalar(elementType, child.Value!, itemPath, problems, out var parsed))
            {
                list.Add(parsed);
            }
            else
            {
                return null;
            }
        }

        // A section item with a bad key keeps that key's default and the list is kept, so the rules still
        // check the other items (rules that would quote the bad key are dropped by the loader).
        return list;
    }

    // An open map keeps each value as text: only a rule that knows the names (the bot logic catalogue)
    // can say which kind each value must be. A value waiting for an unset variable is left out (already reported).
    private static Dictionary<string, string> BindMap(ConfigurationNode node, string path, ICollection<ConfigurationProblem> problems)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node.Value is { Value: { Length: > 0 } })
        {
            // Also when a lower layer wrote entries: a value here would silently be ignored.
            problems.Add(ConfigurationProblem.Error(Display(path), "expects a section of name: value pairs, not a value", node.Value));
        }

        // A bad entry is reported and left out; the others are kept so the rules still check them.
        foreach (var child in node.Children)
        {
            if (child.Children.Count > 0)
            {
                problems.Add(ConfigurationProblem.Error(Display(Join(path, child.Segment)), "expects a single value, not a section or a list", child.FirstValue(), shownValue: ""));
            }
            else if (child.Value?.Value is { } text)
            {
                map[child.Segment] = text;
            }
        }

        return map;
    }

    private static bool TryScalar(Type type, ConfigurationValue source, string path, ICollection<ConfigurationProblem> problems, out object? value)
    {
        value = null;
        var text = source.Value;
        if (text is null)
        {
            // Unresolved ${VAR}: already reported by the loader.
            return false;
        }

        var shown = "'" + SecretMask.MaskValue(path, text) + "'";
        string? error = null;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(bool))
        {
            if (bool.TryParse(text.Trim(), out var b))
            {
                value = b;
            }
            else
            {
                error = $"{shown} is not true or false";
            }
        }
        else if (type == typeof(int))
        {
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                value = i;
            }
            else
            {
                error = double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? $"{shown} is not a whole number"
                    : $"{shown} is not a number";
            }
        }
        else if (type == typeof(double))
        {
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            {
                value = d;
            }
            else
            {
                error = $"{shown} is not a number";
            }
        }
        else if (type == typeof(decimal))
        {
            if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
            {
                value = m;
            }
            else
            {
                error = $"{shown} is not a number";
            }
        }
        else if (type.IsEnum)
        {
            var keys = SettingsSchema.EnumKeys(type);
            var match = Enum.GetValues(type).Cast<Enum>().FirstOrDefault(e => string.Equals(SettingsSchema.EnumKey(e), text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                value = match;
            }
            else
            {
                error = $"{shown} is not one of {string.Join(", ", keys)}{KeySuggestion.Hint(text.Trim(), keys)}";
            }
        }
        else
        {
            throw new NotSupportedException($"settings of type {type.Name} cannot be bound");
        }

        if (error is not null)
        {
            problems.Add(ConfigurationProblem.Error(Display(path), error, source));
            return false;
        }

        return true;
    }

    private static string Expected(Type type) =>
        type == typeof(string) ? "text"
        : type == typeof(bool) ? "true or false"
        : type == typeof(int) ? "a whole number"
        : type.IsEnum ? "one of " + string.Join(", ", SettingsSchema.EnumKeys(type))
        : "a number";

    private static string Join(string path, string segment) => path.Length == 0 ? segment : path + ":" + segment;

    private static string Display(string key) => KeyPath.ToDisplay(key);
}
