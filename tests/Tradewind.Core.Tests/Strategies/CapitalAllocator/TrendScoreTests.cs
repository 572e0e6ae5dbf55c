using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class TrendScoreTests
{
    [Fact]
    public void A_return_is_measured_in_random_walk_standard_deviations_over_its_horizon()
    {
        // σ √h = 0.01 × 2 = 0.02 for h = 4.
        Assert.Equal(Math.Tanh(1), TrendScore.Return(0.02, 4, 0.01), 15);
        Assert.Equal(Math.Tanh(-0.5), TrendScore.Return(-0.01, 4, 0.01), 15);
        Assert.Equal(Math.Tanh(3), TrendScore.Return(0.3, 100, 0.01), 15);
    }

    [Fact]
    public void Without_volatility_there_is_no_trend()
    {
        Assert.Equal(0, TrendScore.Return(0, 20, 0));
        Assert.Equal(0, TrendScore.Distance(0, 20, 0));
    }

    [Fact]
    public void The_distance_spread_is_the_closed_form()
    {
        Assert.Equal(Math.Sqrt(19.0 * 39 / 120), TrendScore.DistanceSpread(20), 14);
        Assert.Equal(Math.Sqrt(49.0 * 99 / 300), TrendScore.DistanceSpread(50), 14);
        Assert.Equal(0.5, TrendScore.DistanceSpread(2), 15); // (P_t − P_{t−1}) / 2: σ / 2
        for (var n = 2; n <= 60; n++)
        {
            var sumOfSquares = Enumerable.Range(1, n - 1).Sum(m => (double)m * m);
            Assert.Equal(Math.Sqrt(sumOfSquares) / n, TrendScore.DistanceSpread(n), 13);
        }

        Assert.Equal(Math.Tanh(0.8), TrendScore.Distance(0.01 * TrendScore.DistanceSpread(20) * 0.8, 20, 0.01), 14);
    }

    [Fact]
    public void The_distance_spread_matches_simulated_random_walks()
    {
        // 20,000 seeded random walks with 1% daily steps: the standard deviation of close / SMA − 1, in σ, agrees
        // with the closed form within 3% (the estimate's own error is about 0.5%).
        const double sigma = 0.01;
        var random = new Random(20240917);
        foreach (var n in new[] { 20, 50 })
        {
            const int paths = 20_000;
            var sum = 0.0;
            var squares = 0.0;
            var logs = new double[n];
            for (var p = 0; p < paths; p++)
            {
                var log = 0.0;
                for (var k = 0; k < n; k++)
                {
                    var u1 = 1 - random.NextDouble();
                    var u2 = random.NextDouble();
                    log += sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    logs[k] = log;
                }

                var sma = logs.Average(Math.Exp);
                var d = Math.Exp(logs[^1]) / sma - 1;
                sum += d;
                squares += d * d;
            }

            var sd = Math.Sqrt((squares - sum * sum / paths) / (paths - 1)) / sigma;
            Assert.True(Math.Abs(sd / TrendScore.DistanceSpread(n) - 1) < 0.03, $"n = {n}: simulated {sd:F3}, closed form {TrendScore.DistanceSpread(n):F3}");
        }
    }
}
