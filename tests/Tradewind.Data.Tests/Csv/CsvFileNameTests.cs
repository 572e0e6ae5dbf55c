using Tradewind.Core.Market;
using Tradewind.Data.Csv;

namespace Tradewind.Data.Tests.Csv;

public sealed class CsvFileNameTests
{
    [Theory]
    [InlineData("SPY.csv", "SPY", null, AssetClass.Equity)]
    [InlineData("data/daily/SPY.csv", "SPY", null, AssetClass.Equity)]
    [InlineData("SPY_1min.csv", "SPY", "1m", AssetClass.Equity)]
    [InlineData("BTC-USD_1h.csv", "BTC-USD", "1h", AssetClass.Crypto)]
    [InlineData("SPY-LEAN_1min.csv", "SPY-LEAN", "1m", AssetClass.Equity)]
    [InlineData("BTCUSD-COINBASE_1min.csv", "BTCUSD-COINBASE", "1m", AssetClass.Crypto)]
    [InlineData("AAPL_60min.csv", "AAPL", "1h", AssetClass.Equity)]
    [InlineData("QQQ_daily.csv", "QQQ", "1d", AssetClass.Equity)]
    [InlineData("BRK_B.csv", "BRK_B", null, AssetClass.Equity)]
    [InlineData("spy", "SPY", null, AssetClass.Equity)]
    public void Derives_symbol_and_resolution_from_the_file_name(string path, string ticker, string? resolution, AssetClass assetClass)
    {
        var name = CsvFileName.Parse(path);

        Assert.Equal(ticker, name.Symbol.Ticker);
        Assert.Equal(assetClass, name.Symbol.AssetClass);
        Assert.Equal(resolution, name.Resolution?.ToString());
    }

    [Fact]
    public void A_name_that_is_no_ticker_says_why()
    {
        Assert.False(CsvFileName.TryParse("prices (copy).csv", out _, out var reason));
        Assert.StartsWith("file name 'prices (copy).csv' does not name a symbol: symbol 'prices (copy)' contains ' '", reason, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CsvFileName.Parse(""));
    }
}
