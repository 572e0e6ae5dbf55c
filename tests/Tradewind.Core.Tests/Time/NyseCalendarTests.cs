using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

// Expected values below come from NYSE's published holiday/early-close schedules and from the
// US Eastern time rules (EST = UTC-5, EDT = UTC-4), not from the calendar's own output.
public sealed class NyseCalendarTests
{
    private static readonly NyseCalendar Nyse = NyseCalendar.Instance;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Names_its_exchange_and_time_zone()
    {
        Assert.Equal("NYSE", Nyse.Name);
        Assert.Equal("America/New_York", Nyse.TimeZoneId);
        Assert.Equal("America/New_York", Nyse.TimeZone.Id);
        Assert.Equal(D("1990-01-01"), Nyse.FirstSupportedDate);
        Assert.Equal(D("2035-12-31"), Nyse.LastSupportedDate);
    }

    [Theory]
    [InlineData("2021-12-31", "New Year's Day 2022 is a Saturday and is not observed on the Friday before")]
    [InlineData("2021-06-18", "Juneteenth was not an NYSE holiday before 2022")]
    [InlineData("2010-12-31", "New Year's Day 2011 is a Saturday")]
    [InlineData("2024-07-03", "an early close is still a trading day")]
    [InlineData("1997-01-20", "MLK Day was not an NYSE holiday before 1998")]
    [InlineData("2022-12-23", "Christmas 2022 is a Sunday, observed the Monday after, not the Friday before")]
    [InlineData("2024-10-14", "Columbus Day is not an NYSE holiday")]
    [InlineData("2024-11-11", "Veterans Day is not an NYSE holiday")]
    public void Trades_on(string date, string why)
    {
        Assert.True(Nyse.IsTradingDay(D(date)), why);
        Assert.Null(Nyse.ClosureReason(D(date)));
        Assert.NotNull(Nyse.GetSession(D(date)));
    }

