using System.Globalization;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tradewind.Configuration.Yaml;

/// <summary>
/// Reads a YAML file into configuration keys: mappings become sections, sequences become indexed
/// children (<c>levels:0:drawdown_pct</c>), an empty sequence or a null becomes an empty value.
/// </summary>
public sealed class YamlConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates the provider.</summary>
    public YamlConfigurationProvider(YamlConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>Parses YAML text into configuration keys.</summary>
    /// <exception cref="FormatException">The text is not YAML, its top level is not a mapping, or it repeats a key.</exception>
    public static Dictionary<string, string?> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return data;
        }

        switch (stream.Documents[0].RootNode)
        {
            case YamlMappingNode mapping:
                Visit(mapping, null, data);
                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            case var other:
                throw new FormatException($"line {other.Start.Line}: the top level must be a mapping of sections (system:, risk:, ...)");
        }

        return data;
    }

    /// <inheritdoc />
    public override void Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        Data = Parse(reader);
    }

    private static void Visit(YamlNode node, string? path, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                if (mapping.Children.Count == 0 && path is not null)
                {
                    Add(path, "", node, data);
                }

                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value;
                    if (string.IsNullOrEmpty(key) || key.Contains(':', StringComparison.Ordinal))
                    {
                        throw new FormatException($"line {keyNode.Start.Line}: '{key}' is not a key name");
                    }

                    Visit(valueNode, path is null ? key : path + ":" + key, data);
                }

                break;
            case YamlSequenceNode sequence:
                if (sequence.Children.Count == 0)
                {
                    Add(path!, "", node, data);
                }

                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], path + ":" + i.ToString(CultureInfo.InvariantCulture), data);
                }

                break;
            case YamlScalarNode scalar:
                // A plain null (key:, ~, null) is an empty value; a quoted "null" is the text.
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "~" or "null" or "Null" or "NULL";
                Add(path!, isNull ? "" : scalar.Value ?? "", node, data);
                break;
            default:
                throw new FormatException($"line {node.Start.Line}: unsupported YAML node at '{path}'");
        }
    }

    private static void Add(string path, string value, YamlNode node, Dictionary<string, string?> data)
    {
        if (!data.TryAdd(path, value))
        {
            throw new FormatException($"line {node.Start.Line}: '{path.Replace(':', '.')}' is written twice");
        }
    }
}
