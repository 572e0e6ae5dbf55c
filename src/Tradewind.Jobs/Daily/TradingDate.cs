using Tradewind.Core.Time;

namespace Tradewind.Jobs.Daily;

/// <summary>The trading date a daily job works on: given explicitly, or today on the exchange's clock (America/New_York).</summary>
public static class TradingDate
{
    /// <summary>The exchange the daily jobs follow.</summary>
    public static TradingCalendar Calendar => TradingCalendars.Nyse;

    /// <summary><paramref name="date"/> when given, else today's date in New York at <paramref name="time"/>'s now.</summary>
    public static DateOnly Resolve(DateOnly? date, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return date ?? Calendar.ToExchangeDate(time.GetUtcNow());
    }

    /// <summary>
    /// Null when the exchange trades on <paramref name="date"/>; otherwise the outcome every daily job reports:
    /// the market is closed (a weekend or a named holiday), nothing done, exit code 0.
    /// </summary>
    public static DailyJobOutcome? ClosedOutcome(string job, DateOnly date)
    {
        if (!Calendar.IsSupported(date))
        {
            throw new JobInputException(
                $"--date {date:yyyy-MM-dd}: the NYSE calendar covers {Calendar.FirstSupportedDate:yyyy-MM-dd} to {Calendar.LastSupportedDate:yyyy-MM-dd}; choose a date inside it");
        }

        if (Calendar.IsTradingDay(date))
        {
            return null;
        }

        var reason = Calendar.ClosureReason(date) ?? "not a trading day";
        return new DailyJobOutcome(job, date, DailyJobStatus.MarketClosed,
            $"{date:yyyy-MM-dd} ({date.DayOfWeek}): the market is closed ({reason}); nothing to do. Next trading day: {Calendar.NextTradingDay(date):yyyy-MM-dd}");
    }

    /// <summary>The UTC timestamp a daily bar of <paramref name="date"/> is stored under (midnight of the date).</summary>
    public static DateTime BarTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The date of a daily bar's timestamp.</summary>
    public static DateOnly DateOf(DateTime barTime) => DateOnly.FromDateTime(barTime);
}
