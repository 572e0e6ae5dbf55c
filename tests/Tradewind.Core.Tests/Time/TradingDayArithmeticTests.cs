using System.Globalization;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

public sealed class TradingDayArithmeticTests
{
    private static readonly TradingCalendar Nyse = TradingCalendars.Nyse;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2001-09-10", "2001-09-17")] // September 11 closures, then the weekend
    [InlineData("2012-10-26", "2012-10-31")] // weekend, then Hurricane Sandy
    [InlineData("2024-05-24", "2024-05-28")] // Memorial Day weekend
    [InlineData("2024-03-28", "2024-04-01")] // Good Friday weekend
    [InlineData("2024-11-27", "2024-11-29")] // Thanksgiving
    [InlineData("2022-12-23", "2022-12-27")] // Christmas observed on Monday
    [InlineData("2021-12-23", "2021-12-27")] // Christmas observed on Friday
    [InlineData("2024-06-15", "2024-06-17")] // from a Saturday
    [InlineData("2024-07-03", "2024-07-05")] // from an early close, over Independence Day
    [InlineData("2024-12-31", "2025-01-02")] // over the year end
    [InlineData("2025-01-08", "2025-01-10")] // Carter funeral
    public void Next_trading_day_skips_weekends_and_holiday_runs(string date, string next)
    {
        Assert.Equal(D(next), Nyse.NextTradingDay(D(date)));
    }

    [Theory]
    [InlineData("2001-09-17", "2001-09-10")]
    [InlineData("2012-10-31", "2012-10-26")]
    [InlineData("2024-01-16", "2024-01-12")] // MLK weekend
    [InlineData("2024-06-15", "2024-06-14")] // from a Saturday
    [InlineData("2024-04-01", "2024-03-28")]
    [InlineData("2022-01-03", "2021-12-31")] // New Year's Day on Saturday is not observed
    [InlineData("1990-01-02", null)]         // nothing before within the range: 1990-01-01 is a holiday
    public void Previous_trading_day_skips_weekends_and_holiday_runs(string date, string? previous)
    {
        if (previous is null)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.PreviousTradingDay(D(date)));
            Assert.Contains("1990-01-01..2035-12-31", error.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(D(previous), Nyse.PreviousTradingDay(D(date)));
    }

    [Fact]
    public void Next_after_the_last_supported_trading_day_is_refused()
    {
        var lastTradingDay = Nyse.PreviousTradingDay(D("2035-12-31"));
        Assert.True(Nyse.IsTradingDay(D("2035-12-31")));
        Assert.Equal(D("2035-12-28"), lastTradingDay);
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.NextTradingDay(D("2035-12-31")));
    }

    [Theory]
    [InlineData("2024-12-20", 3, "2024-12-26")] // Dec 23, 24 (early close), 26
    [InlineData("2024-12-26", -3, "2024-12-20")]
    [InlineData("2024-06-15", 1, "2024-06-17")] // counting starts next to a Saturday
    [InlineData("2024-06-15", -1, "2024-06-14")]
    [InlineData("2024-06-15", 0, "2024-06-15")] // zero steps is the date itself, trading day or not
    [InlineData("2024-06-14", 0, "2024-06-14")]
    [InlineData("2001-09-10", 1, "2001-09-17")]
    [InlineData("2023-12-29", 252, "2024-12-31")] // 2024 has 252 trading days
    public void Adds_trading_days(string date, int days, string expected)
    {
        Assert.Equal(D(expected), Nyse.AddTradingDays(D(date), days));
    }

    [Fact]
    public void Adding_beyond_the_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.AddTradingDays(D("2035-12-20"), 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.AddTradingDays(D("1990-01-10"), -20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.AddTradingDays(D("2000-01-10"), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.AddTradingDays(D("2000-01-10"), int.MinValue));
    }

    [Theory]
    [InlineData("2024-12-20", "2024-12-26", 3)]
    [InlineData("2024-12-26", "2024-12-20", -3)]
    [InlineData("2024-06-14", "2024-06-17", 1)]  // Friday to Monday
    [InlineData("2024-06-15", "2024-06-16", 0)]  // Saturday to Sunday
    [InlineData("2024-06-14", "2024-06-14", 0)]
    [InlineData("2024-06-14", "2024-06-15", 0)]  // (Fri, Sat] holds no trading day
    [InlineData("2024-06-13", "2024-06-15", 1)]  // (Thu, Sat] holds Friday
    [InlineData("2023-12-31", "2024-12-31", 252)]
    [InlineData("2022-12-31", "2023-12-31", 250)]
    [InlineData("2021-12-31", "2022-12-31", 251)]
    public void Counts_trading_days_in_the_half_open_interval(string from, string to, int expected)
    {
        Assert.Equal(expected, Nyse.TradingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void Trading_days_between_matches_counting_the_listed_trading_days()
    {
        var from = D("2011-12-15");
        foreach (var to in new[] { D("2011-12-15"), D("2012-01-03"), D("2012-07-06"), D("2012-11-05"), D("2013-01-02") })
        {
            var listed = Nyse.TradingDays(from.AddDays(1), to).Count();
            Assert.Equal(listed, Nyse.TradingDaysBetween(from, to));
            Assert.Equal(-listed, Nyse.TradingDaysBetween(to, from));
        }
    }

    [Fact]
    public void Lists_trading_days_inclusively_and_in_order()
    {
        var days = Nyse.TradingDays(D("2024-12-20"), D("2025-01-03")).ToList();

        Assert.Equal(
            new[] { "2024-12-20", "2024-12-23", "2024-12-24", "2024-12-26", "2024-12-27", "2024-12-30", "2024-12-31", "2025-01-02", "2025-01-03" }.Select(D),
            days);
        Assert.Empty(Nyse.TradingDays(D("2024-12-21"), D("2024-12-22")));
        Assert.Empty(Nyse.TradingDays(D("2024-12-31"), D("2024-12-20")));
        Assert.Single(Nyse.TradingDays(D("2024-12-24"), D("2024-12-24")));
    }

    [Fact]
    public void Add_and_between_round_trip_from_every_trading_day_of_a_year()
    {
        foreach (var day in Nyse.TradingDays(D("2012-01-01"), D("2012-12-31")))
        {
            foreach (var n in new[] { -300, -21, -5, -1, 0, 1, 5, 21, 300 })
            {
                var moved = Nyse.AddTradingDays(day, n);
                Assert.True(Nyse.IsTradingDay(moved));
                Assert.Equal(n, Nyse.TradingDaysBetween(day, moved));
                Assert.Equal(day, Nyse.AddTradingDays(moved, -n));
            }
        }
    }
}
