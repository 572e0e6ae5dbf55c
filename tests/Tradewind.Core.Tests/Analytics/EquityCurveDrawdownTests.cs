using Tradewind.Core.Analytics;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

/// <summary>
/// Appending keeps only the running peak and trough; the drawdown column is derived when read and MaxDrawdown from the
/// settled peaks. Both must equal the per-point definition exactly, however appends and reads interleave.
/// </summary>
public sealed class EquityCurveDrawdownTests
{
    [Fact]
    public void Drawdowns_read_between_appends_equal_the_definition_bit_for_bit()
    {
        var random = new Random(42);
        var curve = new EquityCurve(4);
        var equity = 1000.0;
        var peak = 0.0;
        var expected = new List<double>();
        var maxDrawdown = 0.0;
        for (var i = 0; i < 5000; i++)
        {
            equity *= 1 + ((random.NextDouble() - 0.49) * 0.04);
            curve.Append(Day0.AddDays(i), equity, equity, 0);
            peak = i == 0 || equity > peak ? equity : peak;
            var drawdown = (peak - equity) / peak;
            expected.Add(drawdown);
            maxDrawdown = Math.Max(maxDrawdown, drawdown);

            Assert.Equal(maxDrawdown, curve.MaxDrawdown);
            if (random.Next(50) == 0)
            {
                Assert.Equal(expected, curve.Drawdown.ToArray());
                Assert.Equal(drawdown, curve[i].Drawdown);
            }
        }

        Assert.Equal(expected, curve.Drawdown.ToArray());
        Assert.Equal(peak, curve.Peak);
    }

    [Fact]
    public void Clear_forgets_the_drawdowns_of_the_previous_run()
    {
        var curve = Curve(100, 50, 80);
        Assert.Equal(0.5, curve.MaxDrawdown);
        Assert.Equal(3, curve.Drawdown.Length);

        curve.Clear();
        curve.Append(Day0, 10, 10, 0);
        curve.Append(Day0.AddDays(1), 9, 9, 0);

        Assert.Equal([0, 0.1], curve.Drawdown.ToArray());
        Assert.Equal(0.1, curve.MaxDrawdown, 15);
        Assert.Equal(10, curve.Peak);
    }
}
