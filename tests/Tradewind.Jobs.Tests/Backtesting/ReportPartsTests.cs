using NodaTime;
using Tradewind.Core.Analytics;
using Tradewind.Jobs.Backtesting.Report;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed class ReportPartsTests
{
    [Fact]
    public void Monthly_returns_chain_month_ends_and_years_chain_year_ends()
    {
        var curve = new EquityCurve();
        Add(curve, 2023, 12, 28, 100);
        Add(curve, 2023, 12, 29, 110);
        Add(curve, 2024, 1, 2, 99);
        Add(curve, 2024, 1, 31, 121);
        Add(curve, 2024, 3, 1, 133.1);

        var returns = MonthlyReturns.Of(curve, DateTimeZone.Utc);

        Assert.Equal([2023, 2024], returns.Years.Select(y => y.Year));
        var first = returns.Years[0];
        Assert.Equal(0.1, first.Months[11]!.Value, 12);
        Assert.Equal(11, first.Months.Count(m => m is null));
        Assert.Equal(0.1, first.Total, 12);
        var second = returns.Years[1];
        Assert.Equal(0.1, second.Months[0]!.Value, 12);
        Assert.Null(second.Months[1]);
        Assert.Equal(0.1, second.Months[2]!.Value, 12);
        Assert.Equal(133.1 / 110 - 1, second.Total, 12);
    }

    [Fact]
    public void Intraday_points_belong_to_the_exchange_local_month()
    {
        var curve = new EquityCurve();
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        // 2024-01-31 19:00 New York is 2024-02-01 00:00 UTC: still January on the exchange.
        curve.Append(new DateTime(2024, 1, 31, 14, 30, 0, DateTimeKind.Utc), 100, 100, 0);
        curve.Append(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), 105, 105, 0);
        curve.Append(new DateTime(2024, 2, 1, 15, 0, 0, DateTimeKind.Utc), 110.25, 110.25, 0);

        var year = Assert.Single(MonthlyReturns.Of(curve, newYork).Years);

        Assert.Equal(0.05, year.Months[0]!.Value, 12);
        Assert.Equal(0.05, year.Months[1]!.Value, 12);
    }

    [Fact]
    public void Downsampling_keeps_at_most_the_limit_in_time_order_with_every_extreme()
    {
        var values = new double[100_003];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(i / 1000.0) * 100;
        }

        values[54_321] = 1e6;
        values[77_777] = -1e6;

        var kept = SvgChart.Downsample(values, 2000);

        Assert.InRange(kept.Count, 1000, 2000);
        Assert.Equal(kept.Order(), kept);
        Assert.Contains(54_321, kept);
        Assert.Contains(77_777, kept);
        Assert.Equal(Enumerable.Range(0, 10), SvgChart.Downsample(values.AsSpan(0, 10), 2000));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(302_000, 500_000)]
    [InlineData(0.0004, 0.0005)]
    public void Grid_steps_are_round_numbers(double rough, double step) => Assert.Equal(step, SvgChart.NiceStep(rough), 12);

    [Fact]
    public void A_chart_of_a_long_curve_draws_at_most_2000_points_and_labels_round_values()
    {
        var time = Enumerable.Range(0, 10_000).Select(i => new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)).ToArray();
        var values = Enumerable.Range(0, 10_000).Select(i => 100_000 + (i * 10.0)).ToArray();

        var svg = SvgChart.Render(time, values, "Equity", v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "equity", area: false);

        var points = svg[(svg.IndexOf("points=\"", StringComparison.Ordinal) + 8)..].Split('"')[0].Split(' ');
        Assert.InRange(points.Length, 2, SvgChart.MaxPoints);
        Assert.Contains(">100,000</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">200,000</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">2000-01</text>", svg, StringComparison.Ordinal);
    }

    private static void Add(EquityCurve curve, int year, int month, int day, double equity) =>
        curve.Append(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), equity, equity, 0);
}
