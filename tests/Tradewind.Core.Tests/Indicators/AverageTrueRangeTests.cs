using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class AverageTrueRangeTests
{
    // bar  high  low   close  true range
    //  0   10    8     9      10 − 8 = 2 (no previous close)
    //  1   12    9.5   11.5   max(2.5, |12 − 9| = 3, |9.5 − 9| = 0.5) = 3
    //  2   11    10    10.5   max(1, |11 − 11.5| = 0.5, |10 − 11.5| = 1.5) = 1.5
    //  3   14    13    13.5   max(1, |14 − 10.5| = 3.5, |13 − 10.5| = 2.5) = 3.5   (gap up)
    //  4   13    11    12     max(2, |13 − 13.5| = 0.5, |11 − 13.5| = 2.5) = 2.5
    // ATR(3): index 2 = (2 + 3 + 1.5)/3 = 13/6; index 3 = (13/6·2 + 3.5)/3 = 47/18; index 4 = (47/18·2 + 2.5)/3 = 139/54.
    private static readonly double[] High = [10, 12, 11, 14, 13];
    private static readonly double[] Low = [8, 9.5, 10, 13, 11];
    private static readonly double[] Close = [9, 11.5, 10.5, 13.5, 12];

    [Fact]
    public void Matches_a_five_bar_table_worked_by_hand()
    {
        var output = new double[5];
        AverageTrueRange.Compute(High, Low, Close, 3, output);
        Expect.Close(Expect.Values(null, null, 13.0 / 6, 47.0 / 18, 139.0 / 54), output, 1e-14);
    }

    [Fact]
    public void Period_one_is_the_true_range_itself()
    {
        var atr = new AverageTrueRange(1);
        var values = Enumerable.Range(0, 5).Select(i => atr.Update(High[i], Low[i], Close[i])).ToArray();
        Expect.Close([2, 3, 1.5, 3.5, 2.5], values, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    public void First_value_is_at_index_period_minus_one(int period)
    {
        var bars = TestSeries.Bars(5, 30);
        var output = new double[30];
        AverageTrueRange.Compute(bars.High, bars.Low, bars.Close, period, output);
        Assert.Equal(period - 1, Expect.FirstValueIndex(output));
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_the_reference_formula()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var bars = TestSeries.Bars(c.Seed, c.Length);
            var batch = new double[c.Length];
            AverageTrueRange.Compute(bars.High, bars.Low, bars.Close, c.P1, batch);
            var atr = new AverageTrueRange(c.P1);
            var streamed = Enumerable.Range(0, c.Length).Select(i => atr.Update(bars.High[i], bars.Low[i], bars.Close[i])).ToArray();
            Expect.Close(ReferenceFormulas.Atr(bars.High, bars.Low, bars.Close, c.P1), batch, 1e-12);
            return Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_forgets_the_previous_close()
    {
        var atr = new AverageTrueRange(1);
        atr.Update(100, 90, 95);
        atr.Reset();
        Assert.True(double.IsNaN(atr.Value));
        // Without the reset the previous close 95 would make this bar's true range 95 − 12 = 83.
        Assert.Equal(2, atr.Update(12, 10, 11));
    }

    [Fact]
    public void Rejects_spans_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => AverageTrueRange.Compute(High, Low.AsSpan(0, 4), Close, 3, new double[5]));
    }
}
