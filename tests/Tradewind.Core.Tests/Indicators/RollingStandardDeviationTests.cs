using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class RollingStandardDeviationTests
{
    [Fact]
    public void Divides_by_n_minus_one()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9 over all 8: squared deviations from 5 sum to 32; sample σ = √(32/7), not the
        // population value 2 that Bollinger Bands use.
        var deviation = new RollingStandardDeviation(8);
        foreach (var x in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            deviation.Update(x);
        }

        Assert.Equal(Math.Sqrt(32.0 / 7), deviation.Value, 1e-14);
    }

    [Fact]
    public void Rolls_over_windows_worked_by_hand()
    {
        // n = 3 over 2, 4, 4, 4, 5, 5, 7, 9:
        // [2,4,4] mean 10/3, squares 16/9 + 4/9 + 4/9 = 24/9, /2 → 4/3; [4,4,4] → 0; [4,4,5] mean 13/3, 1/9+1/9+4/9 = 2/3, /2 → 1/3;
        // [4,5,5] → 1/3; [5,5,7] mean 17/3, 4/9+4/9+16/9 = 24/9 → 4/3; [5,7,9] mean 7, 4+0+4 = 8, /2 → 4.
        double[] input = [2, 4, 4, 4, 5, 5, 7, 9];
        var output = new double[8];
        RollingStandardDeviation.Compute(input, 3, output);
        var expected = Expect.Values(null, null, Math.Sqrt(4.0 / 3), 0, Math.Sqrt(1.0 / 3), Math.Sqrt(1.0 / 3), Math.Sqrt(4.0 / 3), 2);
        Expect.Close(expected, output, 1e-14);
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_the_two_pass_formula()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var period = c.P1 + 1;
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[c.Length];
            RollingStandardDeviation.Compute(closes, period, batch);
            // Compared as variances: near a zero spread the square root turns a 1e-14 rounding residue into 1e-7.
            var expected = ReferenceFormulas.StandardDeviation(closes, period, ddof: 1);
            Expect.Close(expected.Select(s => s * s).ToArray(), batch.Select(s => s * s).ToArray(), 1e-9);
            var deviation = new RollingStandardDeviation(period);
            return Expect.Identical(batch, closes.Select(deviation.Update).ToArray())
                && Expect.FirstValueIndex(batch) == (c.Length >= period ? period - 1 : -1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_window_of_equal_values_has_exactly_zero_deviation()
    {
        // The sliding update alone leaves a residue of a few ulps here; the equal-run count makes it exactly 0.
        var deviation = new RollingStandardDeviation(3);
        double[] input = [100.3, 99.7, 101.1, 101.1, 101.1, 101.1, 99.9];
        var values = input.Select(deviation.Update).ToArray();
        Assert.Equal(0.0, values[4]);
        Assert.Equal(0.0, values[5]);
        Assert.True(values[6] > 0);
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var deviation = new RollingStandardDeviation(2);
        deviation.Update(1);
        deviation.Update(100);
        deviation.Reset();
        Assert.False(deviation.IsReady);
        Assert.True(double.IsNaN(deviation.Update(3)));
        Assert.Equal(Math.Sqrt(2), deviation.Update(5), 1e-15);
    }

    [Fact]
    public void Rejects_a_period_below_two()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingStandardDeviation(1));
    }
}
