using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class AssetFeaturesTests
{
    /// <summary>Closes 100, 101, …, 100 + n − 1: every feature is a ratio of known integers.</summary>
    private static double[] Line(int n) => [.. Enumerable.Range(0, n).Select(i => 100.0 + i)];

    [Fact]
    public void Returns_and_moving_averages_of_a_straight_line()
    {
        // 61 closes 100..160: the minimum for 60 days of history.
        var f = AssetFeatures.Compute(new AssetHistory("SPY", Line(61)), 252, 60);

        Assert.Equal("SPY", f.Symbol);
        Assert.Equal(60, f.Days);
        Assert.Equal(160, f.Close);
        Assert.Equal(160.0 / 155 - 1, f.Return5, 15);
        Assert.Equal(160.0 / 140 - 1, f.Return20, 15);
        Assert.Equal(0.6, f.Return60, 15);
        Assert.Equal(150.5, f.Sma20, 12); // mean of 141..160
        Assert.Equal(135.5, f.Sma50, 12); // mean of 111..160
        Assert.Equal(160 / 150.5 - 1, f.DistanceSma20, 14);
        Assert.Equal(160 / 135.5 - 1, f.DistanceSma50, 14);
    }

    [Fact]
    public void Volatility_is_the_sample_standard_deviation_of_the_last_20_daily_returns()
    {
        // Returns alternate exactly +2%, −2%: mean 0, sum of squares 20 × 0.0004, divided by 19.
        var f = AssetFeatures.Compute(AllocatorSeries.History("QQQ", 61, 0, 0.02), 252, 60);

        Assert.Equal(0.02 * Math.Sqrt(20.0 / 19), f.Volatility, 12);
        Assert.Equal(0.02 * Math.Sqrt(60.0 / 59), f.LookbackVolatility, 12);
    }

    [Fact]
    public void Volatility_uses_only_the_last_20_returns_and_the_lookback_volatility_all_of_the_window()
    {
        // 41 returns alternating ±5%, then 20 alternating ±1%.
        var returns = Enumerable.Range(0, 61).Select(i => (i % 2 == 0 ? 1 : -1) * (i < 41 ? 0.05 : 0.01)).ToArray();
        var closes = new double[62];
        closes[0] = 100;
        for (var i = 0; i < returns.Length; i++)
        {
            closes[i + 1] = closes[i] * (1 + returns[i]);
        }

        var f = AssetFeatures.Compute(new AssetHistory("DIA", closes), 252, 60);

        Assert.Equal(0.01 * Math.Sqrt(20.0 / 19), f.Volatility, 12);

        // 21 × +5% and 20 × −5% leave one unpaired +5%, the ±1% cancel: mean m = 0.05 / 61; sample variance = (Σ r² − 61 m²) / 60.
        var m = 0.05 / 61;
        Assert.Equal(Math.Sqrt((41 * 0.0025 + 20 * 0.0001 - 61 * m * m) / 60), f.LookbackVolatility, 12);
    }

    [Fact]
    public void Closes_before_the_lookback_window_are_ignored()
    {
        var window = Line(101);
        var longer = new double[] { 1e9, double.NaN, -5 }.Concat(Line(50).Select(c => c * 3)).Concat(window).ToArray();

        var expected = AssetFeatures.Compute(new AssetHistory("SPY", window), 100, 60);
        var actual = AssetFeatures.Compute(new AssetHistory("SPY", longer), 100, 60);

        Assert.Equal(expected, actual);
        Assert.Equal(100, actual.Days);
    }

    [Fact]
    public void Too_little_history_says_how_many_days_the_asset_has_needs_and_misses()
    {
        // 60 closes are 59 days: the 60-day return has no close 60 days back.
        var e = Assert.Throws<InsufficientHistoryException>(() => AssetFeatures.Compute(new AssetHistory("QQQ", Line(60)), 252, 60));

        Assert.Equal(("QQQ", 60, 59, 60, 1), (e.Symbol, e.Closes, e.Days, e.Required, e.Missing));
        Assert.Equal(
            "QQQ has 59 trading days of history (60 closes) but the capital allocator needs 60 (min_history_days; 61 closes, because a day of history is "
            + "one daily return from the previous close); 1 trading day is missing: fetch at least 1 more trading day of QQQ prices before this date",
            e.Message);
    }

    [Fact]
    public void Min_history_days_above_60_is_what_is_required()
    {
        var e = Assert.Throws<InsufficientHistoryException>(() => AssetFeatures.Compute(new AssetHistory("DIA", Line(81)), 252, 100));
        Assert.Equal((80, 100, 20), (e.Days, e.Required, e.Missing));
        Assert.Contains("20 trading days are missing", e.Message, StringComparison.Ordinal);

        var none = Assert.Throws<InsufficientHistoryException>(() => AssetFeatures.Compute(new AssetHistory("DIA", Array.Empty<double>()), 252, 60));
        Assert.Equal((0, 0, 60), (none.Closes, none.Days, none.Missing));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.0, "0")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_bad_close_in_the_window_is_named_by_position(double bad, string text)
    {
        var closes = Line(61);
        closes[58] = bad;

        var e = Assert.Throws<ArgumentException>(() => AssetFeatures.Compute(new AssetHistory("SPY", closes), 252, 60));

        Assert.StartsWith($"SPY: the close 2 trading days before the last (close 59 of the 61 used, oldest first) is {text}; closes must be positive finite prices", e.Message, StringComparison.Ordinal);
    }
}
