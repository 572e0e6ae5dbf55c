using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class StochasticOscillatorTests
{
    // bar high low close   window (n = 3)      highest lowest  %K
    //  0   10   8   9
    //  1   11   9   10
    //  2   12   9   11     bars 0–2            12      8       100·(11 − 8)/4 = 75
    //  3   12   10  10     bars 1–3            12      9       100·(10 − 9)/3 = 33.33
    //  4   11   10  11     bars 2–4            12      9       100·(11 − 9)/3 = 66.67
    //  5   10   10  10     bars 3–5            12      10      100·0/2 = 0
    // %D(2): index 3 (75 + 33.33)/2 = 54.17; index 4 (33.33 + 66.67)/2 = 50; index 5 (66.67 + 0)/2 = 33.33.
    private static readonly double[] High = [10, 11, 12, 12, 11, 10];
    private static readonly double[] Low = [8, 9, 9, 10, 10, 10];
    private static readonly double[] Close = [9, 10, 11, 10, 11, 10];

    [Fact]
    public void Matches_a_table_worked_by_hand()
    {
        var k = new double[6];
        var d = new double[6];
        StochasticOscillator.Compute(High, Low, Close, 3, 2, 1, k, d);
        Expect.Close(Expect.Values(null, null, 75, 100.0 / 3, 200.0 / 3, 0), k, 1e-12);
        Expect.Close(Expect.Values(null, null, null, 325.0 / 6, 50, 100.0 / 3), d, 1e-12);
    }

    [Fact]
    public void Slowing_smooths_k_before_d()
    {
        // Slow stochastic (3, 2, slowing 2): %K = SMA(2) of the raw %K above: index 3 (75 + 33.33)/2 = 54.17,
        // index 4 50, index 5 33.33; %D = SMA(2) of that: index 4 (54.17 + 50)/2 = 52.08, index 5 (50 + 33.33)/2 = 41.67.
        var k = new double[6];
        var d = new double[6];
        StochasticOscillator.Compute(High, Low, Close, 3, 2, 2, k, d);
        Expect.Close(Expect.Values(null, null, null, 325.0 / 6, 50, 100.0 / 3), k, 1e-12);
        Expect.Close(Expect.Values(null, null, null, null, 625.0 / 12, 125.0 / 3), d, 1e-12);
    }

    [Fact]
    public void K_is_50_when_the_window_has_no_range()
    {
        var stochastic = new StochasticOscillator(3, 1);
        for (var i = 0; i < 5; i++)
        {
            stochastic.Update(20, 20, 20);
        }

        Assert.Equal(50, stochastic.K);
        Assert.Equal(50, stochastic.D);
    }

    [Theory]
    [InlineData(14, 3, 1)]
    [InlineData(5, 3, 3)]
    [InlineData(1, 1, 1)]
    public void K_starts_at_n_plus_slowing_minus_two_and_d_at_n_plus_slowing_plus_m_minus_three(int n, int m, int slowing)
    {
        var bars = TestSeries.Bars(19, 40);
        var k = new double[40];
        var d = new double[40];
        StochasticOscillator.Compute(bars.High, bars.Low, bars.Close, n, m, slowing, k, d);
        Assert.Equal(n + slowing - 2, Expect.FirstValueIndex(k));
        Assert.Equal(n + slowing + m - 3, Expect.FirstValueIndex(d));
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_scanning_each_window()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var slowing = (c.P3 % 4) + 1;
            var bars = TestSeries.Bars(c.Seed, c.Length);
            var k = new double[c.Length];
            var d = new double[c.Length];
            StochasticOscillator.Compute(bars.High, bars.Low, bars.Close, c.P1, c.P2, slowing, k, d);

            var expectedK = ReferenceFormulas.SmaAfterWarmUp(ReferenceFormulas.StochasticK(bars.High, bars.Low, bars.Close, c.P1), slowing);
            Expect.Close(expectedK, k, 1e-9);
            Expect.Close(ReferenceFormulas.SmaAfterWarmUp(expectedK, c.P2), d, 1e-9);

            var stochastic = new StochasticOscillator(c.P1, c.P2, slowing);
            var streamedK = new double[c.Length];
            var streamedD = new double[c.Length];
            for (var i = 0; i < c.Length; i++)
            {
                stochastic.Update(bars.High[i], bars.Low[i], bars.Close[i]);
                streamedK[i] = stochastic.K;
                streamedD[i] = stochastic.D;
            }

            return Expect.Identical(k, streamedK) && Expect.Identical(d, streamedD);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rolling_extremes_follow_a_long_monotonic_run()
    {
        // A falling run keeps every bar in the max-deque until it expires; a rising run empties it each bar.
        var bars = 200;
        var high = Enumerable.Range(0, bars).Select(i => i < 100 ? 300.0 - i : 100.0 + i).ToArray();
        var low = high.Select(h => h - 1).ToArray();
        var close = high.Select(h => h - 0.5).ToArray();
        var k = new double[bars];
        var d = new double[bars];
        StochasticOscillator.Compute(high, low, close, 10, 1, 1, k, d);
        Expect.Close(ReferenceFormulas.StochasticK(high, low, close, 10), k, 1e-12);
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var stochastic = new StochasticOscillator(2, 1);
        stochastic.Update(100, 1, 50);
        stochastic.Update(100, 1, 50);
        stochastic.Reset();
        Assert.False(stochastic.IsReady);
        Assert.True(double.IsNaN(stochastic.K));
        stochastic.Update(12, 10, 11);
        Assert.True(double.IsNaN(stochastic.K));
        stochastic.Update(12, 10, 12);
        Assert.Equal(100, stochastic.K);
    }
}
