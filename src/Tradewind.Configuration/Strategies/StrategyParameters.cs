using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Strategies;

/// <summary>
/// The parameter set of a strategy as the configuration files define it, in the shape the versioned
/// registry stores: a JSON object with the files' snake_case keys and typed values.
/// </summary>
public static class StrategyParameters
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The strategies that have a parameter block under <c>strategy</c>, by name.</summary>
    public static IReadOnlyList<string> Known { get; } = ["capital-allocator", "multi-asset"];

    /// <summary>
    /// The key of <paramref name="strategy"/>'s block under <c>strategy</c> (<c>capital-allocator</c> →
    /// <c>capital_allocator</c>); unknown strategy → ArgumentException naming the known ones.
    /// </summary>
    public static string Block(string strategy) => strategy switch
    {
        "capital-allocator" => "capital_allocator",
        "multi-asset" => "multi_asset",
        _ => throw Unknown(strategy),
    };

    /// <summary>The parameters of <paramref name="strategy"/> from validated settings; unknown strategy → ArgumentException.</summary>
    public static JsonObject From(StrategySettings settings, string strategy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        object parameters = strategy switch
        {
            "capital-allocator" => settings.CapitalAllocator,
            "multi-asset" => settings.MultiAsset,
            _ => throw Unknown(strategy),
        };

        return JsonSerializer.SerializeToNode(parameters, parameters.GetType(), Json)!.AsObject();
    }

    /// <summary>
    /// The capital allocator's block read back from a registry version's parameters (the shape <see cref="From"/>
    /// writes); keys a version lacks take today's defaults.
    /// </summary>
    /// <exception cref="JsonException">The parameters are not such a block.</exception>
    public static CapitalAllocatorSettings ReadCapitalAllocator(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Deserialize<CapitalAllocatorSettings>(Json) ?? throw new JsonException("the parameters are null");
    }

    /// <summary>
    /// <paramref name="parameters"/> (a strategy's block, as the registry stores it) as <c>--set</c> overrides of
    /// <c>strategy.&lt;block&gt;</c>, one per value: nested objects by key, arrays by index
    /// (<c>strategy.capital_allocator.regime.bullish_threshold=0.4</c>). An empty object or array is one override with
    /// an empty value, so that a misspelt key is still reported. A null value, or a key that cannot be written as one
    /// segment of a key path, is an ArgumentException naming the path; an unknown strategy is one too.
    /// </summary>
    public static IReadOnlyList<string> Overrides(string strategy, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var prefix = "strategy." + Block(strategy);
        var overrides = new List<string>();
        if (parameters.Count > 0)
        {
            Flatten(parameters, "", prefix, overrides);
        }

        return overrides;
    }

    /// <summary>
    /// SHA-256 over the configuration files (config/base, config/&lt;environment&gt;, config/local) that produced a
    /// snapshot: for each, in layer order, its path relative to <paramref name="workingDirectory"/> ('/' separators)
    /// and a line feed, then its bytes. Recorded as the registry source <c>files:&lt;hash&gt;</c>. The <c>.env</c> file,
    /// variables and <c>--set</c> are not hashed: what they change is in the stored parameters themselves.
    /// </summary>
    public static string FilesHash(SettingsSnapshot snapshot, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var layer in snapshot.Layers)
        {
            // A layer's file is relative to the working directory, not to the process's current directory.
            if (layer.Kind is not (LayerKind.Base or LayerKind.Environment or LayerKind.Local) || layer.File is not { } file)
            {
                continue;
            }

            var path = Path.Combine(workingDirectory, file);
            if (File.Exists(path))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Replace('\\', '/') + "\n"));
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ArgumentException Unknown(string strategy) =>
        new($"'{strategy}' has no parameters in the configuration; known strategies: {string.Join(", ", Known)}");

    private static void Flatten(JsonNode? node, string path, string prefix, List<string> overrides)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    if (!IsParameterName(key))
                    {
                        throw new ArgumentException(
                            $"{(path.Length == 0 ? "" : path + ": ")}'{key}' is not a parameter name: names are snake_case words of letters, digits and _, e.g. bullish_threshold");
                    }

                    Flatten(value, path.Length == 0 ? key : path + "." + key, prefix, overrides);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", prefix, overrides);
                }

                break;
            case JsonObject or JsonArray:
                overrides.Add(prefix + "." + path + "=");
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                overrides.Add(prefix + "." + path + "=" + value.GetValue<string>());
                break;
            case JsonValue value:
                // Numbers as written (2.0 stays 2.0 for the binder to read); true and false as they are.
                overrides.Add(prefix + "." + path + "=" + value.ToJsonString());
                break;
            default:
                throw new ArgumentException($"{path}: null is not a value; give one, or leave the key out to keep the configuration's value");
        }
    }

    // One segment of a key path: no '.', '[' or ':' (they separate segments), no '=' (it ends the key of an
    // override), and not all digits (that is a list index).
    private static bool IsParameterName(string key) =>
        key.Length > 0
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
        && !key.All(char.IsAsciiDigit);
}
