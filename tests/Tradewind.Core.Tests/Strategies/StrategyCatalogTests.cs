using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Strategies.SmaCross;

namespace Tradewind.Core.Tests.Strategies;

/// <summary>Binding parameters given as text (configuration, command line) to a catalogued strategy.</summary>
public sealed class StrategyCatalogTests
{
    private static StrategyParameterException Refused(StrategyDefinition definition, params (string Name, string Value)[] given) =>
        Assert.Throws<StrategyParameterException>(() => definition.Bind(given.Select(g => new KeyValuePair<string, string>(g.Name, g.Value))));

    private static StrategyParameterValues Bound(StrategyDefinition definition, params (string Name, string Value)[] given) =>
        definition.Bind(given.Select(g => new KeyValuePair<string, string>(g.Name, g.Value)));

    [Fact]
    public void An_unknown_parameter_is_refused_with_the_closest_name()
    {
        var error = Refused(StrategyCatalog.SmaCross, ("fsat", "10"));
        Assert.Contains("unknown parameter 'fsat'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'fast'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("known: fast, slow, size", error.Message, StringComparison.Ordinal);
        Assert.Equal("sma-cross", error.Strategy);
    }

    [Fact]
    public void A_name_far_from_every_parameter_gets_no_suggestion()
    {
        var error = Refused(StrategyCatalog.SmaCross, ("volatility_target", "1"));
        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast", "0", "0 is outside 1..10000")]
    [InlineData("fast", "2.5", "'2.5' is not a whole number")]
    [InlineData("slow", "abc", "'abc' is not a whole number")]
    [InlineData("size", "-1", "-1 is outside 0..1000000000")]
    public void A_value_of_the_wrong_kind_or_out_of_range_is_refused_naming_the_range(string name, string value, string problem)
    {
        var error = Refused(StrategyCatalog.SmaCross, (name, value));
        Assert.Contains($"{name}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50", "20")]
    [InlineData("20", "20")]
    public void Fast_not_below_slow_is_refused(string fast, string slow)
    {
        var error = Refused(StrategyCatalog.SmaCross, ("fast", fast), ("slow", slow));
        Assert.Contains($"fast ({fast}) must be less than slow ({slow})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Refused(StrategyCatalog.RsiBb, ("rsi_perod", "14"), ("bb_dev", "9"), ("entry", "MACD"));
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("'MACD' is not one of RSIOrBB, RSIBBVolume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_booleans_and_names_are_matched_ignoring_case_and_dashes()
    {
        var values = Bound(StrategyCatalog.RsiBb, ("entry", "rsibbvolume"), ("EXIT", "advancedatrexit"), ("trailing-enabled", "TRUE"), ("rsi_period", "7.0"));
        Assert.Equal("RSIBBVolume", values.Choice("entry"));
        Assert.Equal("AdvancedATRExit", values.Choice("exit"));
        Assert.True(values.Boolean("trailing_enabled"));
        Assert.Equal(7, values.Integer("rsi_period"));
    }

    [Fact]
    public void Defaults_and_their_text_round_trip()
    {
        foreach (var definition in StrategyCatalog.All)
        {
            var defaults = definition.Defaults;
            Assert.Equal(defaults.ToString(), definition.Bind(defaults.AsText()).ToString());
            Assert.NotNull(definition.Create(defaults));
        }

        Assert.Equal("fast=20 slow=50 size=0", StrategyCatalog.SmaCross.Defaults.ToString());
        Assert.IsType<SmaCrossStrategy>(StrategyCatalog.SmaCross.Create(StrategyCatalog.SmaCross.Defaults));
    }

    [Fact]
    public void Strategies_are_found_by_name_ignoring_case_and_an_unknown_name_lists_the_known_ones()
    {
        Assert.Same(StrategyCatalog.SmaCross, StrategyCatalog.Get(" SMA-Cross "));
        Assert.Null(StrategyCatalog.Find("sma"));
        var error = Assert.Throws<StrategyParameterException>(() => StrategyCatalog.Get("momentum"));
        Assert.Contains("unknown strategy 'momentum'; known: buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator", error.Message, StringComparison.Ordinal);
    }
}
