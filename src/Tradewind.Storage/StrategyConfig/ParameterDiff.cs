using System.Text.Json.Nodes;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>
/// Compares two parameter sets path by path: what an operator needs to see before a rollback or
/// after an apply, e.g. <c>regime.bullish_threshold: 0.3 -> 0.4</c>.
/// </summary>
public static class ParameterDiff
{
    /// <summary>
    /// Every path whose value differs between <paramref name="a"/> and <paramref name="b"/>, in the
    /// canonical order (object keys ordinal, array indices ascending). Objects are compared key by key and
    /// arrays index by index; a key or element present on one side only is one difference at its path
    /// with the whole subtree as the value and null on the other side. Paths use <c>.key</c> for object
    /// members (<c>["key"]</c> when the key is not a plain name) and <c>[i]</c> for array elements; the
    /// root itself is <c>$</c>. Values are compared by their canonical text.
    /// </summary>
    public static IReadOnlyList<ParameterDifference> Compare(JsonNode? a, JsonNode? b)
    {
        var differences = new List<ParameterDifference>();
        Walk(a, b, "", differences);
        return differences;
    }

    private static void Walk(JsonNode? a, JsonNode? b, string path, List<ParameterDifference> differences)
    {
        if (a is JsonObject objectA && b is JsonObject objectB)
        {
            var keys = objectA.Select(p => p.Key).Union(objectB.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var inA = objectA.TryGetPropertyValue(key, out var valueA);
                var inB = objectB.TryGetPropertyValue(key, out var valueB);
                CompareChild(inA, valueA, inB, valueB, Member(path, key), differences);
            }

            return;
        }

        if (a is JsonArray arrayA && b is JsonArray arrayB)
        {
            for (var i = 0; i < Math.Max(arrayA.Count, arrayB.Count); i++)
            {
                var inA = i < arrayA.Count;
                var inB = i < arrayB.Count;
                CompareChild(inA, inA ? arrayA[i] : null, inB, inB ? arrayB[i] : null, $"{path}[{i}]", differences);
            }

            return;
        }

        var textA = CanonicalJson.Write(a);
        var textB = CanonicalJson.Write(b);
        if (!string.Equals(textA, textB, StringComparison.Ordinal))
        {
            differences.Add(new ParameterDifference(path.Length == 0 ? "$" : path, textA, textB));
        }
    }

    private static void CompareChild(bool inA, JsonNode? valueA, bool inB, JsonNode? valueB, string path, List<ParameterDifference> differences)
    {
        if (inA && inB)
        {
            Walk(valueA, valueB, path, differences);
        }
        else
        {
            differences.Add(new ParameterDifference(path, inA ? CanonicalJson.Write(valueA) : null, inB ? CanonicalJson.Write(valueB) : null));
        }
    }

    private static string Member(string path, string key)
    {
        if (IsPlainName(key))
        {
            return path.Length == 0 ? key : $"{path}.{key}";
        }

        // Keys with dots, spaces or brackets would make the path ambiguous: quote them as JSON strings.
        return $"{path}[{CanonicalJson.Write(JsonValue.Create(key))}]";
    }

    private static bool IsPlainName(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
