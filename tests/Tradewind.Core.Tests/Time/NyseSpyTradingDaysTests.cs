using System.Globalization;
using Tradewind.Core.Time;
using Tradewind.Testing;

namespace Tradewind.Core.Tests.Time;

// The acceptance test: 30+ years of real SPY daily bars are an independent record of which days NYSE traded.
public sealed class NyseSpyTradingDaysTests
{
    [Fact]
    public void Nyse_trading_days_are_exactly_the_dates_of_SPY_daily_bars()
    {
        var path = SharedData.File("daily/SPY.csv");
        var barDates = new List<DateOnly>();
        foreach (var (line, number) in File.ReadLines(path).Select((line, i) => (line, i + 1)).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            Assert.True(
                DateOnly.TryParseExact(comma < 0 ? line : line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date),
                $"{path}:{number}: first column is not an ISO date: '{line}'");
            barDates.Add(date);
        }

        Assert.True(barDates.Count > 8000, $"{path} holds only {barDates.Count} bars");
        var bars = barDates.ToHashSet();
        Assert.Equal(barDates.Count, bars.Count);
        var first = barDates.Min();
        var last = barDates.Max();
        Assert.Equal(new DateOnly(1993, 1, 29), first);

        var calendar = NyseCalendar.Instance;
        var tradingDays = calendar.TradingDays(first, last).ToList();
        var barsOnClosedDays = barDates.Where(d => !calendar.IsTradingDay(d)).Order().ToList();
        var tradingDaysWithoutBar = tradingDays.Where(d => !bars.Contains(d)).ToList();

        Assert.True(barsOnClosedDays.Count == 0 && tradingDaysWithoutBar.Count == 0,
            $"NYSE calendar and SPY bars ({first:yyyy-MM-dd}..{last:yyyy-MM-dd}) disagree.\n"
            + $"Bars on days the calendar says are closed ({barsOnClosedDays.Count}): {Describe(barsOnClosedDays, calendar)}\n"
            + $"Calendar trading days with no bar ({tradingDaysWithoutBar.Count}): {Describe(tradingDaysWithoutBar, calendar)}");
        Assert.Equal(bars.Count, tradingDays.Count);
    }

    private static string Describe(List<DateOnly> dates, TradingCalendar calendar) =>
        dates.Count == 0
            ? "none"
            : string.Join(", ", dates.Take(15).Select(d =>
                $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {d.DayOfWeek} ({calendar.ClosureReason(d) ?? "trading day"})"))
              + (dates.Count > 15 ? ", ..." : string.Empty);
}
