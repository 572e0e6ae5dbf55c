using System.Globalization;
using NodaTime;
using Tradewind.Core.Indicators;
using Tradewind.Testing;

namespace Tradewind.Core.Tests.Indicators;

/// <summary>The indicators over real market history (../shared/data) against the reference formulas.</summary>
public sealed class RealDataTests
{
    [Fact]
    public void Spy_daily_history_matches_the_reference_formulas()
    {
        var bars = Read(SharedData.File("daily/SPY.csv"));
        var close = bars.Close;
        var output = new double[close.Length];

        SimpleMovingAverage.Compute(close, 200, output);
        Expect.Close(ReferenceFormulas.Sma(close, 200), output, 1e-12);
        ExponentialMovingAverage.Compute(close, 50, output);
        Expect.Close(ReferenceFormulas.Ema(close, 50), output, 1e-9);
        RelativeStrengthIndex.Compute(close, 14, output);
        Expect.Close(ReferenceFormulas.Rsi(close, 14), output, 1e-9);
        AverageTrueRange.Compute(bars.High, bars.Low, close, 14, output);
        Expect.Close(ReferenceFormulas.Atr(bars.High, bars.Low, close, 14), output, 1e-9);
        RollingStandardDeviation.Compute(close, 20, output);
        Expect.Close(ReferenceFormulas.StandardDeviation(close, 20, ddof: 1), output, 1e-9);

        var k = new double[close.Length];
        var d = new double[close.Length];
        StochasticOscillator.Compute(bars.High, bars.Low, close, 14, 3, 1, k, d);
        var expectedK = ReferenceFormulas.StochasticK(bars.High, bars.Low, close, 14);
        Expect.Close(expectedK, k, 1e-9);
        Expect.Close(ReferenceFormulas.SmaAfterWarmUp(expectedK, 3), d, 1e-9);
    }

    [Fact]
    public void Spy_minute_bars_with_extended_hours_reset_vwap_at_new_york_midnight()
    {
        // LEAN minute bars run 04:00–20:00 ET; the 19:xx bars fall on the next UTC date but belong to the same session.
        var bars = Read(SharedData.File("intraday/SPY-LEAN_1min.csv"));
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var output = new double[bars.Close.Length];
        SessionVwap.Compute(bars.Time, bars.High, bars.Low, bars.Close, bars.Volume, newYork, output);

        var system = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var priceVolume = 0.0;
        var volume = 0.0;
        var sessions = 0;
        for (var i = 0; i < bars.Time.Length; i++)
        {
            var date = TimeZoneInfo.ConvertTimeFromUtc(bars.Time[i], system).Date;
            if (i == 0 || date != TimeZoneInfo.ConvertTimeFromUtc(bars.Time[i - 1], system).Date)
            {
                priceVolume = 0;
                volume = 0;
                sessions++;
            }

            priceVolume += (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3 * bars.Volume[i];
            volume += bars.Volume[i];
            var expected = volume > 0 ? priceVolume / volume : double.NaN;
            Assert.True(
                double.IsNaN(expected) ? double.IsNaN(output[i]) : Math.Abs(output[i] - expected) <= 1e-9 * expected,
                $"bar {i} at {bars.Time[i]:O}: expected {expected:R}, got {output[i]:R}");
        }

        Assert.True(sessions > 1, "the file should hold several sessions");
    }

    private static (DateTime[] Time, double[] High, double[] Low, double[] Close, double[] Volume) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (time, high, low, close, volume) = (Column(header[0]), Column("high"), Column("low"), Column("close"), Column("volume"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        double Number(string[] row, int column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        return (
            rows.Select(r => DateTimeOffset.Parse(r[time], CultureInfo.InvariantCulture).UtcDateTime).ToArray(),
            rows.Select(r => Number(r, high)).ToArray(),
            rows.Select(r => Number(r, low)).ToArray(),
            rows.Select(r => Number(r, close)).ToArray(),
            rows.Select(r => Number(r, volume)).ToArray());
    }
}
