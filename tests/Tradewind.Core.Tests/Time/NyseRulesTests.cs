using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Time;

public sealed class NyseRulesTests
{
    [Theory]
    // Published Easter Sundays (Gregorian), including both March and late-April extremes of the range.
    [InlineData(1990, 4, 15)]
    [InlineData(1993, 4, 11)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2035, 3, 25)]
    [InlineData(2038, 4, 25)]
    public void Computes_Easter_Sunday(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), NyseRules.EasterSunday(year));
    }

    [Fact]
    public void Finds_nth_and_last_weekdays_of_a_month()
    {
        Assert.Equal(new DateOnly(2024, 11, 28), NyseRules.NthWeekday(2024, 11, DayOfWeek.Thursday, 4));
        Assert.Equal(new DateOnly(2018, 11, 22), NyseRules.NthWeekday(2018, 11, DayOfWeek.Thursday, 4)); // Nov 1 is a Thursday
        Assert.Equal(new DateOnly(2024, 9, 2), NyseRules.NthWeekday(2024, 9, DayOfWeek.Monday, 1));
        Assert.Equal(new DateOnly(2024, 5, 27), NyseRules.LastWeekday(2024, 5, DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2021, 5, 31), NyseRules.LastWeekday(2021, 5, DayOfWeek.Monday)); // May 31 is the Monday
    }

    [Fact]
    public void Every_year_of_the_range_has_its_nine_or_ten_holidays_on_weekdays()
    {
        var days = NyseRules.SpecialDays(1990, 2035);
        foreach (var year in Enumerable.Range(1990, 46))
        {
            var holidays = days.Where(d => d.Key.Year == year && d.Value.IsClosed && !IsSpecialClosure(d.Value.Reason)).ToList();
            // 8 before MLK Day (1998), 9 until Juneteenth (2022), 10 since; one fewer when New Year's Day is a Saturday.
            var expected = 8 + (year >= 1998 ? 1 : 0) + (year >= 2022 ? 1 : 0)
                - (new DateOnly(year, 1, 1).DayOfWeek == DayOfWeek.Saturday ? 1 : 0);
            Assert.True(expected == holidays.Count, $"{year}: {holidays.Count} holidays, expected {expected}");
        }

        Assert.All(days.Keys, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    private static bool IsSpecialClosure(string reason) =>
        reason.StartsWith("Funeral", StringComparison.Ordinal) || reason is "Hurricane Sandy" or "September 11 attacks";
}
