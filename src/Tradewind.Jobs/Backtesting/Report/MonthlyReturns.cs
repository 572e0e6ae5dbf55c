using NodaTime;
using Tradewind.Core.Analytics;

namespace Tradewind.Jobs.Backtesting.Report;

/// <summary>
/// Month-by-month and year-by-year returns of an equity curve: each month's last equity over the previous month's last
/// equity (the first month over the first point), and the same for years. Months are calendar months of the exchange's
/// local date of each point; a month without points has no return.
/// </summary>
/// <param name="Years">One row per calendar year the curve touches, in order.</param>
public sealed record MonthlyReturns(IReadOnlyList<MonthlyReturnsYear> Years)
{
    /// <summary>Computes the returns of <paramref name="curve"/>, dating each point in <paramref name="zone"/> (daily bars: pass UTC).</summary>
    public static MonthlyReturns Of(EquityCurve curve, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(zone);
        var years = new List<MonthlyReturnsYear>();
        if (curve.Count == 0)
        {
            return new MonthlyReturns(years);
        }

        var time = curve.Time;
        var equity = curve.Equity;
        var previousMonthEnd = equity[0];
        var previousYearEnd = equity[0];
        var months = new double?[12];
        var year = LocalDate(time[0], zone).Year;
        var month = LocalDate(time[0], zone).Month;
        for (var i = 0; i < curve.Count; i++)
        {
            var date = LocalDate(time[i], zone);
            if (date.Year != year || date.Month != month)
            {
                // The point before this one closed the month.
                months[month - 1] = equity[i - 1] / previousMonthEnd - 1;
                previousMonthEnd = equity[i - 1];
                if (date.Year != year)
                {
                    years.Add(new MonthlyReturnsYear(year, months, equity[i - 1] / previousYearEnd - 1));
                    previousYearEnd = equity[i - 1];
                    months = new double?[12];
                }

                year = date.Year;
                month = date.Month;
            }
        }

        var last = equity[curve.Count - 1];
        months[month - 1] = last / previousMonthEnd - 1;
        years.Add(new MonthlyReturnsYear(year, months, last / previousYearEnd - 1));
        return new MonthlyReturns(years);
    }

    private static LocalDate LocalDate(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).Date;
}
