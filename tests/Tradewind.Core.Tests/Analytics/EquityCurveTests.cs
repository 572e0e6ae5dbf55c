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
        // The engine's case: cash unchanged between fills, gross exposure = equity − cash (long only), no trade.
        var curve = new EquityCurve();
        for (var i = 0; i < 1000; i++)
        {
            curve.Append(Day0.AddMinutes(i), 100 + i % 7, 50, 50 + i % 7, i % 100 == 0 ? 10 : 0);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 1024; i++)
        {
            curve.Append(Day0.AddMinutes(i), 100 + i % 7, 50, 50 + i % 7);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1024, curve.Count);
    }

    [Fact]
    public void Every_column_reads_back_bit_for_bit_whatever_was_appended_and_whenever_it_is_read()
    {
        // Cash runs, gross exposures that are and are not equity − cash, −0.0, traded and untraded points; columns read
        // between appends (each extends from where the last read stopped) and after a Clear.
        var random = new Random(20261122);
        var curve = new EquityCurve(4);
        for (var round = 0; round < 2; round++)
        {
            var expected = new List<(DateTime Time, double Equity, double Cash, double Gross, double Traded)>();
            for (var i = 0; i < 600; i++)
            {
                var equity = 1000 + (random.NextDouble() * 500);
                var cash = random.Next(4) == 0 ? Math.Round(random.NextDouble() * 900, 2) : expected.Count > 0 ? expected[^1].Cash : 0.0;
                if (random.Next(50) == 0)
                {
                    cash = -0.0;
                }

                var gross = random.Next(3) switch { 0 => equity - cash, 1 => 0.0, _ => random.NextDouble() * 2000 };
                var traded = random.Next(5) == 0 ? random.NextDouble() * 100 : random.Next(40) == 0 ? -0.0 : 0.0;
                var point = (Day0.AddMinutes(i), equity, cash, gross, traded);
                expected.Add(point);
                curve.Append(point.Item1, equity, cash, gross, traded);

                if (random.Next(97) == 0)
                {
                    Check(curve, expected);
                }
            }

            Check(curve, expected);
            Assert.Equal(expected.Count(p => p.Gross != 0), curve.ExposedPoints);
            Assert.Equal(expected.Aggregate(0.0, (sum, p) => sum + p.Traded), curve.TotalTradedNotional);
            curve.Clear();
            Assert.Equal(0, curve.Count);
            Assert.Equal(0, curve.Cash.Length);
        }

        static void Check(EquityCurve curve, List<(DateTime Time, double Equity, double Cash, double Gross, double Traded)> expected)
        {
            Assert.Equal(expected.Count, curve.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (time, equity, cash, gross, traded) = expected[i];
                Assert.Equal(time, curve.Time[i]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(equity), BitConverter.DoubleToInt64Bits(curve.Equity[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(cash), BitConverter.DoubleToInt64Bits(curve.Cash[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(gross), BitConverter.DoubleToInt64Bits(curve.GrossExposure[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(traded), BitConverter.DoubleToInt64Bits(curve.TradedNotional[i]));
                var point = curve[i];
                Assert.Equal((equity, cash, gross, traded), (point.Equity, point.Cash, point.GrossExposure, point.TradedNotional));
            }
        }
    }

    [Fact]
    public void A_curve_on_shared_bar_times_reads_them_and_copies_them_only_when_a_point_leaves_them()
    {
        var times = Enumerable.Range(0, 12).Select(i => Day0.AddMinutes(i)).ToArray();
        var curve = new EquityCurve(2, times, 10);   // the last two entries are beyond the series' count

        for (var i = 3; i < 8; i++)
        {
            curve.Append(times[i], 100 + i, 50, 50 + i);
        }

        Assert.Equal(times[3..8], curve.Time.ToArray());
        Assert.Equal(times[7], curve[4].Time);
        Assert.Throws<ArgumentException>(() => curve.Append(times[7], 1, 1, 0));

        // A point off the shared times (minute 9 is skipped): the curve copies what it has and goes on by itself.
        curve.Append(times[9], 120, 50, 70);
        curve.Append(Day0.AddHours(1), 121, 50, 71);
        Assert.Equal([.. times[3..8], times[9], Day0.AddHours(1)], curve.Time.ToArray());

        var fresh = new EquityCurve(4, times, 10);
        fresh.Append(Day0.AddSeconds(30), 100, 100, 0);         // not one of the shared times at all
        fresh.Append(times[1], 100, 100, 0);
        Assert.Equal([Day0.AddSeconds(30), times[1]], fresh.Time.ToArray());

        var again = new EquityCurve(4, times, 10);
        again.Append(times[5], 100, 100, 0);
        again.Clear();
        again.Append(times[2], 100, 100, 0);                    // after Clear it finds its place again
        again.Append(times[3], 100, 100, 0);
        Assert.Equal(times[2..4], again.Time.ToArray());
        again.Append(times[10], 100, 100, 0);                   // beyond the series' count: copied, not read from the array
        times[10] = Day0.AddDays(5);
        Assert.Equal([times[2], times[3], Day0.AddMinutes(10)], again.Time.ToArray());
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
