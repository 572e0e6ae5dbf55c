using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class RiskScoreTests
{
    /// <summary>Features with only the 20-day volatility set, to the daily value of <paramref name="annualized"/>.</summary>
    private static AssetFeatures WithVolatility(string symbol, double annualized) =>
        new(symbol, 252, 100, 0, 0, 0, annualized / Math.Sqrt(252), 0.01, 100, 100, 0, 0);

    private static ReadOnlyMemory<double> Series(int pattern, double amplitude = 0.01, int count = 61) =>
        AllocatorSeries.Closes(count, 0.001, amplitude, pattern);

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(0.10, 0)]
    [InlineData(0.25, 50)]
    [InlineData(0.40, 100)]
    [InlineData(0.80, 100)]
    public void Annualized_volatility_maps_from_10_percent_to_40_percent_onto_0_to_100(double annualized, double component)
    {
        var risk = RiskScore.Compute([WithVolatility("SPY", annualized), WithVolatility("QQQ", annualized)], [Series(0), Series(1)]);

        Assert.Equal(annualized, risk.AnnualizedVolatility, 12);
        Assert.Equal(component, risk.VolatilityComponent, 9);
        Assert.Equal(0, risk.AverageCorrelation, 12);
        Assert.Equal(0.7 * component, risk.Score, 9);
    }

    [Fact]
    public void The_volatility_is_the_mean_over_the_assets()
    {
        var risk = RiskScore.Compute([WithVolatility("SPY", 0.10), WithVolatility("QQQ", 0.30)], [Series(0), Series(1)]);
        Assert.Equal(0.20, risk.AnnualizedVolatility, 12);
        Assert.Equal(100.0 / 3, risk.VolatilityComponent, 9);
    }

    [Fact]
    public void Assets_that_move_together_score_100_and_orthogonal_ones_0()
    {
        var together = RiskScore.Compute([WithVolatility("SPY", 0.1), WithVolatility("QQQ", 0.1)], [Series(1), Series(1, 0.02)]);
        Assert.Equal(1, together.AverageCorrelation, 12);
        Assert.Equal(100, together.CorrelationComponent, 9);
        Assert.Equal(30, together.Score, 9);

        var apart = RiskScore.Compute(
            [WithVolatility("SPY", 0.1), WithVolatility("QQQ", 0.1), WithVolatility("DIA", 0.1)], [Series(0), Series(1), Series(2)]);
        Assert.Equal(0, apart.AverageCorrelation, 12);
        Assert.Equal(0, apart.Score, 9);
    }

    [Fact]
    public void The_average_is_over_all_pairs()
    {
        // SPY ~ QQQ (1), DIA orthogonal to both (0, 0): (1 + 0 + 0) / 3.
        var risk = RiskScore.Compute(
            [WithVolatility("SPY", 0.1), WithVolatility("QQQ", 0.1), WithVolatility("DIA", 0.1)], [Series(0), Series(0, 0.03), Series(1)]);
        Assert.Equal(1.0 / 3, risk.AverageCorrelation, 12);
        Assert.Equal(100.0 / 3, risk.CorrelationComponent, 9);
    }

    [Fact]
    public void Negative_correlation_counts_as_none()
    {
        var risk = RiskScore.Compute([WithVolatility("SPY", 0.1), WithVolatility("SH", 0.1)], [Series(0), Series(0, -0.01)]);
        Assert.Equal(-1, risk.AverageCorrelation, 12);
        Assert.Equal(0, risk.CorrelationComponent);
    }

    [Fact]
    public void A_single_asset_has_nothing_to_diversify_with_and_a_flat_one_diversifies()
    {
        var single = RiskScore.Compute([WithVolatility("SPY", 0.1)], [Series(0)]);
        Assert.Equal((1.0, 100.0), (single.AverageCorrelation, single.CorrelationComponent));

        var flat = RiskScore.Compute([WithVolatility("SPY", 0.1), WithVolatility("CASH", 0.1)], [Series(0), Enumerable.Repeat(1.0, 61).ToArray()]);
        Assert.Equal(0, flat.AverageCorrelation);
    }

    [Fact]
    public void Only_the_last_60_returns_count()
    {
        // QQQ's first 40 returns are SPY's pattern inverted; its last 60 are orthogonal to SPY.
        var qqq = AllocatorSeries.Closes(41, 0, -0.01, 0).Concat(AllocatorSeries.Closes(61, 0, 0.01, 1).Skip(1).Select(c => c / 100 * AllocatorSeries.Closes(41, 0, -0.01, 0)[^1])).ToArray();
        var spy = AllocatorSeries.Closes(101, 0, 0.01, 0);

        var risk = RiskScore.Compute([WithVolatility("SPY", 0.1), WithVolatility("QQQ", 0.1)], [spy, qqq]);

        Assert.Equal(101, qqq.Length);
        Assert.Equal(0, risk.AverageCorrelation, 12);
    }

    [Fact]
    public void Too_short_a_series_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => RiskScore.Compute([WithVolatility("SPY", 0.1)], [Series(0, count: 60)]));
        Assert.StartsWith("SPY: the correlation needs 61 closes, got 60", e.Message, StringComparison.Ordinal);
    }
}
