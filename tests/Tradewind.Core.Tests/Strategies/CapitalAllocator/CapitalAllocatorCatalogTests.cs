using Tradewind.Core.Engine;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary><c>capital-allocator</c> in the strategy catalogue: its parameters are the registry's, and a run of it trades its symbols like the jobs.</summary>
public sealed class CapitalAllocatorCatalogTests
{
    private static StrategyDefinition Definition => StrategyCatalog.CapitalAllocator;

    private static StrategyParameterValues Bind(params (string Name, string Value)[] given) =>
        Definition.Bind(given.Select(g => new KeyValuePair<string, string>(g.Name, g.Value)));

    [Fact]
    public void It_is_catalogued_with_the_registry_keys_and_defaults_of_the_parameters()
    {
        Assert.Same(Definition, StrategyCatalog.Get("Capital-Allocator"));
        Assert.Contains(Definition, StrategyCatalog.All);

        // Every registry key but the assets (the run's symbols) and the two tuning targets no decision reads.
        Assert.Equal(
            CapitalAllocatorParameters.Keys.Except(["assets", "max_drawdown_tolerance", "min_sharpe_target"]),
            Definition.Parameters.Select(p => p.Name));
        Assert.All(Definition.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Equal(CapitalAllocatorParameters.Default, CapitalAllocatorParameters.FromCatalog(Definition.Defaults));
        Assert.Equal(
            "daily_capital=1000 lookback_days=252 min_history_days=60 bullish_threshold=0.3 bearish_threshold=-0.3 risk_high_threshold=70 risk_medium_threshold=40 "
            + "allocation_low_risk=0.8 allocation_medium_risk=0.5 allocation_high_risk=0.3 allocation_neutral=0.2 sell_percentage=0.7 momentum_weight=0.6 price_momentum_weight=0.4",
            Definition.Defaults.ToString());
        Assert.Equal(1000m, Definition.DefaultInitialCash!(Definition.Defaults));
    }

    [Fact]
    public void Given_values_become_the_parameters_and_daily_capital_the_initial_cash()
    {
        var values = Bind(("daily_capital", "250.5"), ("lookback_days", "100"), ("sell_percentage", "0.45"), ("momentum-weight", "0.7"), ("price_momentum_weight", "0.3"));

        Assert.Equal(
            CapitalAllocatorParameters.Default with { DailyCapital = 250.5m, LookbackDays = 100, SellPercentage = 0.45m, MomentumWeight = 0.7, PriceMomentumWeight = 0.3 },
            CapitalAllocatorParameters.FromCatalog(values));
        Assert.Equal(250.5m, Definition.DefaultInitialCash!(values));
    }

    [Theory]
    [InlineData("bearish_threshold", "0.5", "bearish_threshold is 0.5 and bullish_threshold 0.3; they must satisfy -1 <= bearish_threshold < bullish_threshold <= 1")]
    [InlineData("risk_medium_threshold", "80", "risk_medium_threshold is 80 and risk_high_threshold 70; they must satisfy 0 <= risk_medium_threshold < risk_high_threshold <= 100")]
    [InlineData("momentum_weight", "0.7", "momentum_weight (0.7) + price_momentum_weight (0.4) is 1.1; they must add up to 1")]
    [InlineData("min_history_days", "300", "lookback_days is 252; it must be at least min_history_days (300)")]
    public void Rules_across_parameters_are_the_models(string name, string value, string problem)
    {
        var error = Assert.Throws<StrategyParameterException>(() => Bind((name, value)));
        Assert.Equal("capital-allocator", error.Strategy);
        Assert.StartsWith(problem, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("daily_capital", "0", "0 is outside 0.01..1000000000")]
    [InlineData("lookback_days", "59", "59 is outside 60..10000")]
    [InlineData("sell_percentage", "1.2", "1.2 is outside 0..1")]
    public void Values_out_of_range_are_refused_naming_the_range(string name, string value, string problem)
    {
        var error = Assert.Throws<StrategyParameterException>(() => Bind((name, value)));
        Assert.Contains($"{name}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_run_trades_its_symbols_as_the_assets_like_the_jobs()
    {
        var series = AllocatorBars.Series("IWM", "EFA");
        var days = AllocatorBars.Days;
        var values = Bind(("daily_capital", "500"), ("allocation_neutral", "0.4"));
        var options = new EngineOptions
        {
            InitialCash = Definition.DefaultInitialCash!(values),
            Start = AllocatorBars.Time(days[90]),
            End = AllocatorBars.Time(days[^1]),
        };

        var result = Backtest.Run(series, Definition, values, options, cancellationToken: TestContext.Current.CancellationToken);

        var parameters = CapitalAllocatorParameters.Default with { Assets = ["IWM", "EFA"], DailyCapital = 500m, AllocationNeutral = 0.4m };
        var replay = AllocatorJobReplay.Run(series, parameters, days[90], days[^1]);
        Assert.Equal(["EFA", "IWM"], replay.Trades.Select(t => t.Trade.Symbol).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            CapitalAllocatorStrategyTests.Trades(replay),
            [.. result.Journal.Fills
                .Select(f => (DateOnly.FromDateTime(f.Fill.Time), f.Fill.Symbol.Ticker, f.Fill.Side, f.Fill.Quantity, f.Fill.Price))
                .OrderBy(t => t.Item1).ThenBy(t => t.Ticker, StringComparer.Ordinal)]);
        Assert.Equal((replay.Cash, replay.Deposits), (result.Final.Cash, result.Final.NetContributions));
    }
}
