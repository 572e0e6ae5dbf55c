using Tradewind.Core.Market;

namespace Tradewind.Data.Simulation;

/// <summary>
/// Seeded random-walk bars for benchmarks and quick figures (<c>tradewind bench</c>): the same seed gives the same
/// series on every machine, so figures compare across runs without any market data.
/// </summary>
public static class SyntheticBars
{
    /// <summary>The first bar's time when none is given: 2000-01-03 (a Monday) 14:30 UTC for intraday bars, the date for daily ones.</summary>
    public static DateTime DefaultStart => new(2000, 1, 3, 14, 30, 0, DateTimeKind.Utc);

    /// <summary>
    /// <paramref name="count"/> consecutive bars of <paramref name="resolution"/> (one per bar length, no gaps)
    /// following a geometric random walk from 100 with steps of up to ±<paramref name="volatility"/> per bar,
    /// prices rounded to cents, highs and lows around the open and close. The series is sized exactly.
    /// </summary>
    public static BarSeries RandomWalk(Symbol symbol, Resolution resolution, int count, int seed, double volatility = 0.002, DateTime? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volatility);
        var random = new Random(seed);
        var series = new BarSeries(symbol, resolution, count);
        var first = start ?? DefaultStart;
        var time = resolution.IsDateBased ? first.Date : first;
        var step = resolution.Duration;
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = Math.Round(price, 2);
            price *= 1 + ((random.NextDouble() - 0.5) * 2 * volatility);
            price = Math.Max(price, 0.05);
            var close = Math.Round(price, 2);
            var high = Math.Round(Math.Max(open, close) * (1 + (random.NextDouble() * volatility * 0.25)), 2);
            var low = Math.Max(0.01, Math.Round(Math.Min(open, close) * (1 - (random.NextDouble() * volatility * 0.25)), 2));
            series.Add(new Bar(DateTime.SpecifyKind(time, DateTimeKind.Utc), open, high, low, close, random.Next(100, 100_000)));
            time += step;
        }

        return series;
    }
}
