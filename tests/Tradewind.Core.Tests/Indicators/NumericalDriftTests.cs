using Tradewind.Core.Indicators;

namespace Tradewind.Core.Tests.Indicators;

/// <summary>
/// Millions of updates against a naive recomputation of the window. The series spends its first million values
/// near 1e6 and the rest near 1, the case where an unguarded running sum keeps the rounding error of the large
/// values long after they have left the window.
/// </summary>
public sealed class NumericalDriftTests
{
    private const int Length = 3_000_000;
    private const int Period = 20;
    private const int CheckEvery = 997;

    private static readonly Lazy<double[]> Series = new(() =>
    {
        var random = new Random(42);
        var values = new double[Length];
        for (var i = 0; i < Length; i++)
        {
            var level = i < Length / 3 ? 1e6 : 1.0;
            values[i] = level * (1 + (0.01 * TestSeries.NextGaussian(random)));
        }

        return values;
    });

    [Fact]
    public void Sma_stays_within_1e9_relative_of_the_direct_mean_where_a_plain_running_sum_does_not()
    {
        var x = Series.Value;
        var sma = new SimpleMovingAverage(Period);
        var batch = new double[Length];
        SimpleMovingAverage.Compute(x, Period, batch);
        var plainSum = 0.0;
        var worst = 0.0;
        var worstPlain = 0.0;
        for (var t = 0; t < Length; t++)
        {
            var value = sma.Update(x[t]);
            plainSum += x[t] - (t >= Period ? x[t - Period] : 0);
            if (t >= Period && t % CheckEvery == 0)
            {
                var direct = DirectMean(x, t);
                worst = Math.Max(worst, Math.Abs(value - direct) / Math.Abs(direct));
                worst = Math.Max(worst, Math.Abs(batch[t] - direct) / Math.Abs(direct));
                worstPlain = Math.Max(worstPlain, Math.Abs((plainSum / Period) - direct) / Math.Abs(direct));
            }
        }

        Assert.True(worst < 1e-9, $"worst relative error {worst:E3}");
        // The test must be able to fail: without the periodic recomputation the error is far larger.
        Assert.True(worstPlain > 1e-9, $"a plain running sum was accurate to {worstPlain:E3}; the series does not stress drift");
    }

    [Fact]
    public void Standard_deviations_stay_within_1e9_relative_of_the_two_pass_formula()
    {
        var x = Series.Value;
        var sample = new RollingStandardDeviation(Period);
        var bands = new BollingerBands(Period, 2);
        var worst = 0.0;
        for (var t = 0; t < Length; t++)
        {
            sample.Update(x[t]);
            bands.Update(x[t]);
            if (t >= Period && t % CheckEvery == 0)
            {
                var mean = DirectMean(x, t);
                var squares = 0.0;
                for (var j = t - Period + 1; j <= t; j++)
                {
                    squares += (x[j] - mean) * (x[j] - mean);
                }

                var sampleDirect = Math.Sqrt(squares / (Period - 1));
                var populationDirect = Math.Sqrt(squares / Period);
                worst = Math.Max(worst, Math.Abs(sample.Value - sampleDirect) / sampleDirect);
                worst = Math.Max(worst, Math.Abs(bands.StandardDeviation - populationDirect) / populationDirect);
                worst = Math.Max(worst, Math.Abs(bands.Middle - mean) / mean);
            }
        }

        Assert.True(worst < 1e-9, $"worst relative error {worst:E3}");
    }

    private static double DirectMean(double[] x, int t)
    {
        var sum = 0.0;
        for (var j = t - Period + 1; j <= t; j++)
        {
            sum += x[j];
        }

        return sum / Period;
    }
}
