using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Market;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("SPY", AssetClass.Equity)]
    [InlineData("spy", AssetClass.Equity)]
    [InlineData("BRK.B", AssetClass.Equity)]
    [InlineData("GSPC", AssetClass.Equity)]
    [InlineData("SPY-LEAN", AssetClass.Equity)]
    [InlineData("BTC-USD", AssetClass.Crypto)]
    [InlineData("ETH-USD", AssetClass.Crypto)]
    [InlineData("BTCUSDT", AssetClass.Crypto)]
    [InlineData("BTCUSD-COINBASE", AssetClass.Crypto)]
    [InlineData("ETHUSD-COINBASE", AssetClass.Crypto)]
    public void Infers_the_asset_class_from_the_ticker(string ticker, AssetClass expected)
    {
        var symbol = Symbol.Parse(ticker);
        Assert.Equal(expected, symbol.AssetClass);
        Assert.Equal(ticker.ToUpperInvariant(), symbol.Ticker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SP Y")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("SPY$")]
    public void Rejects_malformed_tickers(string ticker)
    {
        Assert.False(Symbol.TryParse(ticker, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
