using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Reporting;

/// <summary>The effective configuration as JSON in file spelling, secrets masked: values as text, lists as arrays.</summary>
public static class ConfigurationJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The values as one JSON document shaped like the files. With <paramref name="withSources"/>, each
    /// leaf is <c>{"value": ..., "source": ...}</c>.
    /// </summary>
    public static string Write(IEnumerable<ConfigurationValue> values, bool withSources)
    {
        ArgumentNullException.ThrowIfNull(values);
        var root = new JsonObject();
        foreach (var value in values)
        {
            var segments = value.Key.Split(':');
            JsonNode parent = root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                parent = Child(parent, segments[i], nextIsIndex: KeyPath.IsIndex(segments[i + 1]));
            }

            var isEmptyList = string.IsNullOrEmpty(value.RawValue) && SettingsSchema.Resolve(value.Key) is { Shape: SettingShape.List } member
                && !KeyPath.IsIndex(segments[^1]);
            JsonNode leaf = isEmptyList ? new JsonArray() : JsonValue.Create(value.DisplayValue);
            if (withSources)
            {
                leaf = new JsonObject { ["value"] = leaf, ["source"] = value.Source };
            }

            Set(parent, segments[^1], leaf);
        }

        return root.ToJsonString(Indented);
    }

    private static JsonNode Child(JsonNode parent, string segment, bool nextIsIndex)
    {
        if (parent is JsonArray array)
        {
            var index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
            while (array.Count <= index)
            {
                array.Add(null);
            }

            return array[index] ??= nextIsIndex ? new JsonArray() : new JsonObject();
        }

        var obj = (JsonObject)parent;
        if (obj[segment] is not { } existing || existing is JsonValue)
        {
            existing = nextIsIndex ? new JsonArray() : new JsonObject();
            obj[segment] = existing;
        }

        return existing;
    }

    private static void Set(JsonNode parent, string segment, JsonNode leaf)
    {
        if (parent is JsonArray array)
        {
            var index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
            while (array.Count <= index)
            {
                array.Add(null);
            }

            array[index] = leaf;
        }
        else
        {
            ((JsonObject)parent)[segment] = leaf;
        }
    }
}
