using System.Globalization;
using NodaTime;

namespace Tradewind.Core.Time;

/// <summary>NYSE's holiday, special-closure and early-close rules for 1990 onwards; see <see cref="NyseCalendar"/> for the rule list and sources.</summary>
internal static class NyseRules
{
    /// <summary>The shortened session's close since 1993.</summary>
    public static readonly LocalTime OnePm = new(13, 0);

    /// <summary>The shortened session's close before 1993 (day after Thanksgiving 1992, Christmas Eve 1990–1992).</summary>
    public static readonly LocalTime TwoPm = new(14, 0);

    // Closures decided by the exchange for one occasion; no rule predicts them, so they are listed.
    private static readonly (DateOnly Date, string Reason)[] SpecialClosures =
    [
        (new(1994, 4, 27), "Funeral of President Richard Nixon"),
        (new(2001, 9, 11), "September 11 attacks"),
        (new(2001, 9, 12), "September 11 attacks"),
        (new(2001, 9, 13), "September 11 attacks"),
        (new(2001, 9, 14), "September 11 attacks"),
        (new(2004, 6, 11), "Funeral of President Ronald Reagan"),
        (new(2007, 1, 2), "Funeral of President Gerald Ford"),
        (new(2012, 10, 29), "Hurricane Sandy"),
        (new(2012, 10, 30), "Hurricane Sandy"),
        (new(2018, 12, 5), "Funeral of President George H. W. Bush"),
        (new(2025, 1, 9), "Funeral of President Jimmy Carter"),
    ];

    // Early closes that broke the usual pattern: Christmas fell on a Thursday, and only in these two
    // years did the exchange also shorten the Friday after (2008 and 2014 had full Fridays).
    private static readonly (DateOnly Date, string Reason)[] SpecialEarlyCloses =
    [
        (new(1997, 12, 26), "Day after Christmas"),
        (new(2003, 12, 26), "Day after Christmas"),
    ];

    /// <summary>
    /// Every weekday in <paramref name="firstYear"/>..<paramref name="lastYear"/> on which NYSE is closed or
    /// closes early, with the reason. Weekends are not listed: a holiday that falls on one is either
    /// moved to a weekday by its observance rule or not observed at all.
    /// </summary>
    public static Dictionary<DateOnly, NyseSpecialDay> SpecialDays(int firstYear, int lastYear)
    {
        var days = new Dictionary<DateOnly, NyseSpecialDay>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            AddHolidays(year, days);
        }

        foreach (var (date, reason) in SpecialClosures)
        {
            if (date.Year >= firstYear && date.Year <= lastYear)
            {
                Add(days, date, new NyseSpecialDay(reason, null));
            }
        }

        // Early closes last: an early-close rule never shortens a day that is already closed.
        for (var year = firstYear; year <= lastYear; year++)
        {
            AddEarlyCloses(year, days);
        }

        foreach (var (date, reason) in SpecialEarlyCloses)
        {
            if (date.Year >= firstYear && date.Year <= lastYear)
            {
                days.TryAdd(date, new NyseSpecialDay(reason, OnePm));
            }
        }

        return days;
    }

    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian computus: Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>The <paramref name="n"/>-th <paramref name="weekday"/> of a month (n from 1).</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toWeekday = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toWeekday + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="weekday"/> of a month.</summary>
    public static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var backToWeekday = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-backToWeekday);
    }

    private static void AddHolidays(int year, Dictionary<DateOnly, NyseSpecialDay> days)
    {
        // New Year's Day on a Saturday is not observed: moving it to Friday Dec 31 would close the
        // exchange on the last trading day of the year, which NYSE has not done since 1952.
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday)
        {
            Close(days, newYear.AddDays(1), "New Year's Day (observed)");
        }
        else if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            Close(days, newYear, "New Year's Day");
        }

        if (year >= 1998)
        {
            Close(days, NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day");
        }

        Close(days, NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        Close(days, EasterSunday(year).AddDays(-2), "Good Friday");
        Close(days, LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (year >= 2022)
        {
            CloseObserved(days, new DateOnly(year, 6, 19), "Juneteenth");
        }

        CloseObserved(days, new DateOnly(year, 7, 4), "Independence Day");
        Close(days, NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        Close(days, NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day");
        CloseObserved(days, new DateOnly(year, 12, 25), "Christmas Day");
    }

    private static void AddEarlyCloses(int year, Dictionary<DateOnly, NyseSpecialDay> days)
    {
        // Independence Day eve: July 3 on a Monday, Tuesday or Thursday since 1995. When July 4 is a
        // Thursday, the shortened day was the Friday after (1996–2012) and is the Wednesday before since 2013.
        var july3 = new DateOnly(year, 7, 3);
        var independenceEve = july3.DayOfWeek switch
        {
            DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday => year >= 1995,
            DayOfWeek.Wednesday => year >= 2013,
            _ => false,
        };
        if (independenceEve)
        {
            ShortenIfOpen(days, july3, "Day before Independence Day", OnePm);
        }

        var july5 = new DateOnly(year, 7, 5);
        if (july5.DayOfWeek == DayOfWeek.Friday && year is >= 1996 and <= 2012)
        {
            ShortenIfOpen(days, july5, "Day after Independence Day", OnePm);
        }

        // The day after Thanksgiving: a full day until 1991, 14:00 in 1992, 13:00 since 1993.
        if (year >= 1992)
        {
            var dayAfterThanksgiving = NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(1);
            ShortenIfOpen(days, dayAfterThanksgiving, "Day after Thanksgiving", year == 1992 ? TwoPm : OnePm);
        }

        // Christmas Eve on a Monday–Thursday: 14:00 until 1992, 13:00 since (1993–1995 had no such day).
        // On a Friday it is either the observed Christmas holiday or, never so far, a full day.
        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            ShortenIfOpen(days, christmasEve, "Christmas Eve", year <= 1992 ? TwoPm : OnePm);
        }
    }

    // A fixed-date holiday on Saturday is observed the Friday before, on Sunday the Monday after.
    private static void CloseObserved(Dictionary<DateOnly, NyseSpecialDay> days, DateOnly date, string holiday)
    {
        switch (date.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                Close(days, date.AddDays(-1), holiday + " (observed)");
                break;
            case DayOfWeek.Sunday:
                Close(days, date.AddDays(1), holiday + " (observed)");
                break;
            default:
                Close(days, date, holiday);
                break;
        }
    }

    private static void Close(Dictionary<DateOnly, NyseSpecialDay> days, DateOnly date, string reason) =>
        Add(days, date, new NyseSpecialDay(reason, null));

    private static void ShortenIfOpen(Dictionary<DateOnly, NyseSpecialDay> days, DateOnly date, string reason, LocalTime close)
    {
        if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            days.TryAdd(date, new NyseSpecialDay(reason, close));
        }
    }

    // Two closures on one date, or one on a weekend, means a rule above is wrong: fail loudly.
    private static void Add(Dictionary<DateOnly, NyseSpecialDay> days, DateOnly date, NyseSpecialDay day)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"NYSE rule error: '{day.Reason}' falls on a weekend ({date:yyyy-MM-dd})"));
        }

        if (!days.TryAdd(date, day))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"NYSE rule error: {date:yyyy-MM-dd} is both '{days[date].Reason}' and '{day.Reason}'"));
        }
    }
}
