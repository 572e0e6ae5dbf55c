using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class MovingAverageConvergenceDivergenceTests
{
    [Fact]
    public void Matches_small_periods_worked_by_hand()
    {
        // MACD(2, 3, 2) of 10, 12, 11, 14, 13, 15, 14.
        // EMA(2), α = 2/3: seed (10+12)/2 = 11 at index 1; 11; 11 + 2/3·3 = 13; 13; 13 + 2/3·2 = 43/3; 43/3 − 2/9 = 127/9.
        // EMA(3), α = 1/2: seed (10+12+11)/3 = 11 at index 2; 12.5; 12.75; 13.875; 13.9375.
        // Line from index 2: 0, 0.5, 0.25, 43/3 − 13.875 = 11/24, 127/9 − 13.9375 = 25/144.
        // Signal EMA(2) of the line: seed (0 + 0.5)/2 = 0.25 at index 3; 0.25 + 2/3·0 = 0.25;
        //   0.25 + 2/3·(11/24 − 1/4) = 7/18; 7/18 + 2/3·(25/144 − 7/18) = 53/216.
        // Histogram: 0.25, 0, 11/24 − 7/18 = 5/72, 25/144 − 53/216 = −31/432.
        double[] input = [10, 12, 11, 14, 13, 15, 14];
        var line = new double[7];
        var signal = new double[7];
        var histogram = new double[7];
        MovingAverageConvergenceDivergence.Compute(input, 2, 3, 2, line, signal, histogram);
        Expect.Close(Expect.Values(null, null, 0, 0.5, 0.25, 11.0 / 24, 25.0 / 144), line, 1e-14);
        Expect.Close(Expect.Values(null, null, null, 0.25, 0.25, 7.0 / 18, 53.0 / 216), signal, 1e-14);
        Expect.Close(Expect.Values(null, null, null, 0.25, 0, 5.0 / 72, -31.0 / 432), histogram, 1e-14);
    }

    [Theory]
    [InlineData(12, 26, 9)]
    [InlineData(2, 3, 2)]
    [InlineData(1, 2, 1)]
    public void Line_starts_at_slow_minus_one_and_signal_at_slow_plus_signal_minus_two(int fast, int slow, int signalPeriod)
    {
        var closes = TestSeries.Closes(13, 60);
        var line = new double[60];
        var signal = new double[60];
        var histogram = new double[60];
        MovingAverageConvergenceDivergence.Compute(closes, fast, slow, signalPeriod, line, signal, histogram);
        Assert.Equal(slow - 1, Expect.FirstValueIndex(line));
        Assert.Equal(slow + signalPeriod - 2, Expect.FirstValueIndex(signal));
        Assert.Equal(slow + signalPeriod - 2, Expect.FirstValueIndex(histogram));
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_the_reference_formula()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var fast = Math.Min(c.P1, c.P2);
            var slow = Math.Max(c.P1, c.P2) + 1;
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var line = new double[c.Length];
            var signal = new double[c.Length];
            var histogram = new double[c.Length];
            MovingAverageConvergenceDivergence.Compute(closes, fast, slow, c.P3, line, signal, histogram);
            var reference = ReferenceFormulas.Macd(closes, fast, slow, c.P3);
            Expect.Close(reference.Line, line, 1e-9);
            Expect.Close(reference.Signal, signal, 1e-9);
            Expect.Close(reference.Histogram, histogram, 1e-9);

            var macd = new MovingAverageConvergenceDivergence(fast, slow, c.P3);
            var streamedLine = new double[c.Length];
            var streamedSignal = new double[c.Length];
            var streamedHistogram = new double[c.Length];
            for (var i = 0; i < c.Length; i++)
            {
                macd.Update(closes[i]);
                streamedLine[i] = macd.Line;
                streamedSignal[i] = macd.Signal;
                streamedHistogram[i] = macd.Histogram;
            }

            return Expect.Identical(line, streamedLine) && Expect.Identical(signal, streamedSignal) && Expect.Identical(histogram, streamedHistogram);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var macd = new MovingAverageConvergenceDivergence(1, 2, 1);
        foreach (var x in new double[] { 5, 9, 2 })
        {
            macd.Update(x);
        }

        Assert.True(macd.IsReady);
        macd.Reset();
        Assert.False(macd.IsReady);
        Assert.True(double.IsNaN(macd.Line));
        Assert.True(double.IsNaN(macd.Signal));
        Assert.True(double.IsNaN(macd.Histogram));
        macd.Update(10);
        macd.Update(12);
        // EMA(1) = 12, EMA(2) seed = 11, line = 1, signal EMA(1) = 1, histogram 0.
        Assert.Equal(1, macd.Line);
        Assert.Equal(1, macd.Signal);
        Assert.Equal(0, macd.Histogram);
    }

    [Fact]
    public void Rejects_a_fast_period_not_shorter_than_the_slow_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(26, 12, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(12, 12, 9));
    }
}
