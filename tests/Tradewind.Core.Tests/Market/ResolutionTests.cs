using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Market;

public sealed class ResolutionTests
{
    [Theory]
    [InlineData("1d", "1d")]
    [InlineData("daily", "1d")]
    [InlineData("1min", "1m")]
    [InlineData("5m", "5m")]
    [InlineData("60min", "1h")]
    [InlineData("1h", "1h")]
    [InlineData("4h", "4h")]
    [InlineData("1w", "1w")]
    public void Parses_vendor_spellings_into_one_canonical_form(string text, string canonical)
    {
        Assert.Equal(canonical, Resolution.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0d")]
    [InlineData("1x")]
    [InlineData("m")]
    public void Rejects_unknown_resolutions_with_the_accepted_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => Resolution.Parse(text));
        Assert.Contains("1m, 5m, 15m, 1h, 4h, 1d or 1w", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_and_week_are_date_based_intraday_is_not()
    {
        Assert.True(Resolution.Daily.IsDateBased);
        Assert.False(Resolution.Minute.IsDateBased);
    }
}
