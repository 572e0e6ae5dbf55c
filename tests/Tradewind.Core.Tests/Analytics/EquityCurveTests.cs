using Tradewind.Core.Analytics;
using Tradewind.Core.Tests.Indicators;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

public sealed class EquityCurveTests
{
    [Fact]
    public void Drawdown_is_the_fraction_below_the_running_peak()
    {
        var curve = Curve(100, 110, 99, 120, 90);

        // Peaks: 100, 110, 110, 120, 120 → (peak − equity) / peak: 0, 0, 11/110 = 0.1, 0, 30/120 = 0.25.
        Expect.Close([0, 0, 0.1, 0, 0.25], curve.Drawdown.ToArray(), 1e-15);
        Assert.Equal(0.25, curve.MaxDrawdown, 15);
        Assert.Equal(120, curve.Peak);
        Assert.Equal(5, curve.Count);
    }

    [Fact]
    public void Points_carry_every_column()
    {
        var curve = new EquityCurve(1);
        curve.Append(Day0, 1000, 400, 600, 600);
        curve.Append(Day0.AddDays(1), 950, 400, 550);

        var point = curve[1];
        Assert.Equal((Day0.AddDays(1), 950.0, 400.0, 550.0, 0.0), (point.Time, point.Equity, point.Cash, point.GrossExposure, point.TradedNotional));
        Assert.Equal(0.05, point.Drawdown, 15);
        Assert.Equal([600.0, 0.0], curve.TradedNotional.ToArray());
        Assert.Equal([600.0, 550.0], curve.GrossExposure.ToArray());
        Assert.Equal([400.0, 400.0], curve.Cash.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => curve[2]);
    }

    [Fact]
    public void Appending_allocates_nothing_once_the_arrays_have_grown()
    {
        var curve = new EquityCurve();
        for (var i = 0; i < 1000; i++)
        {
            curve.Append(Day0.AddMinutes(i), 100 + i % 7, 50, 50, i % 3);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 1024; i++)
        {
            curve.Append(Day0.AddMinutes(i), 100 + i % 7, 50, 50, i % 3);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1024, curve.Count);
    }

    [Fact]
    public void Clear_starts_a_new_curve_in_the_same_arrays()
    {
        var curve = Curve(100, 50);
        curve.Clear();

        Assert.Equal(0, curve.Count);
        Assert.Equal(0, curve.MaxDrawdown);
        var before = GC.GetAllocatedBytesForCurrentThread();
        curve.Append(Day0, 10, 10, 0);
        curve.Append(Day0.AddDays(1), 9, 9, 0);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(10, curve.Peak);
        Assert.Equal(0.1, curve.MaxDrawdown, 15);
    }

    [Fact]
    public void Rejects_points_that_would_corrupt_the_curve()
    {
        var curve = new EquityCurve();
        Assert.Throws<ArgumentException>(() => curve.Append(DateTime.SpecifyKind(Day0, DateTimeKind.Unspecified), 100, 100, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.Append(Day0, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => curve.Append(Day0, double.NaN, 0, 0));
        Assert.Throws<ArgumentException>(() => curve.Append(Day0, 100, 100, -1));
        Assert.Throws<ArgumentException>(() => curve.Append(Day0, 100, 100, 0, double.PositiveInfinity));
        curve.Append(Day0, 100, 100, 0);
        Assert.Throws<ArgumentException>(() => curve.Append(Day0, 100, 100, 0));
        Assert.Equal(1, curve.Count);

        // After the first point equity may reach zero or below (a blown-up leveraged account); drawdown then exceeds 1.
        curve.Append(Day0.AddDays(1), -20, -20, 0);
        Assert.Equal(1.2, curve.MaxDrawdown, 12);
    }
}
