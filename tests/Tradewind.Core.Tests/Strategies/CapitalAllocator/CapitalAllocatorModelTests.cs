using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.Catalog;
using static Tradewind.Core.Tests.Strategies.CapitalAllocator.AllocatorSeries;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class CapitalAllocatorModelTests
{
    private static readonly CapitalAllocatorParameters Defaults = CapitalAllocatorParameters.Default;

    /// <summary>Three uncorrelated assets rising 0.3% a day with ±1% noise: bullish, low risk (volatility ≈ 16% → 20, correlation 0).</summary>
    private static AssetHistory[] Rising => Uncorrelated(253, 0.003, 0.01);

    /// <summary>The same falling 0.3% a day.</summary>
    private static AssetHistory[] Falling => Uncorrelated(253, -0.003, 0.01);

    [Theory]
    [InlineData(MarketZone.Bearish, RiskLevel.Low, AllocatorAction.Sell, "0.7")]
    [InlineData(MarketZone.Bearish, RiskLevel.Medium, AllocatorAction.Sell, "0.7")]
    [InlineData(MarketZone.Bearish, RiskLevel.High, AllocatorAction.Sell, "0.7")]
    [InlineData(MarketZone.Neutral, RiskLevel.Low, AllocatorAction.Buy, "0.2")]
    [InlineData(MarketZone.Neutral, RiskLevel.Medium, AllocatorAction.Hold, "0")]
    [InlineData(MarketZone.Neutral, RiskLevel.High, AllocatorAction.Hold, "0")]
    [InlineData(MarketZone.Bullish, RiskLevel.Low, AllocatorAction.Buy, "0.8")]
    [InlineData(MarketZone.Bullish, RiskLevel.Medium, AllocatorAction.Buy, "0.5")]
    [InlineData(MarketZone.Bullish, RiskLevel.High, AllocatorAction.Buy, "0.3")]
    public void The_action_table(MarketZone zone, RiskLevel level, AllocatorAction action, string fraction)
    {
        Assert.Equal((action, decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)), CapitalAllocatorModel.Rule(zone, level, Defaults));
    }

    [Theory]
    [InlineData(-1.0, MarketZone.Bearish)]
    [InlineData(-0.30000000000000004, MarketZone.Bearish)]
    [InlineData(-0.3, MarketZone.Neutral)]
    [InlineData(0.0, MarketZone.Neutral)]
    [InlineData(0.3, MarketZone.Neutral)]
    [InlineData(0.30000000000000004, MarketZone.Bullish)]
    [InlineData(1.0, MarketZone.Bullish)]
    public void Regime_thresholds_are_strict_and_the_neutral_band_includes_both(double regime, MarketZone zone)
    {
        Assert.Equal(zone, CapitalAllocatorModel.ZoneOf(regime, Defaults));
    }

    [Theory]
    [InlineData(0.0, RiskLevel.Low)]
    [InlineData(39.999999, RiskLevel.Low)]
    [InlineData(40.0, RiskLevel.Medium)]
    [InlineData(70.0, RiskLevel.Medium)]
    [InlineData(70.000001, RiskLevel.High)]
    [InlineData(100.0, RiskLevel.High)]
    public void Risk_medium_includes_both_thresholds(double risk, RiskLevel level)
    {
        Assert.Equal(level, CapitalAllocatorModel.LevelOf(risk, Defaults));
    }

    [Theory]
    [InlineData(0.65, MarketZone.Bullish, 0.5)] // (0.65 − 0.3) / 0.7
    [InlineData(1.0, MarketZone.Bullish, 1.0)]
    [InlineData(-0.65, MarketZone.Bearish, 0.5)]
    [InlineData(0.0, MarketZone.Neutral, 1.0)] // the middle of the band
    [InlineData(0.15, MarketZone.Neutral, 0.5)]
    [InlineData(-0.3, MarketZone.Neutral, 0.0)]
    public void The_margin_runs_from_the_boundary_to_the_far_end_of_the_zone(double regime, MarketZone zone, double margin)
    {
        Assert.Equal(margin, CapitalAllocatorModel.Margin(regime, zone, Defaults), 12);
    }

    [Fact]
    public void A_rising_calm_market_buys_80_percent_split_over_the_three_assets()
    {
        var d = CapitalAllocatorModel.Decide(Rising, Defaults);

        Assert.Equal((MarketZone.Bullish, RiskLevel.Low, AllocatorAction.Buy), (d.Zone, d.RiskLevel, d.Action));
        Assert.True(d.Regime > 0.5, $"regime {d.Regime}");
        Assert.Equal(0, d.Risk.AverageCorrelation, 9);
        Assert.InRange(d.Risk.Score, 10, 30);
        Assert.Equal((0.8m, 800m, 0m), (d.AllocationFraction, d.Budget, d.SellFraction));
        Assert.Equal(800m, d.Allocations.Values.Sum());
        Assert.Equal(3, d.Allocations.Count);
        Assert.All(d.Assets, a => Assert.True(a.TrendConsistent && a.Score > 0, a.Symbol));
        Assert.Equal(["SPY", "QQQ", "DIA"], d.Assets.Select(a => a.Symbol));
        Assert.Equal([1, 2, 3], d.Assets.Select(a => a.Rank).Order());
        Assert.Equal(d.Assets.Average(a => a.Regime), d.Regime, 15);
        Assert.Equal(CapitalAllocatorModel.Margin(d.Regime, MarketZone.Bullish, Defaults), d.Confidence, 15);
        Assert.StartsWith("bullish regime +0.", d.Reason, StringComparison.Ordinal);
        Assert.Contains("(above +0.30) and low risk ", d.Reason, StringComparison.Ordinal);
        Assert.Contains(": buy 80% of daily capital 1000.00 = 800.00: ", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_falling_market_sells_70_percent_of_every_holding()
    {
        var d = CapitalAllocatorModel.Decide(Falling, Defaults);

        Assert.Equal((MarketZone.Bearish, AllocatorAction.Sell), (d.Zone, d.Action));
        Assert.True(d.Regime < -0.5, $"regime {d.Regime}");
        Assert.Equal((0m, 0m, 0.7m), (d.AllocationFraction, d.Budget, d.SellFraction));
        Assert.Empty(d.Allocations);
        Assert.All(d.Assets, a => Assert.True(a.Score < 0 && !a.TrendConsistent));
        Assert.EndsWith(": sell 70% of every holding", d.Reason, StringComparison.Ordinal);
        Assert.InRange(d.Confidence, 0.3, 1);
    }

    [Fact]
    public void A_neutral_market_holds_unless_risk_is_low()
    {
        // Identical paths: correlation 1 adds 30 points; ±1.3% noise (annualized 1.3% × √(20/19) × √252 ≈ 21%)
        // adds 0.7 × 37 → risk ≈ 56, medium. No drift: the regime is near 0.
        AssetHistory[] together = [History("SPY", 253, 0, 0.013), History("QQQ", 253, 0, 0.013), History("DIA", 253, 0, 0.013)];
        var d = CapitalAllocatorModel.Decide(together, Defaults);

        Assert.Equal((MarketZone.Neutral, RiskLevel.Medium, AllocatorAction.Hold), (d.Zone, d.RiskLevel, d.Action));
        Assert.Equal(56, d.Risk.Score, 0);
        Assert.Empty(d.Allocations);
        Assert.EndsWith(": hold (a neutral regime buys only when risk is low)", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neutral_market_with_low_risk_buys_the_neutral_allocation()
    {
        // The rising market read against a bullish threshold it cannot pass.
        var d = CapitalAllocatorModel.Decide(Rising, Defaults with { BullishThreshold = 1 });

        Assert.Equal((MarketZone.Neutral, RiskLevel.Low, AllocatorAction.Buy), (d.Zone, d.RiskLevel, d.Action));
        Assert.Equal((0.2m, 200m), (d.AllocationFraction, d.Budget));
        Assert.Equal(200m, d.Allocations.Values.Sum());
    }

    [Fact]
    public void A_buy_with_no_positive_score_holds_and_says_why()
    {
        // The falling market read against a bearish threshold it cannot pass: neutral, low risk, every score negative.
        var d = CapitalAllocatorModel.Decide(Falling, Defaults with { BearishThreshold = -1 });

        Assert.Equal((MarketZone.Neutral, RiskLevel.Low, AllocatorAction.Hold), (d.Zone, d.RiskLevel, d.Action));
        Assert.Equal((0m, 0m), (d.AllocationFraction, d.Budget));
        Assert.Empty(d.Allocations);
        var best = d.Assets.Single(a => a.Rank == 1);
        Assert.Contains($": no asset has a positive score (best {best.Symbol} -0.", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_below_a_cent_holds()
    {
        var d = CapitalAllocatorModel.Decide(Rising, Defaults with { DailyCapital = 0.01m });

        Assert.Equal(AllocatorAction.Hold, d.Action);
        Assert.EndsWith(": 80% of daily_capital 0.01 is less than a cent: hold", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_regime_thresholds_hold_exactly_through_the_whole_decision()
    {
        var regime = CapitalAllocatorModel.Decide(Rising, Defaults).Regime;

        Assert.Equal(MarketZone.Neutral, CapitalAllocatorModel.Decide(Rising, Defaults with { BullishThreshold = regime }).Zone);
        Assert.Equal(MarketZone.Bullish, CapitalAllocatorModel.Decide(Rising, Defaults with { BullishThreshold = Math.BitDecrement(regime) }).Zone);

        var falling = CapitalAllocatorModel.Decide(Falling, Defaults).Regime;
        Assert.Equal(MarketZone.Neutral, CapitalAllocatorModel.Decide(Falling, Defaults with { BearishThreshold = falling }).Zone);
        Assert.Equal(AllocatorAction.Sell, CapitalAllocatorModel.Decide(Falling, Defaults with { BearishThreshold = Math.BitIncrement(falling) }).Action);
    }

    [Fact]
    public void The_risk_thresholds_hold_exactly_through_the_whole_decision()
    {
        var risk = CapitalAllocatorModel.Decide(Rising, Defaults).Risk.Score;
        var around = Defaults with { RiskMediumThreshold = risk / 2 };

        var atHigh = CapitalAllocatorModel.Decide(Rising, around with { RiskHighThreshold = risk });
        Assert.Equal((RiskLevel.Medium, 0.5m), (atHigh.RiskLevel, atHigh.AllocationFraction));
        var aboveHigh = CapitalAllocatorModel.Decide(Rising, around with { RiskHighThreshold = Math.BitDecrement(risk) });
        Assert.Equal((RiskLevel.High, 0.3m), (aboveHigh.RiskLevel, aboveHigh.AllocationFraction));

        var atMedium = CapitalAllocatorModel.Decide(Rising, Defaults with { RiskMediumThreshold = risk });
        Assert.Equal((RiskLevel.Medium, 0.5m), (atMedium.RiskLevel, atMedium.AllocationFraction));
        var belowMedium = CapitalAllocatorModel.Decide(Rising, Defaults with { RiskMediumThreshold = Math.BitIncrement(risk) });
        Assert.Equal((RiskLevel.Low, 0.8m), (belowMedium.RiskLevel, belowMedium.AllocationFraction));
    }

    [Fact]
    public void Equal_scores_rank_by_symbol()
    {
        // Three identical paths (correlation 1 → risk 30 + a calm volatility component of 0: low).
        var p = Defaults with { Assets = ["QQQ", "SPY", "DIA"] };
        AssetHistory[] same = [History("SPY", 253, 0.003, 0.005), History("QQQ", 253, 0.003, 0.005), History("DIA", 253, 0.003, 0.005)];

        var d = CapitalAllocatorModel.Decide(same, p);

        Assert.Equal(["QQQ", "SPY", "DIA"], d.Assets.Select(a => a.Symbol));
        Assert.Equal([2, 3, 1], d.Assets.Select(a => a.Rank));
        Assert.Equal(new Dictionary<string, decimal> { ["DIA"] = 360m, ["QQQ"] = 280m, ["SPY"] = 160m }, d.Allocations);
        Assert.Equal(1, d.Risk.AverageCorrelation, 12);
        Assert.Equal(RiskLevel.Low, d.RiskLevel);
    }

    [Fact]
    public void The_order_of_the_histories_does_not_matter()
    {
        var a = CapitalAllocatorModel.Decide(Rising, Defaults);
        var b = CapitalAllocatorModel.Decide([.. Rising.Reverse()], Defaults);

        Assert.Equal(a.Reason, b.Reason);
        Assert.Equal(a.Allocations, b.Allocations);
        Assert.Equal(a.Assets, b.Assets);
        Assert.Equal(a.Risk, b.Risk);
    }

    [Fact]
    public void Histories_must_match_the_configured_assets()
    {
        var missing = Assert.Throws<ArgumentException>(() => CapitalAllocatorModel.Decide(Rising[..2], Defaults));
        Assert.StartsWith("no price history is given for DIA; every configured asset (SPY, QQQ, DIA) needs one", missing.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<ArgumentException>(() => CapitalAllocatorModel.Decide([.. Rising, Rising[0]], Defaults));
        Assert.StartsWith("the price history of SPY is given twice", twice.Message, StringComparison.Ordinal);

        var extra = Assert.Throws<ArgumentException>(() => CapitalAllocatorModel.Decide([.. Rising, History("IWM", 253, 0, 0.01)], Defaults));
        Assert.StartsWith("a price history is given for IWM, which is not a configured asset (SPY, QQQ, DIA)", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_little_history_names_the_asset()
    {
        AssetHistory[] histories = [Rising[0], History("QQQ", 50, 0.003, 0.01), Rising[2]];

        var e = Assert.Throws<InsufficientHistoryException>(() => CapitalAllocatorModel.Decide(histories, Defaults));

        Assert.Equal(("QQQ", 49, 11), (e.Symbol, e.Days, e.Missing));
    }

    [Fact]
    public void Invalid_parameters_are_refused_before_anything_is_computed()
    {
        var e = Assert.Throws<StrategyParameterException>(() => CapitalAllocatorModel.Decide(Rising, Defaults with { SellPercentage = 2m }));
        Assert.Contains("sell_percentage is 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_is_the_margin_times_the_share_of_assets_that_agree()
    {
        // SPY and QQQ rise, DIA falls: the market is bullish but only two thirds of the assets are.
        AssetHistory[] mixed = [History("SPY", 253, 0.004, 0.01, 0), History("QQQ", 253, 0.004, 0.01, 1), History("DIA", 253, -0.001, 0.01, 2)];

        var d = CapitalAllocatorModel.Decide(mixed, Defaults);

        Assert.Equal(MarketZone.Bullish, d.Zone);
        Assert.Equal(2, d.Assets.Count(a => CapitalAllocatorModel.ZoneOf(a.Regime, Defaults) == MarketZone.Bullish));
        Assert.Equal(CapitalAllocatorModel.Margin(d.Regime, d.Zone, Defaults) * 2 / 3, d.Confidence, 15);
    }

    [Fact]
    public void The_features_used_hold_what_the_signal_row_stores()
    {
        var d = CapitalAllocatorModel.Decide(Rising, Defaults);

        var used = d.ToFeaturesUsed();

        Assert.Equal(d.Regime, used["regime"]);
        Assert.Equal(d.Risk.Score, used["risk"]);
        Assert.Equal("BUY", used["action"]);
        Assert.Equal(0.8m, used["allocation_pct"]);
        Assert.Equal(800m, used["budget"]);
        Assert.Equal("bullish", used["zone"]);
        Assert.Equal(d.Confidence, used["confidence"]);
        var assets = Assert.IsType<Dictionary<string, object>>(used["assets"]);
        Assert.Equal(["SPY", "QQQ", "DIA"], assets.Keys);
        var spy = Assert.IsType<Dictionary<string, object>>(assets["SPY"]);
        var features = d.Assets[0].Features;
        Assert.Equal(features.Return5, spy["returns_5d"]);
        Assert.Equal(features.Return20, spy["returns_20d"]);
        Assert.Equal(features.Return60, spy["returns_60d"]);
        Assert.Equal(features.Volatility, spy["volatility"]);
        Assert.Equal(d.Assets[0].Score, spy["score"]);
    }

    [Theory]
    [InlineData(AllocatorAction.Buy, "BUY")]
    [InlineData(AllocatorAction.Sell, "SELL")]
    [InlineData(AllocatorAction.Hold, "HOLD")]
    public void Action_names_round_trip(AllocatorAction action, string name)
    {
        Assert.Equal(name, CapitalAllocatorDecision.ActionName(action));
        Assert.Equal(action, CapitalAllocatorDecision.ParseAction(name));
    }

    [Fact]
    public void An_unknown_action_name_says_what_is_expected()
    {
        var e = Assert.Throws<ArgumentException>(() => CapitalAllocatorDecision.ParseAction("buy"));
        Assert.StartsWith("'buy' is not an allocator action; expected BUY, SELL or HOLD", e.Message, StringComparison.Ordinal);
    }
}
