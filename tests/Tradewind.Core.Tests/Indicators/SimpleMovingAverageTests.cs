using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Averages_the_last_n_values_of_one_to_ten()
    {
        // SMA(3) at t is (x[t-2] + x[t-1] + x[t])/3: (1+2+3)/3 = 2, (2+3+4)/3 = 3, ... (8+9+10)/3 = 9.
        var expected = Expect.Values(null, null, 2, 3, 4, 5, 6, 7, 8, 9);
        var output = new double[10];
        SimpleMovingAverage.Compute(OneToTen, 3, output);
        Expect.Close(expected, output, 1e-15);
    }

    [Fact]
    public void Averages_an_uneven_series()
    {
        // SMA(4) of 5, 1, 7, 3, 10, 2: (5+1+7+3)/4 = 4, (1+7+3+10)/4 = 5.25, (7+3+10+2)/4 = 5.5.
        var sma = new SimpleMovingAverage(4);
        double[] input = [5, 1, 7, 3, 10, 2];
        var values = input.Select(sma.Update).ToArray();
        Expect.Close(Expect.Values(null, null, null, 4, 5.25, 5.5), values, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20)]
    public void First_value_is_at_index_period_minus_one(int period)
    {
        var sma = new SimpleMovingAverage(period);
        for (var i = 0; i < period - 1; i++)
        {
            Assert.True(double.IsNaN(sma.Update(100 + i)));
            Assert.False(sma.IsReady);
            Assert.True(double.IsNaN(sma.Value));
        }

        Assert.False(double.IsNaN(sma.Update(1)));
        Assert.True(sma.IsReady);
    }

    [Fact]
    public void Batch_output_is_all_nan_when_the_series_is_shorter_than_the_period()
    {
        var output = new double[3];
        SimpleMovingAverage.Compute([1, 2, 3], 4, output);
        Assert.All(output, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Streaming_equals_batch_bit_for_bit_and_matches_the_direct_mean()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[closes.Length];
            SimpleMovingAverage.Compute(closes, c.P1, batch);
            var sma = new SimpleMovingAverage(c.P1);
            var streamed = closes.Select(sma.Update).ToArray();
            Expect.Close(ReferenceFormulas.Sma(closes, c.P1), batch, 1e-12);
            return Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var sma = new SimpleMovingAverage(3);
        foreach (var x in new double[] { 50, 60, 70, 80 })
        {
            sma.Update(x);
        }

        sma.Reset();
        Assert.False(sma.IsReady);
        Assert.True(double.IsNaN(sma.Value));
        Assert.True(double.IsNaN(sma.Update(1)));
        Assert.True(double.IsNaN(sma.Update(2)));
        Assert.Equal(2, sma.Update(3));
    }

    [Fact]
    public void A_nan_input_leaves_the_average_within_one_window_after_it_leaves()
    {
        // SMA(3) with NaN at index 3: windows 3..5 contain it. It leaves at index 6, but the running sum stays NaN
        // until the next exact recomputation when the buffer wraps (indexes 2, 5, 8, ...), so index 8 is clean again.
        var sma = new SimpleMovingAverage(3);
        double[] input = [1, 2, 3, double.NaN, 5, 6, 7, 8, 9, 10];
        var values = input.Select(sma.Update).ToArray();
        Assert.True(double.IsNaN(values[7]));
        Assert.Equal(8, values[8]);
        Assert.Equal(9, values[9]);
    }

    [Fact]
    public void Rejects_a_period_below_one_and_a_mismatched_output()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(0));
        Assert.Throws<ArgumentException>(() => SimpleMovingAverage.Compute([1, 2, 3], 2, new double[2]));
        var shared = new double[4];
        Assert.Throws<ArgumentException>(() => SimpleMovingAverage.Compute(shared, 2, shared));
    }
}
