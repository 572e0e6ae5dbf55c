using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    [Fact]
    public void Is_seeded_with_the_sma_then_smoothed_with_two_over_n_plus_one()
    {
        // EMA(3), α = 2/4 = 0.5, on 10, 11, 12, 10, 9, 13:
        // seed at index 2 = (10+11+12)/3 = 11; then 11 + 0.5·(10 − 11) = 10.5;
        // 10.5 + 0.5·(9 − 10.5) = 9.75; 9.75 + 0.5·(13 − 9.75) = 11.375.
        double[] input = [10, 11, 12, 10, 9, 13];
        var output = new double[input.Length];
        ExponentialMovingAverage.Compute(input, 3, output);
        Expect.Close(Expect.Values(null, null, 11, 10.5, 9.75, 11.375), output, 1e-15);
    }

    [Fact]
    public void Follows_one_to_ten_one_step_behind()
    {
        // EMA(4), α = 0.4, on 1..10: seed (1+2+3+4)/4 = 2.5 at index 3; 2.5 + 0.4·(5 − 2.5) = 3.5; 3.5 + 0.4·(6 − 3.5) = 4.5 ...
        // On a straight line the EMA settles at x − 1.5 from the seed on.
        var ema = new ExponentialMovingAverage(4);
        var values = Enumerable.Range(1, 10).Select(x => ema.Update(x)).ToArray();
        Expect.Close(Expect.Values(null, null, null, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5), values, 1e-12);
        Assert.Equal(0.4, ema.Alpha, 15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(26)]
    public void First_value_is_at_index_period_minus_one(int period)
    {
        var output = new double[40];
        ExponentialMovingAverage.Compute(TestSeries.Closes(7, 40), period, output);
        Assert.Equal(period - 1, Expect.FirstValueIndex(output));
    }

    [Fact]
    public void Period_one_is_the_input_itself()
    {
        var ema = new ExponentialMovingAverage(1);
        Assert.Equal(5, ema.Update(5));
        Assert.Equal(7, ema.Update(7));
    }

    [Fact]
    public void Streaming_equals_batch_bit_for_bit_and_matches_the_textbook_recursion()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[closes.Length];
            ExponentialMovingAverage.Compute(closes, c.P1, batch);
            var ema = new ExponentialMovingAverage(c.P1);
            var streamed = closes.Select(ema.Update).ToArray();
            Expect.Close(ReferenceFormulas.Ema(closes, c.P1), batch, 1e-12);
            return Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var ema = new ExponentialMovingAverage(2);
        ema.Update(100);
        ema.Update(200);
        ema.Update(300);
        ema.Reset();
        Assert.False(ema.IsReady);
        Assert.True(double.IsNaN(ema.Value));
        Assert.True(double.IsNaN(ema.Update(1)));
        Assert.Equal(2, ema.Update(3));
    }
}
