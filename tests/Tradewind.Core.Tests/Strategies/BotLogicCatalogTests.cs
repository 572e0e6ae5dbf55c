using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Tests.Strategies;

public sealed class BotLogicCatalogTests
{
    [Theory]
    [InlineData("RSIOrBBEntryMixin", BotLogicKind.Entry, "RSIOrBBEntryMixin")]
    [InlineData("RSIOrBB", BotLogicKind.Entry, "RSIOrBBEntryMixin")]
    [InlineData("rsibbvolume", BotLogicKind.Entry, "RSIBBVolumeEntryMixin")]
    [InlineData("AdvancedATRExitMixin", BotLogicKind.Exit, "AdvancedATRExitMixin")]
    [InlineData("ATRExit", BotLogicKind.Exit, "ATRExitMixin")]
    public void Finds_logics_by_full_or_short_name(string name, BotLogicKind kind, string expected)
    {
        Assert.Equal(expected, BotLogicCatalog.Find(name, kind)?.Name);
    }

    [Theory]
    [InlineData("ATRExitMixin", BotLogicKind.Entry)]
    [InlineData("RSIOrBB", BotLogicKind.Exit)]
    [InlineData("MACDEntryMixin", BotLogicKind.Entry)]
    public void An_exit_is_not_an_entry_and_unknown_names_are_not_found(string name, BotLogicKind kind)
    {
        Assert.Null(BotLogicCatalog.Find(name, kind));
    }

    [Theory]
    [InlineData("e_rsi_period", "rsi_period")]
    [InlineData("rsi_period", "rsi_period")]
    [InlineData("E_BB_DEV", "bb_dev")]
    public void Entry_parameters_may_carry_the_e_prefix(string key, string parameter)
    {
        Assert.Equal(parameter, BotLogicCatalog.Find("RSIOrBB", BotLogicKind.Entry)!.FindParameter(key)?.Name);
    }

    [Fact]
    public void Exit_parameters_take_x_not_e()
    {
        var exit = BotLogicCatalog.Find("AdvancedATRExit", BotLogicKind.Exit)!;
        Assert.Equal("atr_period", exit.FindParameter("x_atr_period")?.Name);
        Assert.Null(exit.FindParameter("e_atr_period"));
    }

    [Theory]
    [InlineData("rsi_period", "14", null)]
    [InlineData("rsi_period", "14.0", null)]
    [InlineData("rsi_period", "14.5", "'14.5' is not a whole number")]
    [InlineData("rsi_period", "1", "1 is outside 2..200")]
    [InlineData("rsi_oversold", "abc", "'abc' is not a number")]
    [InlineData("bb_dev", "2.0", null)]
    [InlineData("bb_dev", "9", "9 is outside 0.5..5")]
    public void Entry_parameter_values_are_checked_for_kind_and_range(string name, string value, string? problem)
    {
        var parameter = BotLogicCatalog.Find("RSIOrBB", BotLogicKind.Entry)!.FindParameter(name)!;
        Assert.Equal(problem, parameter.Check(value));
    }

    [Theory]
    [InlineData("true", null)]
    [InlineData("False", null)]
    [InlineData("yes", "'yes' is not true or false")]
    public void Boolean_parameters_take_true_or_false(string value, string? problem)
    {
        Assert.Equal(problem, BotLogicCatalog.Find("AdvancedATRExit", BotLogicKind.Exit)!.FindParameter("trailing_enabled")!.Check(value));
    }
}
