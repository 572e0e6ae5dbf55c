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

    /// <summary>The parameters of <paramref name="strategy"/> from validated settings; unknown strategy → ArgumentException.</summary>
    public static JsonObject From(StrategySettings settings, string strategy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        object parameters = strategy switch
        {
            "capital-allocator" => settings.CapitalAllocator,
            "multi-asset" => settings.MultiAsset,
            _ => throw new ArgumentException($"'{strategy}' has no parameters in the configuration; known strategies: capital-allocator, multi-asset", nameof(strategy)),
        };

        return JsonSerializer.SerializeToNode(parameters, parameters.GetType(), Json)!.AsObject();
    }

    /// <summary>
    /// SHA-256 over the committed and local configuration files that produced a snapshot (path and
    /// content, in layer order), recorded as the registry source <c>files:&lt;hash&gt;</c>.
    /// </summary>
    public static string FilesHash(SettingsSnapshot snapshot, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var layer in snapshot.Layers)
        {
            if (layer.File is { } file && File.Exists(file))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(workingDirectory, file).Replace('\\', '/') + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
