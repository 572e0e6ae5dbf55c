using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Tests.Optimization;

public sealed class ParameterGridTests
{
    private static StrategyDefinition SmaCross => StrategyCatalog.SmaCross;

    [Fact]
    public void A_range_includes_its_stop_and_a_list_keeps_its_order()
    {
        var grid = ParameterGrid.Parse(SmaCross, ["fast=5:50:5", "slow=200,50,100"]);

        Assert.Equal([5.0, 10, 15, 20, 25, 30, 35, 40, 45, 50], grid.Axes[0].Values);
        Assert.Equal([200.0, 50, 100], grid.Axes[1].Values);
        Assert.Equal(30, grid.CombinationCount);
        Assert.Equal("fast=5:50:5", grid.Axes[0].Spec);
    }

    [Fact]
    public void Decimal_steps_land_exactly_on_the_stop()
    {
        // In binary doubles 0.1 + 0.1 + ... drifts past 0.5; the grid steps in decimal.
        var grid = ParameterGrid.Parse(StrategyCatalog.RsiBb, ["bb_dev=1.1:1.5:0.1"]);

        Assert.Equal([1.1, 1.2, 1.3, 1.4, 1.5], grid.Axes[0].Values);
    }

    [Fact]
    public void A_range_that_stops_between_steps_ends_at_the_last_step_before_the_stop()
    {
        Assert.Equal([5.0, 12, 19], ParameterGrid.Parse(SmaCross, ["fast=5:20:7"]).Axes[0].Values);
        Assert.Equal([7.0], ParameterGrid.Parse(SmaCross, ["fast=7"]).Axes[0].Values);
    }

    [Fact]
    public void Booleans_and_choices_are_listed_by_name()
    {
        var grid = ParameterGrid.Parse(StrategyCatalog.RsiBb, ["entry=RSIOrBB,RSIBBVolume", "trailing_enabled=true,false"]);

        Assert.Equal([0.0, 1], grid.Axes[0].Values);
        Assert.Equal([1.0, 0], grid.Axes[1].Values);
    }

    [Fact]
    public void Combinations_vary_the_last_axis_fastest_and_keep_the_other_parameters()
    {
        var grid = ParameterGrid.Parse(SmaCross, ["fast=1,2", "slow=10,20,30"]);
        var baseValues = SmaCross.Bind([new("size", "7")]);

        var combinations = grid.Combinations(baseValues).Select(v => $"{v.Integer("fast")}/{v.Integer("slow")}/{v.Number("size")}").ToList();

        Assert.Equal(["1/10/7", "1/20/7", "1/30/7", "2/10/7", "2/20/7", "2/30/7"], combinations);
    }

    [Theory]
    [InlineData("fast", "grid 'fast' is not name=values; write name=start:stop:step (e.g. fast=5:50:5) or a list name=a,b,c")]
    [InlineData("fsat=5:50:5", "grid 'fsat=5:50:5': sma-cross has no parameter 'fsat' (known: fast, slow, size); did you mean 'fast'?")]
    [InlineData("fast=5:50", "grid 'fast=5:50': a range has three parts start:stop:step, got 2")]
    [InlineData("fast=5:50:0", "grid 'fast=5:50:0': the step must be positive, got 0; e.g. fast=5:50:1")]
    [InlineData("fast=5:50:-5", "grid 'fast=5:50:-5': the step must be positive, got -5")]
    [InlineData("fast=50:5:5", "grid 'fast=50:5:5': the range runs backwards (stop 5 is below start 50); write fast=5:50:5")]
    [InlineData("fast=5.5:50:5", "grid 'fast=5.5:50:5': fast takes whole numbers, but the start is 5.5")]
    [InlineData("fast=x:50:5", "grid 'fast=x:50:5': the start 'x' is not a number")]
    [InlineData("fast=0:10:5", "grid 'fast=0:10:5': fast 0 is outside 1..10000 (expected 1..10000: fast moving-average length in bars)")]
    [InlineData("fast=5,abc", "grid 'fast=5,abc': fast 'abc' is not a whole number")]
    [InlineData("fast=5,10,5", "grid 'fast=5,10,5': the value 5 is given twice; list each value once")]
    [InlineData("fast=1:2000000:1", "grid 'fast=1:2000000:1': the range has more than 1,000,000 values; use a larger step")]
    public void A_bad_grid_names_its_text_what_is_wrong_and_the_fix(string spec, string message)
    {
        var ex = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(SmaCross, [spec]));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(SmaCross, ["fsat=5:50:5", "slow=20:200:0", "slow=50"]));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("'fsat=5:50:5'", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("'slow=20:200:0'", ex.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_swept_twice_or_no_grid_at_all_is_refused()
    {
        var twice = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(SmaCross, ["fast=5:50:5", "fast=7"]));
        Assert.Contains("grid 'fast=7': fast is already swept by 'fast=5:50:5'; give each parameter one grid", twice.Message, StringComparison.Ordinal);

        var none = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(SmaCross, []));
        Assert.Contains("no grid given: sweep at least one parameter of sma-cross (fast, slow, size)", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_on_booleans_and_too_many_combinations_are_refused_with_the_fix()
    {
        var boolean = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(StrategyCatalog.RsiBb, ["trailing_enabled=0:1:1"]));
        Assert.Contains("trailing_enabled is true or false, which has no range; list the values instead, e.g. trailing_enabled=true,false", boolean.Message, StringComparison.Ordinal);

        var many = Assert.Throws<ParameterGridException>(() => ParameterGrid.Parse(SmaCross, ["fast=1:5000:1", "slow=2:5000:1"]));
        Assert.Contains("the grid has 24,995,000 combinations (5000 fast × 4999 slow), more than 1,000,000; use larger steps or fewer values", many.Message, StringComparison.Ordinal);
    }
}
