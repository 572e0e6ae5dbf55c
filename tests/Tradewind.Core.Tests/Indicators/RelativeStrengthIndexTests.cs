using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    [Fact]
    public void Matches_wilder_smoothing_worked_by_hand()
    {
        // RSI(3) of 10, 11, 10.5, 11.5, 11, 12. Changes: +1, −0.5, +1, −0.5, +1.
        // Index 3 (first 3 changes): avgGain = (1+0+1)/3 = 2/3, avgLoss = (0+0.5+0)/3 = 1/6, RS = 4, RSI = 100 − 100/5 = 80.
        // Index 4 (−0.5): avgGain = (2/3·2 + 0)/3 = 4/9, avgLoss = (1/6·2 + 0.5)/3 = 5/18, RS = 1.6, RSI = 100 − 100/2.6.
        // Index 5 (+1):   avgGain = (4/9·2 + 1)/3 = 17/27, avgLoss = (5/18·2 + 0)/3 = 5/27, RS = 3.4, RSI = 100 − 100/4.4.
        double[] closes = [10, 11, 10.5, 11.5, 11, 12];
        var output = new double[closes.Length];
        RelativeStrengthIndex.Compute(closes, 3, output);
        Expect.Close(Expect.Values(null, null, null, 80, 100 - (100 / 2.6), 100 - (100 / 4.4)), output, 1e-12);
    }

    [Fact]
    public void Matches_wilders_textbook_example()
    {
        // The 14-day example Wilder's RSI is usually taught with (reproduced in StockCharts' ChartSchool).
        // The first 14 changes gain 3.34 and lose 1.40 in total, so RSI = 100·3.34/(3.34 + 1.40) = 70.464...;
        // the published table shows 70.53 because it rounds the averages to two decimals first.
        double[] closes = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28];
        var rsi = new RelativeStrengthIndex(14);
        var values = closes.Select(rsi.Update).ToArray();
        Assert.True(double.IsNaN(values[13]));
        Assert.Equal(100 * 3.34 / 4.74, values[14], 1e-9);
        Assert.Equal(70.53, values[14], 0.1);
        Assert.Equal(3.34 / 14, rsi.AverageGain, 1e-12);
        Assert.Equal(1.40 / 14, rsi.AverageLoss, 1e-12);
    }

    [Fact]
    public void Is_100_without_losses_0_without_gains_and_50_when_flat()
    {
        Assert.Equal(100, Last(1, 2, 3, 4, 5));
        Assert.Equal(0, Last(5, 4, 3, 2, 1));
        Assert.Equal(50, Last(7, 7, 7, 7, 7));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    public void First_value_is_at_index_period(int period)
    {
        var output = new double[30];
        RelativeStrengthIndex.Compute(TestSeries.Closes(3, 30), period, output);
        Assert.Equal(period, Expect.FirstValueIndex(output));
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_the_reference_formula()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[closes.Length];
            RelativeStrengthIndex.Compute(closes, c.P1, batch);
            var rsi = new RelativeStrengthIndex(c.P1);
            var streamed = closes.Select(rsi.Update).ToArray();
            Expect.Close(ReferenceFormulas.Rsi(closes, c.P1), batch, 1e-9);
            return Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var rsi = new RelativeStrengthIndex(2);
        foreach (var x in new double[] { 5, 1, 9, 3 })
        {
            rsi.Update(x);
        }

        rsi.Reset();
        Assert.False(rsi.IsReady);
        Assert.True(double.IsNaN(rsi.Value));
        Assert.True(double.IsNaN(rsi.Update(10)));
        Assert.True(double.IsNaN(rsi.Update(11)));
        Assert.Equal(100, rsi.Update(12));
    }

    private static double Last(params double[] closes)
    {
        var rsi = new RelativeStrengthIndex(3);
        foreach (var x in closes)
        {
            rsi.Update(x);
        }

        return rsi.Value;
    }
}
