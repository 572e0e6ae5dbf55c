using Tradewind.Core.Execution;

namespace Tradewind.Core.Tests.Execution;

public sealed class CommissionSpecTests
{
    [Fact]
    public void Parses_each_model()
    {
        Assert.Same(CommissionModel.None, CommissionModel.Parse("none"));
        Assert.Equal(new PerShareCommission(0.005m, 1m), CommissionModel.Parse("per-share:0.005,min:1"));
        Assert.Equal(new PerShareCommission(0.005m), CommissionModel.Parse("per-share:0.005"));
        Assert.Equal(new PercentOfNotionalCommission(0.1m), CommissionModel.Parse("percent:0.1"));
        Assert.Equal(new FixedPerOrderCommission(1m), CommissionModel.Parse("fixed:1"));
        Assert.Equal(new PerShareCommission(0.01m, 2.5m), CommissionModel.Parse(" Per-Share: 0.01 , MIN:2.5 "));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("per-share:0.005,min:1")]
    [InlineData("per-share:0.005")]
    [InlineData("percent:0.1")]
    [InlineData("fixed:1")]
    [InlineData("fixed:0.35")]
    public void A_model_prints_as_its_spec(string spec)
    {
        var model = CommissionModel.Parse(spec);
        Assert.Equal(spec, model.Spec);
        Assert.Equal(spec, model.ToString());
        Assert.Equal(model, CommissionModel.Parse(model.Spec));
    }

    [Fact]
    public void Trailing_zeros_do_not_show_in_a_spec() =>
        Assert.Equal("per-share:0.005,min:1", new PerShareCommission(0.00500m, 1.00m).Spec);

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("flat:1", "'flat' is not a commission model")]
    [InlineData("none:1", "'none' takes no value")]
    [InlineData("per-share", "per-share needs a rate per share")]
    [InlineData("per-share:", "the rate per share is missing")]
    [InlineData("per-share:abc", "the rate per share 'abc' is not a number")]
    [InlineData("per-share:0.005,max:1", "'max:1' is not an option of per-share; the only one is min:AMOUNT")]
    [InlineData("per-share:0.005,min:", "the minimum per order is missing")]
    [InlineData("per-share:0.005,min:1,min:2", "min is given twice")]
    [InlineData("percent:-0.1", "the percent of notional must not be negative, got -0.1")]
    [InlineData("percent:150", "150% of notional is more than the whole trade")]
    [InlineData("percent:0,1", "the percent of notional '0,1' is not a number")]
    [InlineData("fixed:1e3", "the amount per order '1e3' is not a number")]
    [InlineData("fixed", "the amount per order is missing")]
    public void Bad_specs_name_the_spec_the_problem_and_an_example(string spec, string why)
    {
        var error = Assert.Throws<FormatException>(() => CommissionModel.Parse(spec));
        Assert.StartsWith($"commission spec '{spec}' is not valid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Use one of none, per-share:0.005,min:1, percent:0.1 or fixed:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_rules_have_names()
    {
        Assert.Equal("next-open", FillRuleNames.ToName(FillRule.NextOpen));
        Assert.Equal("next-close", FillRuleNames.ToName(FillRule.NextClose));
        Assert.Equal(FillRule.NextOpen, FillRuleNames.Parse("next-open"));
        Assert.Equal(FillRule.NextClose, FillRuleNames.Parse(" Next-Close "));
        Assert.Equal(FillRule.NextOpen, default(FillRule));
        var error = Assert.Throws<FormatException>(() => FillRuleNames.Parse("same-close"));
        Assert.Equal("fill rule 'same-close' is not known; use next-open (the default) or next-close", error.Message);
        Assert.False(FillRuleNames.TryParse(null, out _));
    }
}
