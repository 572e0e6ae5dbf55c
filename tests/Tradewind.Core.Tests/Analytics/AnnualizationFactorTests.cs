using Tradewind.Core.Analytics;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Analytics;

public sealed class AnnualizationFactorTests
{
    [Theory]
    [InlineData("1d", AssetClass.Equity, 252)]
    [InlineData("1w", AssetClass.Equity, 52)]
    [InlineData("1h", AssetClass.Equity, 1638)]      // 252 × 6.5
    [InlineData("30m", AssetClass.Equity, 3276)]     // 252 × 390 / 30
    [InlineData("1m", AssetClass.Equity, 98280)]     // 252 × 390
    [InlineData("1d", AssetClass.Crypto, 365)]
    [InlineData("1w", AssetClass.Crypto, 52)]
    [InlineData("4h", AssetClass.Crypto, 2190)]      // 365 × 24 / 4
    [InlineData("1m", AssetClass.Crypto, 525600)]    // 365 × 1440
    public void Bars_per_year_follow_the_session_length_of_the_asset_class(string resolution, AssetClass assetClass, double expected)
    {
        Assert.Equal(expected, AnnualizationFactor.For(Resolution.Parse(resolution), assetClass), 9);
        Assert.Equal(expected, PerformanceParameters.For(Resolution.Parse(resolution), assetClass).PeriodsPerYear, 9);
    }

    [Fact]
    public void Parameters_reject_meaningless_factors_and_rates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceParameters(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceParameters(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceParameters(252, double.PositiveInfinity));
        Assert.Equal(0, new PerformanceParameters(252).RiskFreeRate);
    }
}
