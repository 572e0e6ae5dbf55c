using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Storage.Tests.StrategyConfig;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Key_order_and_whitespace_do_not_change_the_canonical_text()
    {
        var a = JsonNode.Parse("""{"b": 1, "a": {"z": [3, 1, 2], "y": {"q": null, "p": true}}, "A": "x"}""");
        var b = JsonNode.Parse("{\n\t\"A\":\"x\",\r\n  \"a\" : { \"y\" : { \"p\" : true , \"q\" : null } , \"z\" : [ 3 , 1 , 2 ] } ,\"b\":1\n}");

        Assert.Equal("""{"A":"x","a":{"y":{"p":true,"q":null},"z":[3,1,2]},"b":1}""", CanonicalJson.Write(a));
        Assert.Equal(CanonicalJson.Write(a), CanonicalJson.Write(b));
    }

    [Fact]
    public void Keys_sort_ordinally_not_by_culture()
    {
        var node = JsonNode.Parse("""{"b": 1, "B": 2, "_": 3, "a10": 4, "a9": 5, "é": 6, "e": 7}""");
        Assert.Equal("""{"B":2,"_":3,"a10":4,"a9":5,"b":1,"e":7,"é":6}""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Numbers_keep_the_text_they_were_written_with()
    {
        Assert.Equal("""{"a":2.0,"b":1e3,"c":-0.30,"d":12345678901234567890123}""", CanonicalJson.Write(JsonNode.Parse("""{"d":12345678901234567890123,"c":-0.30,"b":1e3,"a":2.0}""")));
        Assert.Equal("""{"x":0.5}""", CanonicalJson.Write(new JsonObject { ["x"] = 0.5 }));
    }

    [Fact]
    public void Strings_are_escaped_one_way_whatever_the_input_escapes()
    {
        var escaped = JsonNode.Parse("""{"s": "\u0041\u00e9\t\"\\\/"}""");
        var plain = JsonNode.Parse("{\"s\": \"Aé\\t\\\"\\\\/\"}");

        Assert.Equal("{\"s\":\"Aé\\t\\\"\\\\/\"}", CanonicalJson.Write(escaped));
        Assert.Equal(CanonicalJson.Write(escaped), CanonicalJson.Write(plain));
    }

    [Fact]
    public void A_value_wrapping_an_object_is_sorted_too()
    {
        var wrapped = new Dictionary<string, object> { ["z"] = 1, ["a"] = new[] { new Dictionary<string, int> { ["y"] = 2, ["x"] = 1 } } };
        var node = new JsonObject { ["outer"] = JsonValue.Create(wrapped) };

        Assert.Equal("""{"outer":{"a":[{"x":1,"y":2}],"z":1}}""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Null_and_scalars_at_the_root()
    {
        Assert.Equal("null", CanonicalJson.Write(null));
        Assert.Equal("[]", CanonicalJson.Write(new JsonArray()));
        Assert.Equal("\"x\"", CanonicalJson.Write(JsonValue.Create("x")));
    }

    [Fact]
    public void The_canonical_text_is_unchanged_by_shuffling_keys_and_is_its_own_canonical_form()
    {
        Prop.ForAll(Arb.From(JsonTrees.Object(3)), Arb.From(Gen.Choose(0, int.MaxValue)), (tree, seed) =>
        {
            var canonical = CanonicalJson.Write(JsonNode.Parse(tree));
            var shuffled = JsonTrees.Shuffle(JsonNode.Parse(tree), new Random(seed))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            return CanonicalJson.Write(JsonNode.Parse(shuffled)) == canonical
                && CanonicalJson.Write(JsonNode.Parse(canonical)) == canonical;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}

/// <summary>Random JSON documents (as text) with nested objects and arrays, for property tests.</summary>
internal static class JsonTrees
{
    private static readonly Gen<string> Key = Gen.Elements("a", "b", "B", "_x", "a.b", "é", "k1", "k10", "k2", "z");

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Elements("1", "-0.5", "2.50", "1e3", "true", "false", "null", "\"s\"", "\"\\u00e9\"", "\"a b\""),
        Gen.Choose(-1000, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static Gen<string> Object(int depth) =>
        Gen.Choose(0, 4).SelectMany(n => Key.ArrayOf(n).Select(k => k.Distinct().ToArray()))
            .SelectMany(keys => Value(depth - 1).ArrayOf(keys.Length).Select(values =>
                "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}"));

    public static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency((3, Scalar), (1, Object(depth)), (1, Array(depth)));

    private static Gen<string> Array(int depth) =>
        Gen.Choose(0, 3).SelectMany(n => Value(depth - 1).ArrayOf(n)).Select(items => "[" + string.Join(",", items) + "]");

    public static JsonNode? Shuffle(JsonNode? node, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.Select(p => (p.Key, Value: p.Value?.DeepClone())).OrderBy(_ => random.Next()).ToList();
                var shuffled = new JsonObject();
                foreach (var (key, value) in members)
                {
                    shuffled[key] = Shuffle(value, random);
                }

                return shuffled;
            case JsonArray array:
                return new JsonArray(array.Select(item => Shuffle(item?.DeepClone(), random)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
