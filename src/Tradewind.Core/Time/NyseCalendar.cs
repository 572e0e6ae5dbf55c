using System.Globalization;
using NodaTime;

namespace Tradewind.Core.Time;

/// <summary>The New York Stock Exchange calendar: 09:30–16:00 America/New_York on weekdays that are not NYSE holidays, 1990–2035.</summary>
/// <remarks>
/// <para>Holidays (closed all day), with NYSE's observance of fixed dates that fall on a weekend:</para>
/// <list type="bullet">
/// <item>New Year's Day, Jan 1: Sunday → Monday; Saturday → not observed (the exchange trades on Friday Dec 31).</item>
/// <item>Martin Luther King Jr. Day, third Monday of January, from 1998.</item>
/// <item>Washington's Birthday, third Monday of February.</item>
/// <item>Good Friday, two days before Gregorian Easter, every year.</item>
/// <item>Memorial Day, last Monday of May.</item>
/// <item>Juneteenth, June 19, from 2022: Saturday → Friday, Sunday → Monday.</item>
/// <item>Independence Day, July 4: Saturday → Friday, Sunday → Monday.</item>
/// <item>Labor Day, first Monday of September.</item>
/// <item>Thanksgiving Day, fourth Thursday of November.</item>
/// <item>Christmas Day, Dec 25: Saturday → Friday, Sunday → Monday.</item>
/// </list>
/// <para>
/// Special closures: 1994-04-27 (Nixon funeral), 2001-09-11..14 (September 11), 2004-06-11 (Reagan funeral),
/// 2007-01-02 (Ford funeral), 2012-10-29..30 (Hurricane Sandy), 2018-12-05 (George H. W. Bush funeral),
/// 2025-01-09 (Carter funeral).
/// </para>
/// <para>Early closes (13:00 New York time unless said otherwise):</para>
/// <list type="bullet">
/// <item>Day after Thanksgiving: from 1993; 14:00 in 1992; a full day before 1992.</item>
/// <item>Christmas Eve on a Monday–Thursday: 14:00 in 1990–1992, 13:00 since (no such day in 1993–1995).</item>
/// <item>July 3 on a Monday, Tuesday or Thursday, from 1995; July 3 on a Wednesday from 2013.</item>
/// <item>Friday July 5 (Independence Day on Thursday) in 1996–2012; since 2013 the Wednesday before instead.</item>
/// <item>Friday Dec 26 in 1997 and 2003 (Christmas on Thursday; other such Fridays were full days).</item>
/// </list>
/// <para>
/// Sources, as facts: NYSE's published holiday and early-close schedules; the historical rules and dates
/// as recorded in the pandas_market_calendars NYSE calendar (which follows NYSE's "Closings" history);
/// SPY daily bars 1993-01-29..2025-01-07 (the tests check the trading days against them both ways).
/// Years after the last published NYSE schedule are projected from the rules. Not modelled: unscheduled
/// intraday disruptions (late opens and weather or systems early closes, e.g. 1996-01-08, 1997-10-27);
/// those days count as regular sessions. See docs/calendars.md.
/// </para>
/// </remarks>
public sealed class NyseCalendar : TradingCalendar
{
    private static readonly LocalTime RegularOpen = new(9, 30);
    private static readonly LocalTime RegularClose = new(16, 0);
    private static readonly DateOnly First = new(1990, 1, 1);
    private static readonly DateOnly Last = new(2035, 12, 31);

    // Built on first use; Lazy's default mode lets exactly one thread build it while others wait.
    private static readonly Lazy<NyseSchedule> LazySchedule = new(() => NyseSchedule.Build(First, Last));

    private NyseCalendar()
        : base("NYSE", DateTimeZoneProviders.Tzdb["America/New_York"], First, Last)
    {
    }

    /// <summary>The NYSE calendar.</summary>
    public static NyseCalendar Instance { get; } = new();

    private static NyseSchedule Schedule => LazySchedule.Value;

    /// <inheritdoc />
    public override bool IsTradingDay(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        return Schedule.IsTradingDay(Schedule.IndexOf(date));
    }