    [Theory]
    [InlineData("2022-06-20", "Juneteenth (observed)")]
    [InlineData("2023-06-19", "Juneteenth")]
    [InlineData("2015-07-03", "Independence Day (observed)")]
    [InlineData("2021-07-05", "Independence Day (observed)")]
    [InlineData("2016-12-26", "Christmas Day (observed)")]
    [InlineData("2021-12-24", "Christmas Day (observed)")]
    [InlineData("2017-01-02", "New Year's Day (observed)")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2024-01-15", "Martin Luther King Jr. Day")]
    [InlineData("2024-02-19", "Washington's Birthday")]
    [InlineData("2024-05-27", "Memorial Day")]
    [InlineData("2024-09-02", "Labor Day")]
    [InlineData("2024-11-28", "Thanksgiving Day")]
    [InlineData("2025-01-09", "Funeral of President Jimmy Carter")]
    [InlineData("1994-04-27", "Funeral of President Richard Nixon")]
    [InlineData("2004-06-11", "Funeral of President Ronald Reagan")]
    [InlineData("2007-01-02", "Funeral of President Gerald Ford")]
    [InlineData("2018-12-05", "Funeral of President George H. W. Bush")]
    [InlineData("2012-10-29", "Hurricane Sandy")]
    [InlineData("2012-10-30", "Hurricane Sandy")]
    [InlineData("2001-09-11", "September 11 attacks")]
    [InlineData("2001-09-14", "September 11 attacks")]
    [InlineData("2024-06-15", "weekend")]
    [InlineData("2024-06-16", "weekend")]
    [InlineData("2022-01-01", "weekend")]
    public void Is_closed_on_with_the_reason(string date, string reason)
    {
        Assert.False(Nyse.IsTradingDay(D(date)));
        Assert.Null(Nyse.GetSession(D(date)));
        Assert.Equal(reason, Nyse.ClosureReason(D(date)));
    }

    [Theory]
    [InlineData(1990, "04-13")]
    [InlineData(1993, "04-09")]
    [InlineData(1995, "04-14")]
    [InlineData(2000, "04-21")]
    [InlineData(2008, "03-21")]
    [InlineData(2011, "04-22")]
    [InlineData(2016, "03-25")]
    [InlineData(2019, "04-19")]
    [InlineData(2024, "03-29")]
    [InlineData(2025, "04-18")]
    [InlineData(2030, "04-19")]
    [InlineData(2035, "03-23")]
    public void Closes_on_Good_Friday_every_year(int year, string monthDay)
    {
        // Good Fridays from published Easter dates (e.g. Easter 2008 was March 23, 2035 is March 25).
        Assert.Equal("Good Friday", Nyse.ClosureReason(D($"{year}-{monthDay}")));
    }

    public static TheoryData<int, string[], string[]> PublishedYears => new()
    {
        {
            1992,
            ["01-01", "02-17", "04-17", "05-25", "07-03", "09-07", "11-26", "12-25"],
            ["11-27", "12-24"]
        },
        {
            2001,
            ["01-01", "01-15", "02-19", "04-13", "05-28", "07-04", "09-03", "09-11", "09-12", "09-13", "09-14", "11-22", "12-25"],
            ["07-03", "11-23", "12-24"]
        },
        {
            2002,
            ["01-01", "01-21", "02-18", "03-29", "05-27", "07-04", "09-02", "11-28", "12-25"],
            ["07-05", "11-29", "12-24"]
        },
        {
            2012,
            ["01-02", "01-16", "02-20", "04-06", "05-28", "07-04", "09-03", "10-29", "10-30", "11-22", "12-25"],
            ["07-03", "11-23", "12-24"]
        },
        {
            2013,
            ["01-01", "01-21", "02-18", "03-29", "05-27", "07-04", "09-02", "11-28", "12-25"],
            ["07-03", "11-29", "12-24"]
        },
        {
            2015,
            ["01-01", "01-19", "02-16", "04-03", "05-25", "07-03", "09-07", "11-26", "12-25"],
            ["11-27", "12-24"]
        },
        {
            2019,
            ["01-01", "01-21", "02-18", "04-19", "05-27", "07-04", "09-02", "11-28", "12-25"],
            ["07-03", "11-29", "12-24"]
        },
        {
            2021,
            ["01-01", "01-18", "02-15", "04-02", "05-31", "07-05", "09-06", "11-25", "12-24"],
            ["11-26"]
        },
        {
            2022,
            ["01-17", "02-21", "04-15", "05-30", "06-20", "07-04", "09-05", "11-24", "12-26"],
            ["11-25"]
        },
        {
            2024,
            ["01-01", "01-15", "02-19", "03-29", "05-27", "06-19", "07-04", "09-02", "11-28", "12-25"],
            ["07-03", "11-29", "12-24"]
        },
        {
            2025,
            ["01-01", "01-09", "01-20", "02-17", "04-18", "05-26", "06-19", "07-04", "09-01", "11-27", "12-25"],
            ["07-03", "11-28", "12-24"]
        },
        {
            2026,
            ["01-01", "01-19", "02-16", "04-03", "05-25", "06-19", "07-03", "09-07", "11-26", "12-25"],
            ["11-27", "12-24"]
        },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Weekday_closures_and_early_closes_match_the_published_schedule(int year, string[] closed, string[] earlyCloses)
    {
        var weekdays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(i => new DateOnly(year, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToList();

        var actualClosed = weekdays.Where(d => !Nyse.IsTradingDay(d)).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var actualEarly = weekdays.Where(d => Nyse.GetSession(d)?.IsEarlyClose == true).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(closed, actualClosed);
        Assert.Equal(earlyCloses, actualEarly);
    }

    [Theory]
    // Winter (EST, UTC-5) and summer (EDT, UTC-4), including the sessions either side of each DST switch.
    [InlineData("2024-01-16", "2024-01-16T14:30:00Z", "2024-01-16T21:00:00Z", -5)]
    [InlineData("2024-07-15", "2024-07-15T13:30:00Z", "2024-07-15T20:00:00Z", -4)]
    [InlineData("2024-03-08", "2024-03-08T14:30:00Z", "2024-03-08T21:00:00Z", -5)]
    [InlineData("2024-03-11", "2024-03-11T13:30:00Z", "2024-03-11T20:00:00Z", -4)]
    [InlineData("2024-11-01", "2024-11-01T13:30:00Z", "2024-11-01T20:00:00Z", -4)]
    [InlineData("2024-11-04", "2024-11-04T14:30:00Z", "2024-11-04T21:00:00Z", -5)]
    // DST ended on the last Sunday of October until 2006 and on the first Sunday of November from 2007.
    [InlineData("2006-10-30", "2006-10-30T14:30:00Z", "2006-10-30T21:00:00Z", -5)]
    [InlineData("2007-10-30", "2007-10-30T13:30:00Z", "2007-10-30T20:00:00Z", -4)]
    [InlineData("1993-04-05", "1993-04-05T13:30:00Z", "1993-04-05T20:00:00Z", -4)]
    public void Regular_sessions_run_0930_to_1600_New_York_time(string date, string openUtc, string closeUtc, int offsetHours)
    {
        var session = Nyse.GetSession(D(date))!;

        Assert.Equal(D(date), session.Date);
        Assert.Equal(DateTimeOffset.Parse(openUtc, System.Globalization.CultureInfo.InvariantCulture), session.OpenUtc);
        Assert.Equal(DateTimeOffset.Parse(closeUtc, System.Globalization.CultureInfo.InvariantCulture), session.CloseUtc);
        Assert.Equal(TimeSpan.Zero, session.OpenUtc.Offset);
        Assert.Equal(TimeSpan.FromHours(offsetHours), session.OpenLocal.Offset);
        Assert.Equal(TimeSpan.FromHours(offsetHours), session.CloseLocal.Offset);
        Assert.Equal(new TimeSpan(9, 30, 0), session.OpenLocal.TimeOfDay);
        Assert.Equal(new TimeSpan(16, 0, 0), session.CloseLocal.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(6.5), session.Duration);
        Assert.False(session.IsEarlyClose);
        Assert.Null(session.EarlyCloseReason);
    }

    [Theory]
    [InlineData("2024-07-03", "2024-07-03T17:00:00Z", "Day before Independence Day")]
    [InlineData("2024-11-29", "2024-11-29T18:00:00Z", "Day after Thanksgiving")]
    [InlineData("2024-12-24", "2024-12-24T18:00:00Z", "Christmas Eve")]
    [InlineData("2013-07-03", "2013-07-03T17:00:00Z", "Day before Independence Day")]
    [InlineData("2002-07-05", "2002-07-05T17:00:00Z", "Day after Independence Day")]
    [InlineData("2008-07-03", "2008-07-03T17:00:00Z", "Day before Independence Day")]
    [InlineData("2003-12-26", "2003-12-26T18:00:00Z", "Day after Christmas")]
    [InlineData("1997-12-26", "1997-12-26T18:00:00Z", "Day after Christmas")]
    // Before 1993 the shortened sessions ended at 14:00.
    [InlineData("1992-11-27", "1992-11-27T19:00:00Z", "Day after Thanksgiving")]
    [InlineData("1991-12-24", "1991-12-24T19:00:00Z", "Christmas Eve")]
    [InlineData("1993-11-26", "1993-11-26T18:00:00Z", "Day after Thanksgiving")]
    public void Early_closes_end_the_session_early_with_the_reason(string date, string closeUtc, string reason)
    {
        var session = Nyse.GetSession(D(date))!;

        Assert.True(session.IsEarlyClose);
        Assert.Equal(reason, session.EarlyCloseReason);
        Assert.Equal(DateTimeOffset.Parse(closeUtc, System.Globalization.CultureInfo.InvariantCulture), session.CloseUtc);
        Assert.Equal(new TimeSpan(9, 30, 0), session.OpenLocal.TimeOfDay);
    }

    [Theory]
    [InlineData("2015-07-02", "July 3 2015 is the observed holiday, so the Thursday before is a full day")]
    [InlineData("2019-07-05", "since 2013 the Friday after a Thursday Independence Day is a full day")]
    [InlineData("1991-07-03", "no July 3 early close before 1995")]
    [InlineData("1996-07-03", "a Wednesday July 3 was a full day before 2013 (the Friday after was shortened)")]
    [InlineData("2008-12-26", "the Friday after a Thursday Christmas was shortened only in 1997 and 2003")]
    [InlineData("1991-11-29", "the day after Thanksgiving was a full day before 1992")]
    public void Days_next_to_holidays_that_are_full_days(string date, string why)
    {
        Assert.False(Nyse.GetSession(D(date))!.IsEarlyClose, why);
    }

    [Theory]
    [InlineData("09:29:59", false)]
    [InlineData("09:30:00", true)]
    [InlineData("12:00:00", true)]
    [InlineData("15:59:59", true)]
    [InlineData("16:00:00", false)]
    [InlineData("00:00:00", false)]
    [InlineData("23:59:59", false)]
    public void Is_open_from_the_open_inclusive_to_the_close_exclusive(string localTime, bool open)
    {
        var time = TimeOnly.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture).ToTimeSpan();
        var winter = new DateTimeOffset(new DateTime(2024, 1, 16) + time, TimeSpan.FromHours(-5));
        var summer = new DateTimeOffset(new DateTime(2024, 7, 15) + time, TimeSpan.FromHours(-4));

        Assert.Equal(open, Nyse.IsOpen(winter));
        Assert.Equal(open, Nyse.IsOpen(summer));
        // The same instants given in UTC must answer the same.
        Assert.Equal(open, Nyse.IsOpen(winter.ToUniversalTime()));
        Assert.Equal(open, Nyse.IsOpen(summer.ToUniversalTime()));
        Assert.Equal(open, Nyse.GetSession(D("2024-07-15"))!.Contains(summer));
    }

    [Fact]
    public void Is_open_respects_early_closes_holidays_and_weekends()
    {
        var est = TimeSpan.FromHours(-5);
        Assert.True(Nyse.IsOpen(new DateTimeOffset(2024, 12, 24, 12, 59, 59, est)));
        Assert.False(Nyse.IsOpen(new DateTimeOffset(2024, 12, 24, 13, 0, 0, est)));
        Assert.False(Nyse.IsOpen(new DateTimeOffset(2024, 12, 25, 11, 0, 0, est)));
        Assert.False(Nyse.IsOpen(new DateTimeOffset(2024, 12, 28, 11, 0, 0, est)));
        // 15:00 UTC on 2024-07-03 is 11:00 in New York, inside the shortened session; 17:00 UTC is its close.
        Assert.True(Nyse.IsOpen(new DateTimeOffset(2024, 7, 3, 15, 0, 0, TimeSpan.Zero)));
        Assert.False(Nyse.IsOpen(new DateTimeOffset(2024, 7, 3, 17, 0, 0, TimeSpan.Zero)));
        // 01:00 UTC on a Tuesday is still Monday evening in New York: closed, whatever the UTC date says.
        Assert.False(Nyse.IsOpen(new DateTimeOffset(2024, 7, 16, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Converts_instants_to_New_York_dates()
    {
        Assert.Equal(D("2024-07-15"), Nyse.ToExchangeDate(new DateTimeOffset(2024, 7, 16, 3, 59, 59, TimeSpan.Zero)));
        Assert.Equal(D("2024-07-16"), Nyse.ToExchangeDate(new DateTimeOffset(2024, 7, 16, 4, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D("2024-01-16"), Nyse.ToExchangeDate(new DateTimeOffset(2024, 1, 17, 4, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Refuses_dates_outside_the_supported_range_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.IsTradingDay(D("1989-12-29")));
        Assert.Contains("1990-01-01..2035-12-31", error.Message, StringComparison.Ordinal);
        Assert.Contains("1989-12-29", error.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.IsTradingDay(D("2036-01-02")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.GetSession(D("2036-01-02")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.ClosureReason(D("1989-01-02")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.IsOpen(new DateTimeOffset(2036, 1, 2, 15, 0, 0, TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.TradingDays(D("1989-12-01"), D("1990-01-31")));
    }

    [Fact]
    public void Session_text_shows_local_times_offset_and_early_close()
    {
        Assert.Equal("2024-12-24 09:30-13:00 (UTC-05:00), early close: Christmas Eve", Nyse.GetSession(D("2024-12-24"))!.ToString());
        Assert.Equal("2024-07-15 09:30-16:00 (UTC-04:00)", Nyse.GetSession(D("2024-07-15"))!.ToString());
    }
}
