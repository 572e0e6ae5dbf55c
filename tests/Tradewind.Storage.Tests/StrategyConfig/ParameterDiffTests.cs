using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Storage.Tests.StrategyConfig;

public sealed class ParameterDiffTests
{
    [Fact]
    public void Keys_that_are_not_plain_names_are_quoted_in_the_path()
    {
        var diff = ParameterDiff.Compare(
            JsonNode.Parse("""{"a.b": 1, "with space": {"x": 1}, "snake_case-ok": 1}"""),
            JsonNode.Parse("""{"a.b": 2, "with space": {"x": 2}, "snake_case-ok": 2}"""));

        Assert.Equal(["[\"a.b\"]", "snake_case-ok", "[\"with space\"].x"], diff.Select(d => d.Path));
    }

    [Fact]
    public void Nested_arrays_and_a_change_of_kind_are_reported_at_their_path()
    {
        var diff = ParameterDiff.Compare(
            JsonNode.Parse("""{"m": [[1, 2], [3]], "k": {"x": 1}, "n": null}"""),
            JsonNode.Parse("""{"m": [[1, 5], [3, 4]], "k": [1], "n": 0}"""));

        Assert.Equal(
            [
                new ParameterDifference("k", """{"x":1}""", "[1]"),
                new ParameterDifference("m[0][1]", "2", "5"),
                new ParameterDifference("m[1][1]", null, "4"),
                new ParameterDifference("n", "null", "0"),
            ],
            diff);
    }

    [Fact]
    public void Different_roots_are_one_difference_at_the_root()
    {
        Assert.Equal([new ParameterDifference("$", "{}", "[]")], ParameterDiff.Compare(new JsonObject(), new JsonArray()));
    }

    [Fact]
    public void Two_sets_have_no_differences_exactly_when_their_canonical_texts_are_equal()
    {
        Prop.ForAll(Arb.From(JsonTrees.Object(3)), Arb.From(JsonTrees.Object(3)), (a, b) =>
        {
            var nodeA = JsonNode.Parse(a);
            var nodeB = JsonNode.Parse(b);
            var same = CanonicalJson.Write(nodeA) == CanonicalJson.Write(nodeB);
            return (ParameterDiff.Compare(nodeA, nodeB).Count == 0) == same
                && ParameterDiff.Compare(nodeA, nodeA!.DeepClone()).Count == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}
