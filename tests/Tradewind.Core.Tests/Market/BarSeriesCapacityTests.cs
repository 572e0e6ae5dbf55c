using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Market;

public sealed class BarSeriesCapacityTests
{
    [Fact]
    public void A_grown_series_trims_to_exactly_its_bars_and_keeps_them()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 1000; i++)
        {
            series.Add(new Bar(start.AddDays(i), 10 + i, 11 + i, 9 + i, 10.5 + i, 100, i % 2 == 0 ? 10.4 + i : null));
        }

        Assert.Equal(1024, series.Capacity);
        var before = Enumerable.Range(0, series.Count).Select(i => series[i]).ToList();

        series.TrimExcess();

        Assert.Equal(1000, series.Capacity);
        Assert.Equal(before, Enumerable.Range(0, series.Count).Select(i => series[i]));
        Assert.Equal(1000, series.AdjClose.Length);

        // Still growable after trimming.
        series.Add(new Bar(start.AddDays(1000), 1, 1, 1, 1, 1));
        Assert.Equal(1001, series.Count);
    }

    [Fact]
    public void A_series_created_with_its_size_needs_no_trimming()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Minute, 3);
        var start = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        for (var i = 0; i < 3; i++)
        {
            series.Add(new Bar(start.AddMinutes(i), 1, 1, 1, 1, 1));
        }

        series.TrimExcess();
        Assert.Equal(3, series.Capacity);
    }
}
