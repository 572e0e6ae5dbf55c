using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class AssetSignalTests
{
    private const double Sigma = 0.01;

    /// <summary>Features whose scores are tanh of the given z values (σ = 1%), with the close at 100.</summary>
    private static AssetFeatures Features(double z5, double z20, double z60, double zSma20, double zSma50)
    {
        var d20 = zSma20 * Sigma * TrendScore.DistanceSpread(20);
        var d50 = zSma50 * Sigma * TrendScore.DistanceSpread(50);
        return new AssetFeatures(
            "SPY", 252, 100,
            z5 * Sigma * Math.Sqrt(5), z20 * Sigma * Math.Sqrt(20), z60 * Sigma * Math.Sqrt(60),
            0.012, Sigma, 100 / (1 + d20), 100 / (1 + d50), d20, d50);
    }

    [Fact]
    public void Scores_follow_the_documented_formulas()
    {
        var s = AssetSignal.Assess(Features(0.5, 1, -0.25, 0.8, 0.4), 0.6, 0.4);

        var momentum = (Math.Tanh(0.5) + Math.Tanh(1) + Math.Tanh(-0.25)) / 3;
        var price = 0.6 * Math.Tanh(0.8) + 0.4 * Math.Tanh(0.4);
        Assert.Equal(momentum, s.MomentumScore, 14);
        Assert.Equal(Math.Tanh(0.8), s.Sma20Score, 14);
        Assert.Equal(Math.Tanh(0.4), s.Sma50Score, 14);
        Assert.Equal(0.5 * momentum + 0.3 * Math.Tanh(0.8) + 0.2 * Math.Tanh(0.4), s.Regime, 14);
        Assert.Equal(price, s.PriceMomentumScore, 14);
        Assert.False(s.TrendConsistent); // the 60-day return is negative
        Assert.Equal(0.6 * momentum + 0.4 * price, s.Score, 14);
        Assert.Equal((0, "SPY"), (s.Rank, s.Symbol));
    }

    [Fact]
    public void A_consistent_trend_multiplies_the_score_by_one_and_a_half()
    {
        var s = AssetSignal.Assess(Features(0.5, 1, 0.25, 0.8, 0.4), 0.6, 0.4);

        var momentum = (Math.Tanh(0.5) + Math.Tanh(1) + Math.Tanh(0.25)) / 3;
        Assert.True(s.TrendConsistent);
        Assert.Equal(1.5 * (0.6 * momentum + 0.4 * s.PriceMomentumScore), s.Score, 14);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1)] // 5-day return exactly 0 is not positive
    [InlineData(1, 1, 1, 0, 1)] // close exactly on the SMA-20 is not above it
    [InlineData(1, 1, 1, 1, -0.1)] // below the SMA-50
    public void Trend_consistency_needs_every_return_positive_and_the_close_strictly_above_both_averages(double z5, double z20, double z60, double zSma20, double zSma50)
    {
        var s = AssetSignal.Assess(Features(z5, z20, z60, zSma20, zSma50), 0.6, 0.4);

        Assert.False(s.TrendConsistent);
        Assert.Equal(0.6 * s.MomentumScore + 0.4 * s.PriceMomentumScore, s.Score, 15);
    }

    [Fact]
    public void A_negative_score_gets_no_bonus_even_when_every_trend_test_passes()
    {
        // Weights outside the validated range would be needed to make a consistent trend score negative;
        // Assess takes them as given, so the guard is observable.
        var s = AssetSignal.Assess(Features(1, 1, 1, 1, 1), -0.6, -0.4);

        Assert.True(s.TrendConsistent);
        Assert.True(s.Score < 0);
        Assert.Equal(-0.6 * s.MomentumScore - 0.4 * s.PriceMomentumScore, s.Score, 15);
    }

    [Fact]
    public void The_weights_choose_between_momentum_and_price_momentum()
    {
        var f = Features(-1, -1, -1, 2, 2);

        Assert.Equal(AssetSignal.Assess(f, 1, 0).MomentumScore, AssetSignal.Assess(f, 1, 0).Score, 15);
        Assert.Equal(AssetSignal.Assess(f, 0, 1).PriceMomentumScore, AssetSignal.Assess(f, 0, 1).Score, 15);
    }
}
