using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

public sealed class TradingCalendarsTests
{
    [Theory]
    [InlineData("NYSE", "NYSE")]
    [InlineData("nyse", "NYSE")]
    [InlineData(" Nyse ", "NYSE")]
    [InlineData("CRYPTO", "CRYPTO")]
    [InlineData("crypto", "CRYPTO")]
    public void Finds_calendars_by_name_ignoring_case(string name, string expected)
    {
        Assert.Equal(expected, TradingCalendars.Get(name).Name);
        Assert.True(TradingCalendars.TryGet(name, out var calendar));
        Assert.Same(TradingCalendars.Get(name), calendar);
    }

    [Theory]
    [InlineData("LSE")]
    [InlineData("")]
    [InlineData("NYSE2")]
    public void Rejects_unknown_names_listing_the_known_ones(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TradingCalendars.Get(name));
        Assert.Contains("NYSE", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRYPTO", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.False(TradingCalendars.TryGet(name, out _));
    }

    [Fact]
    public void Picks_the_calendar_of_an_asset_class()
    {
        Assert.Same(NyseCalendar.Instance, TradingCalendars.For(AssetClass.Equity));
        Assert.Same(CryptoCalendar.Instance, TradingCalendars.For(AssetClass.Crypto));
        Assert.Throws<ArgumentOutOfRangeException>(() => TradingCalendars.For((AssetClass)99));
        Assert.Equal(["NYSE", "CRYPTO"], TradingCalendars.Names);
    }
}
