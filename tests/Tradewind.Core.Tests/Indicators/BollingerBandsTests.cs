using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Uses_the_population_standard_deviation()
    {
        // BB(3, 2) of 1, 2, 3, 4, 6.
        // Index 2: window 1, 2, 3, mean 2, population variance (1 + 0 + 1)/3 = 2/3 (the sample variance would be 1).
        // Index 3: window 2, 3, 4, mean 3, same variance.
        // Index 4: window 3, 4, 6, mean 13/3, deviations −4/3, −1/3, 5/3, variance (16 + 1 + 25)/9/3 = 14/9, σ = √14/3.
        double[] input = [1, 2, 3, 4, 6];
        var middle = new double[5];
        var upper = new double[5];
        var lower = new double[5];
        BollingerBands.Compute(input, 3, 2, middle, upper, lower);
        var s = Math.Sqrt(2.0 / 3);
        var s4 = Math.Sqrt(14) / 3;
        Expect.Close(Expect.Values(null, null, 2, 3, 13.0 / 3), middle, 1e-14);
        Expect.Close(Expect.Values(null, null, 2 + (2 * s), 3 + (2 * s), (13.0 / 3) + (2 * s4)), upper, 1e-14);
        Expect.Close(Expect.Values(null, null, 2 - (2 * s), 3 - (2 * s), (13.0 / 3) - (2 * s4)), lower, 1e-14);
    }

    [Fact]
    public void Matches_the_textbook_population_deviation_of_two()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, population σ = √(32/8) = 2.
        var bands = new BollingerBands(8, 1.5);
        foreach (var x in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            bands.Update(x);
        }

        Assert.True(bands.IsReady);
        Assert.Equal(2, bands.StandardDeviation, 1e-14);
        Assert.Equal(5, bands.Middle, 1e-14);
        Assert.Equal(8, bands.Upper, 1e-14);
        Assert.Equal(2, bands.Lower, 1e-14);
    }

    [Fact]
    public void Bands_collapse_onto_the_middle_when_prices_are_flat()
    {
        var bands = new BollingerBands(4, 2);
        for (var i = 0; i < 10; i++)
        {
            bands.Update(101.25);
        }

        Assert.Equal(101.25, bands.Upper);
        Assert.Equal(101.25, bands.Lower);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void First_value_is_at_index_period_minus_one(int period)
    {
        var closes = TestSeries.Closes(11, 40);
        var middle = new double[40];
        var upper = new double[40];
        var lower = new double[40];
        BollingerBands.Compute(closes, period, 2, middle, upper, lower);
        Assert.Equal(period - 1, Expect.FirstValueIndex(middle));
        Assert.Equal(period - 1, Expect.FirstValueIndex(upper));
        Assert.Equal(period - 1, Expect.FirstValueIndex(lower));
    }

    [Fact]
    public void Streaming_equals_batch_the_middle_is_the_sma_and_the_width_matches_the_reference()
    {
        Prop.ForAll(TestSeries.Cases, c =>
        {
            var closes = TestSeries.Closes(c.Seed, c.Length);
            var k = c.P2 / 10.0;
            var middle = new double[c.Length];
            var upper = new double[c.Length];
            var lower = new double[c.Length];
            BollingerBands.Compute(closes, c.P1, k, middle, upper, lower);

            var sma = new double[c.Length];
            SimpleMovingAverage.Compute(closes, c.P1, sma);
            var sigma = ReferenceFormulas.StandardDeviation(closes, c.P1, ddof: 0);
            Expect.Close(sma.Select((m, i) => m + (k * sigma[i])).ToArray(), upper, 1e-9);
            Expect.Close(sma.Select((m, i) => m - (k * sigma[i])).ToArray(), lower, 1e-9);

            var bands = new BollingerBands(c.P1, k);
            var streamed = new double[c.Length][];
            for (var i = 0; i < c.Length; i++)
            {
                bands.Update(closes[i]);
                streamed[i] = [bands.Middle, bands.Upper, bands.Lower];
            }

            return Expect.Identical(sma, middle)
                && Expect.Identical(middle, streamed.Select(s => s[0]).ToArray())
                && Expect.Identical(upper, streamed.Select(s => s[1]).ToArray())
                && Expect.Identical(lower, streamed.Select(s => s[2]).ToArray());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_starts_over_as_if_new()
    {
        var bands = new BollingerBands(2, 1);
        bands.Update(100);
        bands.Update(300);
        bands.Reset();
        Assert.False(bands.IsReady);
        Assert.True(double.IsNaN(bands.Upper));
        bands.Update(1);
        Assert.True(double.IsNaN(bands.Middle));
        bands.Update(3);
        Assert.Equal(2, bands.Middle);
        Assert.Equal(3, bands.Upper);
    }

    [Fact]
    public void Rejects_a_negative_or_infinite_width()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, double.PositiveInfinity));
    }
}
