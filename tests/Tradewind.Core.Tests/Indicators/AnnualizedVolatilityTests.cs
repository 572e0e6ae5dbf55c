using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class AnnualizedVolatilityTests
{
    [Fact]
    public void Is_the_sample_deviation_of_log_returns_times_root_252()
    {
        // Prices 100, 110, 99, 108.9: log returns a = ln 1.1, b = ln 0.9, a.
        // n = 2: the sample σ of two values is |a − b|/√2. n = 3 at index 3: mean (2a + b)/3, deviations
        // (a − b)/3, −2(a − b)/3, (a − b)/3, squares sum to 6(a − b)²/9, /2 → σ = |a − b|/√3.
        double[] prices = [100, 110, 99, 108.9];
        var a = Math.Log(1.1);
        var b = Math.Log(0.9);
        var two = new double[4];
        AnnualizedVolatility.Compute(prices, 2, 252, two);
        Expect.Close(Expect.Values(null, null, Math.Abs(a - b) / Math.Sqrt(2) * Math.Sqrt(252), Math.Abs(a - b) / Math.Sqrt(2) * Math.Sqrt(252)), two, 1e-12);

        var three = new AnnualizedVolatility(3);
        var values = prices.Select(three.Update).ToArray();
        Expect.Close(Expect.Values(null, null, null, Math.Abs(a - b) / Math.Sqrt(3) * Math.Sqrt(252)), values, 1e-12);
    }

    [Fact]
    public void Annualization_factor_scales_by_its_square_root()
    {
        var closes = TestSeries.Closes(17, 50);
        var daily = new double[50];
        var crypto = new double[50];
        AnnualizedVolatility.Compute(closes, 20, 1, daily);
        AnnualizedVolatility.Compute(closes, 20, 365, crypto);
        Assert.Equal(daily[49] * Math.Sqrt(365), crypto[49], 1e-12);
    }

    [Fact]
    public void Streaming_equals_batch_matches_the_reference_and_starts_at_index_n()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var period = c.P1 + 1;
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var batch = new double[c.Length];
            AnnualizedVolatility.Compute(closes, period, 252, batch);

            var logReturns = closes.Skip(1).Select((x, i) => Math.Log(x / closes[i])).ToArray();
            var sigma = ReferenceFormulas.StandardDeviation(logReturns, period, ddof: 1);
            var expected = new[] { double.NaN }.Concat(sigma.Select(s => s * Math.Sqrt(252))).Take(c.Length).ToArray();
            Expect.Close(expected, batch, 1e-9);

            var volatility = new AnnualizedVolatility(period);
            return Expect.Identical(batch, closes.Select(volatility.Update).ToArray())
                && Expect.FirstValueIndex(batch) == (c.Length > period ? period : -1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_forgets_the_previous_price()
    {
        var volatility = new AnnualizedVolatility(2, 1);
        volatility.Update(1);
        volatility.Update(1000);
        volatility.Reset();
        Assert.True(double.IsNaN(volatility.Update(100)));
        Assert.True(double.IsNaN(volatility.Update(100)));
        Assert.Equal(0, volatility.Update(100));
    }
}
