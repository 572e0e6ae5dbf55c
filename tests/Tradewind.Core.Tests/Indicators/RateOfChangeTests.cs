using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class RateOfChangeTests
{
    [Fact]
    public void Is_the_percentage_change_over_n_bars()
    {
        // ROC(2) of 100, 110, 121, 99, 132: 121/100 → +21 %, 99/110 → −10 %, 132/121 → +9.0909 %.
        double[] input = [100, 110, 121, 99, 132];
        var output = new double[5];
        RateOfChange.Compute(input, 2, output);
        Expect.Close(Expect.Values(null, null, 21, -10, ((132.0 / 121) - 1) * 100), output, 1e-12);
    }

    [Fact]
    public void Streaming_equals_batch_and_first_value_is_at_index_n()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[c.Length];
            RateOfChange.Compute(closes, c.P1, batch);
            var roc = new RateOfChange(c.P1);
            var streamed = closes.Select(roc.Update).ToArray();
            var expectedFirst = c.Length > c.P1 ? c.P1 : -1;
            return Expect.Identical(batch, streamed) && Expect.FirstValueIndex(batch) == expectedFirst;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var roc = new RateOfChange(1);
        roc.Update(50);
        roc.Update(75);
        Assert.True(roc.IsReady);
        roc.Reset();
        Assert.False(roc.IsReady);
        Assert.True(double.IsNaN(roc.Update(200)));
        Assert.Equal(-50, roc.Update(100));
    }
}