    /// <inheritdoc />
    public override TradingSession? GetSession(DateOnly date)
    {
        if (!IsTradingDay(date))
        {
            return null;
        }

        var localDate = LocalDate.FromDateOnly(date);
        var special = Schedule.TryGetSpecialDay(date, out var day) ? day : (NyseSpecialDay?)null;
        // 09:30 and 13:00–16:00 are never inside a New York DST gap or overlap (those happen at 02:00),
        // so the strict mapping cannot fail.
        var open = localDate.At(RegularOpen).InZoneStrictly(TimeZone);
        var close = localDate.At(special?.EarlyClose ?? RegularClose).InZoneStrictly(TimeZone);
        return new TradingSession(date, open.ToDateTimeOffset(), close.ToDateTimeOffset(), special?.Reason);
    }

    /// <inheritdoc />
    public override string? ClosureReason(DateOnly date)
    {
        if (IsTradingDay(date))
        {
            return null;
        }

        return Schedule.TryGetSpecialDay(date, out var day) ? day.Reason : "weekend";
    }

    /// <inheritdoc />
    public override DateOnly NextTradingDay(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        // Trading days up to and including the date is the position of the first one after it.
        var position = Schedule.TradingDaysUpTo(Schedule.IndexOf(date));
        return position < Schedule.TradingDayCount
            ? Schedule.TradingDayAt(position)
            : throw BeyondRange(nameof(date), date, string.Create(CultureInfo.InvariantCulture, $"the trading day after {date:yyyy-MM-dd}"));
    }

    /// <inheritdoc />
    public override DateOnly PreviousTradingDay(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        var before = TradingDaysBefore(date);
        return before > 0
            ? Schedule.TradingDayAt(before - 1)
            : throw BeyondRange(nameof(date), date, string.Create(CultureInfo.InvariantCulture, $"the trading day before {date:yyyy-MM-dd}"));
    }

    /// <inheritdoc />
    public override int TradingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureSupported(from, nameof(from));
        EnsureSupported(to, nameof(to));
        return Schedule.TradingDaysUpTo(Schedule.IndexOf(to)) - Schedule.TradingDaysUpTo(Schedule.IndexOf(from));
    }

    /// <inheritdoc />
    public override DateOnly AddTradingDays(DateOnly date, int tradingDays)
    {
        EnsureSupported(date, nameof(date));
        if (tradingDays == 0)
        {
            return date;
        }

        // Positions in the trading-day list: the first day after the date sits at "up to", the last before it at "before" - 1.
        long position = tradingDays > 0
            ? (long)Schedule.TradingDaysUpTo(Schedule.IndexOf(date)) + tradingDays - 1
            : (long)TradingDaysBefore(date) + tradingDays;
        return position >= 0 && position < Schedule.TradingDayCount
            ? Schedule.TradingDayAt((int)position)
            : throw BeyondRange(nameof(tradingDays), tradingDays, string.Create(CultureInfo.InvariantCulture, $"{tradingDays} trading days from {date:yyyy-MM-dd}"));
    }

    /// <inheritdoc />
    public override bool IsOpen(DateTimeOffset instant)
    {
        // Same answer as GetSession(date).Contains(instant), without building a session per call
        // (backtests ask this per bar). Local wall-clock comparison is exact because no session spans a DST change.
        var local = Instant.FromDateTimeOffset(instant).InZone(TimeZone).LocalDateTime;
        var date = local.Date.ToDateOnly();
        EnsureSupported(date, nameof(instant));

        if (!Schedule.IsTradingDay(Schedule.IndexOf(date)))
        {
            return false;
        }

        var close = Schedule.TryGetSpecialDay(date, out var day) && day.EarlyClose is { } early ? early : RegularClose;
        return local.TimeOfDay >= RegularOpen && local.TimeOfDay < close;
    }

    private static int TradingDaysBefore(DateOnly date)
    {
        var index = Schedule.IndexOf(date);
        return Schedule.TradingDaysUpTo(index) - (Schedule.IsTradingDay(index) ? 1 : 0);
    }
}
