using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Binding;

/// <summary>
/// The effective values arranged as a tree by key segment, the shape the binder walks. A node may hold
/// a value, children, or (for an empty list written as <c>[]</c>) an empty value and no children.
/// </summary>
public sealed class ConfigurationNode
{
    private readonly Dictionary<string, ConfigurationNode> _children = new(StringComparer.OrdinalIgnoreCase);

    private ConfigurationNode(string key, string segment)
    {
        Key = key;
        Segment = segment;
    }

    /// <summary>The configuration key of this node (empty for the root).</summary>
    public string Key { get; }

    /// <summary>The last segment of the key as it was written.</summary>
    public string Segment { get; }

    /// <summary>The value at exactly this key; null when only children are here.</summary>
    public ConfigurationValue? Value { get; private set; }

    /// <summary>The child nodes, by segment, in the order they were first seen.</summary>
    public IReadOnlyCollection<ConfigurationNode> Children => _children.Values;

    /// <summary>Builds the tree of <paramref name="values"/>.</summary>
    public static ConfigurationNode Build(IEnumerable<ConfigurationValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var root = new ConfigurationNode("", "");
        foreach (var value in values)
        {
            var node = root;
            foreach (var segment in value.Key.Split(':'))
            {
                if (!node._children.TryGetValue(segment, out var child))
                {
                    child = new ConfigurationNode(node.Key.Length == 0 ? segment : node.Key + ":" + segment, segment);
                    node._children.Add(segment, child);
                }

                node = child;
            }

            node.Value = value;
        }

        return root;
    }

    /// <summary>The child with this segment (any case), or null.</summary>
    public ConfigurationNode? Child(string segment) => _children.GetValueOrDefault(segment);

    /// <summary>Any value at or under this node: the one a problem about the whole section is attributed to.</summary>
    public ConfigurationValue? FirstValue() => Value ?? _children.Values.Select(c => c.FirstValue()).FirstOrDefault(v => v is not null);
}
