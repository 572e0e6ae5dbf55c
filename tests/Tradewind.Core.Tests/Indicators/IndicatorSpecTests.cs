using NodaTime;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Indicators;

public sealed class IndicatorSpecTests
{
    [Theory]
    [InlineData("sma:20", "sma_20")]
    [InlineData("ema:20", "ema_20")]
    [InlineData("rsi:14", "rsi_14")]
    [InlineData("atr:14", "atr_14")]
    [InlineData("bb:20,2", "bb_20_2_middle,bb_20_2_upper,bb_20_2_lower")]
    [InlineData("bb:20,2.0", "bb_20_2_middle,bb_20_2_upper,bb_20_2_lower")]
    [InlineData("bb:20,2.5", "bb_20_2.5_middle,bb_20_2.5_upper,bb_20_2.5_lower")]
    [InlineData("macd:12,26,9", "macd_12_26_9_macd,macd_12_26_9_signal,macd_12_26_9_hist")]
    [InlineData("roc:20", "roc_20")]
    [InlineData("stdev:20", "stdev_20")]
    [InlineData("vol:20", "vol_20")]
    [InlineData("vol:20,365", "vol_20_365")]
    [InlineData("ret:20", "ret_20")]
    [InlineData("stoch:14,3", "stoch_14_3_k,stoch_14_3_d")]
    [InlineData("stoch:14,3,3", "stoch_14_3_3_k,stoch_14_3_3_d")]
    [InlineData("obv", "obv")]
    [InlineData("vwap", "vwap")]
    [InlineData(" SMA : 20.0 ", "sma_20")]
    public void Names_columns_after_the_indicator_and_its_normalized_parameters(string text, string columns)
    {
        var spec = IndicatorSpec.Parse(text);
        Assert.Equal(columns.Split(','), spec.ColumnNames);
        var computed = spec.Compute(TestSeries.Series(1, 10));
        Assert.Equal(spec.ColumnNames, computed.Select(c => c.Name));
        Assert.All(computed, c => Assert.Equal(10, c.Values.Length));
    }

    [Theory]
    [InlineData("bb:20,2.0", "bb:20,2")]
    [InlineData("BB: 20 , 2.50", "bb:20,2.5")]
    [InlineData("macd:12,26,9", "macd:12,26,9")]
    [InlineData("vwap", "vwap")]
    public void Prints_a_canonical_spelling(string text, string canonical)
    {
        Assert.Equal(canonical, IndicatorSpec.Parse(text).ToString());
    }

