using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class CapitalAllocatorParametersTests
{
    [Fact]
    public void Defaults_are_the_issues_first_registry_version()
    {
        var p = CapitalAllocatorParameters.Default;
        Assert.Equal(1000m, p.DailyCapital);
        Assert.Equal(["SPY", "QQQ", "DIA"], p.Assets);
        Assert.Equal((252, 60), (p.LookbackDays, p.MinHistoryDays));
        Assert.Equal((0.3, -0.3), (p.BullishThreshold, p.BearishThreshold));
        Assert.Equal((70.0, 40.0), (p.RiskHighThreshold, p.RiskMediumThreshold));
        Assert.Equal((0.8m, 0.5m, 0.3m, 0.2m), (p.AllocationLowRisk, p.AllocationMediumRisk, p.AllocationHighRisk, p.AllocationNeutral));
        Assert.Equal(0.7m, p.SellPercentage);
        Assert.Equal((0.6, 0.4), (p.MomentumWeight, p.PriceMomentumWeight));
        Assert.Equal((15.0, 1.0), (p.MaxDrawdownTolerance, p.MinSharpeTarget));
        p.Validate();
    }

    [Fact]
    public void The_dictionary_has_every_key_in_snake_case_with_plain_values()
    {
        var values = CapitalAllocatorParameters.Default.ToDictionary();
        Assert.Equal(CapitalAllocatorParameters.Keys, values.Keys);
        Assert.Equal(1000m, values["daily_capital"]);
        Assert.Equal(new[] { "SPY", "QQQ", "DIA" }, values["assets"]);
        Assert.Equal(252, values["lookback_days"]);
        Assert.Equal(-0.3, values["bearish_threshold"]);
        Assert.Equal(0.7m, values["sell_percentage"]);
        Assert.Equal(0.2m, values["allocation_neutral"]);
    }

    [Fact]
    public void A_parameter_set_survives_the_round_trip()
    {
        var p = new CapitalAllocatorParameters
        {
            DailyCapital = 250.55m,
            Assets = ["IWM", "SPY"],
            LookbackDays = 120,
            MinHistoryDays = 80,
            BullishThreshold = 0.25,
            BearishThreshold = -0.4,
            RiskHighThreshold = 80,
            RiskMediumThreshold = 35.5,
            AllocationLowRisk = 0.9m,
            AllocationMediumRisk = 0.45m,
            AllocationHighRisk = 0.1m,
            AllocationNeutral = 0m,
            SellPercentage = 0.5m,
            MomentumWeight = 0.75,
            PriceMomentumWeight = 0.25,
            MaxDrawdownTolerance = 20,
            MinSharpeTarget = 0.5,
        };

        var back = CapitalAllocatorParameters.FromDictionary(p.ToDictionary());

        Assert.Equal(p, back);
        Assert.Equal(p.GetHashCode(), back.GetHashCode());
        Assert.NotEqual(p, back with { Assets = ["SPY", "IWM"] });
    }

    [Fact]
    public void Values_as_a_json_reader_gives_them_are_accepted()
    {
        // Numbers from JSON arrive as long or double, lists as object lists.
        var values = CapitalAllocatorParameters.Default.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value);
        values["daily_capital"] = 1000L;
        values["lookback_days"] = 252.0;
        values["min_history_days"] = 60L;
        values["sell_percentage"] = 0.7;
        values["allocation_low_risk"] = 0.8;
        values["risk_high_threshold"] = 70L;
        values["assets"] = new List<object> { "SPY", "QQQ", "DIA" };

        Assert.Equal(CapitalAllocatorParameters.Default, CapitalAllocatorParameters.FromDictionary(values));
    }

    [Fact]
    public void Missing_unknown_and_mistyped_keys_are_all_named()
    {
        var values = CapitalAllocatorParameters.Default.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value);
        values.Remove("sell_percentage");
        values["sell_pct"] = 0.7m;
        values["lookback_days"] = 252.5;
        values["assets"] = "SPY";

        var e = Assert.Throws<StrategyParameterException>(() => CapitalAllocatorParameters.FromDictionary(values));

        Assert.Equal("capital-allocator", e.Strategy);
        Assert.Contains(e.Problems, m => m.StartsWith("unknown parameter 'sell_pct'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, m => m.StartsWith("parameter 'sell_percentage' is missing", StringComparison.Ordinal));
        Assert.Contains("parameter 'lookback_days' is 252.5 (Double); it must be a whole number of trading days", e.Problems);
        Assert.Contains(e.Problems, m => m.StartsWith("parameter 'assets' is SPY (String); it must be a list of symbols", StringComparison.Ordinal));
        Assert.Equal(4, e.Problems.Count);
    }

    public static TheoryData<string, CapitalAllocatorParameters, string> Invalid => new()
    {
        { "capital", new() { DailyCapital = 0m }, "daily_capital is 0; it must be more than 0" },
        { "no assets", new() { Assets = [] }, "assets is empty" },
        { "duplicate", new() { Assets = ["SPY", "QQQ", "SPY"] }, "assets lists SPY 2 times" },
        { "blank", new() { Assets = ["SPY", " "] }, "assets contains ' '" },
        { "short history", new() { MinHistoryDays = 59 }, "min_history_days is 59; it must be at least 60" },
        { "lookback", new() { LookbackDays = 59, MinHistoryDays = 60 }, "lookback_days is 59; it must be at least min_history_days (60)" },
        { "regime order", new() { BullishThreshold = -0.3, BearishThreshold = -0.3 }, "bearish_threshold is -0.3 and bullish_threshold -0.3" },
        { "regime range", new() { BullishThreshold = 1.5 }, "bullish_threshold 1.5; they must satisfy -1 <= bearish_threshold < bullish_threshold <= 1" },
        { "risk order", new() { RiskMediumThreshold = 70 }, "risk_medium_threshold is 70 and risk_high_threshold 70" },
        { "allocation", new() { AllocationHighRisk = 1.2m }, "allocation_high_risk is 1.2; it must be a fraction from 0 to 1" },
        { "sell", new() { SellPercentage = -0.1m }, "sell_percentage is -0.1; it must be a fraction from 0 to 1" },
        { "weights", new() { MomentumWeight = 0.7 }, "momentum_weight (0.7) + price_momentum_weight (0.4) is 1.1; they must add up to 1" },
        { "drawdown", new() { MaxDrawdownTolerance = 0 }, "max_drawdown_tolerance is 0; it must be a percentage above 0" },
        { "sharpe", new() { MinSharpeTarget = double.NaN }, "min_sharpe_target is NaN" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_names_the_bad_parameter(string why, CapitalAllocatorParameters parameters, string expected)
    {
        var e = Assert.Throws<StrategyParameterException>(parameters.Validate);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{why}: {e.Message}");
        Assert.StartsWith("strategy capital-allocator: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boundary_values_are_valid()
    {
        new CapitalAllocatorParameters
        {
            DailyCapital = 0.01m,
            Assets = ["SPY"],
            LookbackDays = 60,
            MinHistoryDays = 60,
            BullishThreshold = 1,
            BearishThreshold = -1,
            RiskMediumThreshold = 0,
            RiskHighThreshold = 100,
            AllocationLowRisk = 1m,
            AllocationNeutral = 0m,
            SellPercentage = 1m,
            MomentumWeight = 1,
            PriceMomentumWeight = 0,
            MaxDrawdownTolerance = 100,
        }.Validate();
    }
}
