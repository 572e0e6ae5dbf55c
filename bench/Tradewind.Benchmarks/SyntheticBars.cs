using Tradewind.Core.Market;

namespace Tradewind.Benchmarks;

/// <summary>Deterministic random-walk bars for benchmarks (no market data needed).</summary>
public static class SyntheticBars
{
    /// <summary>Consecutive one-minute bars starting 2020-01-02 14:30 UTC.</summary>
    public static BarSeries Minutes(string ticker, int count, int seed)
    {
        var random = new Random(seed);
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Minute, count);
        var time = new DateTime(2020, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price *= 1 + ((random.NextDouble() - 0.5) * 0.002);
            var close = Math.Round(price, 2);
            var high = Math.Round(Math.Max(open, close) * (1 + (random.NextDouble() * 0.0005)), 2);
            var low = Math.Round(Math.Min(open, close) * (1 - (random.NextDouble() * 0.0005)), 2);
            series.Add(new Bar(time.AddMinutes(i), Math.Round(open, 2), high, low, close, random.Next(100, 100_000)));
        }

        return series;
    }
}