    [Theory]
    [InlineData("sma:x", "indicator 'sma:x': period must be a whole number ≥ 1, e.g. sma:20")]
    [InlineData("sma:0", "indicator 'sma:0': period must be a whole number ≥ 1, e.g. sma:20")]
    [InlineData("ema:2.5", "indicator 'ema:2.5': period must be a whole number ≥ 1, e.g. ema:20")]
    [InlineData("rsi:-14", "indicator 'rsi:-14': period must be a whole number ≥ 1, e.g. rsi:14")]
    [InlineData("sma:", "indicator 'sma:': period must be a whole number ≥ 1, e.g. sma:20")]
    [InlineData("sma:NaN", "indicator 'sma:NaN': period must be a whole number ≥ 1, e.g. sma:20")]
    [InlineData("sma:1e3", "indicator 'sma:1e3': period must be a whole number ≥ 1, e.g. sma:20")]
    [InlineData("sma", "indicator 'sma': sma takes 1 parameter (period), e.g. sma:20")]
    [InlineData("sma:20,3", "indicator 'sma:20,3': sma takes 1 parameter (period), e.g. sma:20")]
    [InlineData("sma:2000000", "indicator 'sma:2000000': period must be a whole number ≥ 1 and at most 1000000, e.g. sma:20")]
    [InlineData("stdev:1", "indicator 'stdev:1': period must be a whole number ≥ 2, e.g. stdev:20")]
    [InlineData("bb:20", "indicator 'bb:20': bb takes 2 parameters (period, band width k in standard deviations), e.g. bb:20,2")]
    [InlineData("bb:20,-1", "indicator 'bb:20,-1': band width k in standard deviations must be a number ≥ 0, e.g. bb:20,2")]
    [InlineData("vol:20,0", "indicator 'vol:20,0': annualization factor in bars per year must be a number > 0, e.g. vol:20")]
    [InlineData("macd:26,12,9", "indicator 'macd:26,12,9': fast period must be shorter than slow period, e.g. macd:12,26,9")]
    [InlineData("macd:12,26", "indicator 'macd:12,26': macd takes 3 parameters (fast period, slow period, signal period), e.g. macd:12,26,9")]
    [InlineData("stoch:14", "indicator 'stoch:14': stoch takes 2 or 3 parameters (%K period, %D period[, slowing]), e.g. stoch:14,3")]
    [InlineData("obv:5", "indicator 'obv:5': obv takes no parameters; write just obv")]
    [InlineData("", "indicator '': the spec is empty; write a name and its parameters, e.g. sma:20")]
    public void Rejects_bad_specs_naming_the_spec_and_the_fix(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => IndicatorSpec.Parse(text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Rejects_an_unknown_name_listing_the_known_ones()
    {
        var error = Assert.Throws<FormatException>(() => IndicatorSpec.Parse("kama:10"));
        Assert.Equal(
            "indicator 'kama:10': unknown indicator 'kama'; known indicators: sma, ema, rsi, atr, bb, macd, roc, stdev, vol, ret, stoch, obv, vwap",
            error.Message);
        Assert.False(IndicatorSpec.TryParse(null, out _, out var reason));
        Assert.Contains("empty", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sma:20")]
    [InlineData("ema:20")]
    [InlineData("rsi:14")]
    [InlineData("atr:14")]
    [InlineData("bb:20,2")]
    [InlineData("macd:12,26,9")]
    [InlineData("roc:20")]
    [InlineData("stdev:20")]
    [InlineData("vol:20")]
    [InlineData("ret:20")]
    [InlineData("stoch:14,3")]
    [InlineData("stoch:14,3,3")]
    [InlineData("obv")]
    [InlineData("vwap")]
    public void Warm_up_bars_is_the_index_of_the_first_complete_row(string text)
    {
        var series = TestSeries.Series(23, 120);
        Assert.True(series.Volume[0] > 0);
        var spec = IndicatorSpec.Parse(text);
        var columns = spec.Compute(series);
        var firstComplete = Enumerable.Range(0, series.Count).First(i => columns.All(c => !double.IsNaN(c.Values[i])));
        Assert.Equal(firstComplete, spec.WarmUpBars);
    }

    [Fact]
    public void Computes_from_the_series_close_and_ohlcv_as_the_batch_helpers_do()
    {
        var series = TestSeries.Series(29, 200);
        var close = series.Close.ToArray();

        var expected = new double[200];
        SimpleMovingAverage.Compute(close, 20, expected);
        Assert.Equal(expected, IndicatorSpec.Parse("sma:20").Compute(series)[0].Values);

        AverageTrueRange.Compute(series.High, series.Low, series.Close, 14, expected);
        Assert.Equal(expected, IndicatorSpec.Parse("atr:14").Compute(series)[0].Values);

        var k = new double[200];
        var d = new double[200];
        StochasticOscillator.Compute(series.High, series.Low, series.Close, 14, 3, 1, k, d);
        var stoch = IndicatorSpec.Parse("stoch:14,3").Compute(series);
        Assert.Equal(k, stoch[0].Values);
        Assert.Equal(d, stoch[1].Values);

        OnBalanceVolume.Compute(series.Close, series.Volume, expected);
        Assert.Equal(expected, IndicatorSpec.Parse("obv").Compute(series)[0].Values);

        AnnualizedVolatility.Compute(close, 20, 365, expected);
        Assert.Equal(expected, IndicatorSpec.Parse("vol:20,365").Compute(series)[0].Values);

        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        SessionVwap.Compute(series, tokyo, expected);
        Assert.Equal(expected, IndicatorSpec.Parse("vwap").Compute(series, tokyo)[0].Values);
    }

    [Fact]
    public void Exposes_its_name_and_parameters()
    {
        var spec = IndicatorSpec.Parse("bb:20,2.5");
        Assert.Equal("bb", spec.Name);
        Assert.Equal([20, 2.5], spec.Parameters);
        Assert.Equal(19, spec.WarmUpBars);
        Assert.Contains("vwap", IndicatorSpec.KnownNames);
    }

    [Fact]
    public void Computes_all_nan_columns_on_a_series_shorter_than_the_warm_up()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        series.Add(new Bar(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 10, 11, 9, 10, 100));
        var columns = IndicatorSpec.Parse("macd:12,26,9").Compute(series);
        Assert.All(columns, c => Assert.True(double.IsNaN(c.Values[0])));
    }
}
