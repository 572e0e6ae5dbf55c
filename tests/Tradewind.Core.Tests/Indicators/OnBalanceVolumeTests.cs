using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class OnBalanceVolumeTests
{
    [Fact]
    public void Adds_volume_on_up_closes_subtracts_on_down_closes_and_starts_at_zero()
    {
        // close  10   11    11    10    12
        // volume 100  200   300   400   500
        // OBV    0    +200  200   −200  +300
        double[] close = [10, 11, 11, 10, 12];
        double[] volume = [100, 200, 300, 400, 500];
        var output = new double[5];
        OnBalanceVolume.Compute(close, volume, output);
        Assert.Equal([0, 200, 200, -200, 300], output);
    }

    [Fact]
    public void Streaming_equals_batch_and_the_running_total()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var bars = TestSeries.Bars(c.Seed, c.Length);
            var batch = new double[c.Length];
            OnBalanceVolume.Compute(bars.Close, bars.Volume, batch);
            var expected = new double[c.Length];
            for (var t = 1; t < c.Length; t++)
            {
                expected[t] = expected[t - 1] + (Math.Sign(bars.Close[t] - bars.Close[t - 1]) * bars.Volume[t]);
            }

            var obv = new OnBalanceVolume();
            var streamed = Enumerable.Range(0, c.Length).Select(i => obv.Update(bars.Close[i], bars.Volume[i])).ToArray();
            return Expect.Identical(expected, batch) && Expect.Identical(batch, streamed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Has_a_value_from_the_first_bar_and_reset_returns_to_zero()
    {
        var obv = new OnBalanceVolume();
        Assert.False(obv.IsReady);
        Assert.True(double.IsNaN(obv.Value));
        Assert.Equal(0, obv.Update(10, 500));
        Assert.True(obv.IsReady);
        Assert.Equal(700, obv.Update(11, 700));
        obv.Reset();
        Assert.True(double.IsNaN(obv.Value));
        Assert.Equal(0, obv.Update(9, 100));
    }
}
