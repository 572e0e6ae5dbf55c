using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class RollingReturnTests
{
    [Fact]
    public void Is_the_simple_return_over_n_bars()
    {
        // Return over 3 bars of 80, 90, 100, 100, 99, 120: 100/80 − 1 = 0.25, 99/90 − 1 = 0.1, 120/100 − 1 = 0.2.
        var ret = new RollingReturn(3);
        double[] input = [80, 90, 100, 100, 99, 120];
        var values = input.Select(ret.Update).ToArray();
        Expect.Close(Expect.Values(null, null, null, 0.25, 0.1, 0.2), values, 1e-15);
    }

    [Fact]
    public void Streaming_equals_batch_and_matches_the_direct_quotient()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[c.Length];
            RollingReturn.Compute(closes, c.P1, batch);
            var expected = closes.Select((x, t) => t >= c.P1 ? (x / closes[t - c.P1]) - 1 : double.NaN).ToArray();
            Expect.Close(expected, batch, 1e-15);
            var ret = new RollingReturn(c.P1);
            return Expect.Identical(batch, closes.Select(ret.Update).ToArray());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var ret = new RollingReturn(2);
        foreach (var x in new double[] { 1, 2, 3 })
        {
            ret.Update(x);
        }

        ret.Reset();
        Assert.False(ret.IsReady);
        Assert.True(double.IsNaN(ret.Value));
        ret.Update(10);
        ret.Update(20);
        Assert.Equal(0.5, ret.Update(15));
    }
}
