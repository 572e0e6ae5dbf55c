using System.Globalization;
using NodaTime;

namespace Tradewind.Core.Time;

/// <summary>An exchange's trading days, sessions and trading-day arithmetic, in the exchange's own time zone.</summary>
/// <remarks>
/// A calendar only answers for the dates it knows (<see cref="FirstSupportedDate"/> to
/// <see cref="LastSupportedDate"/>); any date outside that range, given or computed, throws
/// <see cref="ArgumentOutOfRangeException"/> rather than guessing. Dates are exchange-local calendar
/// dates; instants are converted with the exchange's time zone from NodaTime's embedded tz database,
/// so the answers never depend on the machine's time zone files.
/// </remarks>
public abstract class TradingCalendar
{
    /// <summary>Creates a calendar named <paramref name="name"/> that answers for the given inclusive date range.</summary>
    protected TradingCalendar(string name, DateTimeZone timeZone, DateOnly firstSupportedDate, DateOnly lastSupportedDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (lastSupportedDate < firstSupportedDate)
        {
            throw new ArgumentException("the supported range must not end before it starts", nameof(lastSupportedDate));
        }

        Name = name;
        TimeZone = timeZone;
        FirstSupportedDate = firstSupportedDate;
        LastSupportedDate = lastSupportedDate;
    }

    /// <summary>The calendar's name, as <see cref="TradingCalendars.Get"/> knows it: "NYSE", "CRYPTO".</summary>
    public string Name { get; }

    /// <summary>The exchange's time zone, which decides its local dates and session times.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The IANA id of the exchange's time zone, e.g. "America/New_York".</summary>
    public string TimeZoneId => TimeZone.Id;

    /// <summary>The first date the calendar answers for.</summary>
    public DateOnly FirstSupportedDate { get; }

    /// <summary>The last date the calendar answers for.</summary>
    public DateOnly LastSupportedDate { get; }

    /// <summary>True when <paramref name="date"/> is within <see cref="FirstSupportedDate"/>..<see cref="LastSupportedDate"/>.</summary>
    public bool IsSupported(DateOnly date) => date >= FirstSupportedDate && date <= LastSupportedDate;

    /// <summary>True when the exchange holds a session (full or shortened) on <paramref name="date"/>.</summary>
    public abstract bool IsTradingDay(DateOnly date);

    /// <summary>The session held on <paramref name="date"/>, or null when the exchange is closed that day.</summary>
    public abstract TradingSession? GetSession(DateOnly date);

    /// <summary>Why the exchange is closed on <paramref name="date"/> ("weekend", "Good Friday", ...), or null when it trades.</summary>
    public abstract string? ClosureReason(DateOnly date);

    /// <summary>The first trading day strictly after <paramref name="date"/>, whether or not <paramref name="date"/> trades.</summary>
    public abstract DateOnly NextTradingDay(DateOnly date);

    /// <summary>The last trading day strictly before <paramref name="date"/>, whether or not <paramref name="date"/> trades.</summary>
    public abstract DateOnly PreviousTradingDay(DateOnly date);

    /// <summary>
    /// The signed number of trading days from <paramref name="from"/> to <paramref name="to"/>: the count of
    /// trading days d with from &lt; d ≤ to, or minus the count with to &lt; d ≤ from when to is before from.
    /// </summary>
    /// <remarks>
    /// It is the difference of "trading days up to and including" counts, so it is antisymmetric
    /// (Between(a, b) = -Between(b, a)) and additive (Between(a, b) + Between(b, c) = Between(a, c)), and
    /// for a trading day d, <c>TradingDaysBetween(d, AddTradingDays(d, n)) == n</c> for every n.
    /// Between(Friday, next Monday) is 1 on a normal weekend; Between(d, d) is 0.
    /// </remarks>
    public abstract int TradingDaysBetween(DateOnly from, DateOnly to);

    /// <summary>
    /// The <paramref name="tradingDays"/>-th trading day after <paramref name="date"/> (before it when negative);
    /// zero returns <paramref name="date"/> itself, trading day or not.
    /// </summary>
    /// <remarks>
    /// Counting starts next to <paramref name="date"/>: AddTradingDays(Saturday, 1) is the Monday after and
    /// AddTradingDays(Saturday, -1) the Friday before (when both trade).
    /// </remarks>
    public abstract DateOnly AddTradingDays(DateOnly date, int tradingDays);

    /// <summary>
    /// The trading days from <paramref name="from"/> to <paramref name="to"/>, both inclusive, in order;
    /// empty when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public IEnumerable<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        // Checked here, not on first enumeration, so a bad range fails where it is asked for.
        EnsureSupported(from, nameof(from));
        EnsureSupported(to, nameof(to));
        return EnumerateTradingDays(from, to);
    }

    /// <summary>True when <paramref name="instant"/> falls inside a session: at or after its open and before its close.</summary>
    public virtual bool IsOpen(DateTimeOffset instant) =>
        GetSession(ToExchangeDate(instant)) is { } session && session.Contains(instant);

    /// <summary>The exchange-local calendar date of <paramref name="instant"/> (which need not be a trading day).</summary>
    public DateOnly ToExchangeDate(DateTimeOffset instant)
    {
        var date = Instant.FromDateTimeOffset(instant).InZone(TimeZone).Date.ToDateOnly();
        EnsureSupported(date, nameof(instant));
        return date;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the supported range when <paramref name="date"/> is outside it.</summary>
    protected void EnsureSupported(DateOnly date, string paramName)
    {
        if (!IsSupported(date))
        {
            throw new ArgumentOutOfRangeException(paramName, date,
                string.Create(CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} is outside the {Name} calendar's supported range {FirstSupportedDate:yyyy-MM-dd}..{LastSupportedDate:yyyy-MM-dd}"));
        }
    }

    /// <summary>The exception for an answer that would fall outside the supported range, e.g. the trading day after the last one.</summary>
    protected ArgumentOutOfRangeException BeyondRange(string paramName, object actualValue, string what) =>
        new(paramName, actualValue,
            string.Create(CultureInfo.InvariantCulture,
                $"{what} is beyond the {Name} calendar's supported range {FirstSupportedDate:yyyy-MM-dd}..{LastSupportedDate:yyyy-MM-dd}"));

    private IEnumerable<DateOnly> EnumerateTradingDays(DateOnly from, DateOnly to)
    {
        for (var day = from.DayNumber; day <= to.DayNumber; day++)
        {
            var date = DateOnly.FromDayNumber(day);
            if (IsTradingDay(date))
            {
                yield return date;
            }
        }
    }
}
