using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Indicators;

/// <summary>Seeded random price series for property tests, and the generators FsCheck draws them from.</summary>
public static class TestSeries
{
    /// <summary>A series description FsCheck can draw: a seed, a length and up to three periods.</summary>
    public sealed record Case(int Seed, int Length, int P1, int P2, int P3)
    {
        public override string ToString() => $"seed {Seed}, length {Length}, periods {P1}/{P2}/{P3}";
    }

    /// <summary>Random cases with lengths 0–300 and periods 1–40, so warm-ups both fit and exceed the series.</summary>
    public static Arbitrary<Case> Cases { get; } = Arb.From(
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from length in Gen.Choose(0, 300)
        from p1 in Gen.Choose(1, 40)
        from p2 in Gen.Choose(1, 40)
        from p3 in Gen.Choose(1, 40)
        select new Case(seed, length, p1, p2, p3));

    /// <summary>A geometric random walk of closes starting near 100 (0.5–3 % daily moves, occasional flat bars).</summary>
    public static double[] Closes(int seed, int length) => Bars(seed, length).Close;

    /// <summary>Random but consistent OHLCV bars (low ≤ open, close ≤ high), some with equal closes and zero volume.</summary>
    public static Ohlcv Bars(int seed, int length)
    {
        var random = new Random(seed);
        var bars = new Ohlcv(new double[length], new double[length], new double[length], new double[length], new double[length]);
        var price = 50 + (random.NextDouble() * 100);
        var sigma = 0.005 + (random.NextDouble() * 0.025);
        for (var i = 0; i < length; i++)
        {
            var open = price;
            // One bar in ten repeats the close exactly, so flat changes and zero ranges are exercised.
            var close = random.Next(10) == 0 ? open : open * Math.Exp(sigma * NextGaussian(random));
            var high = Math.Max(open, close) * (1 + (random.NextDouble() * sigma));
            var low = Math.Min(open, close) * (1 - (random.NextDouble() * sigma));
            bars.Open[i] = open;
            bars.High[i] = high;
            bars.Low[i] = low;
            bars.Close[i] = close;
            bars.Volume[i] = random.Next(20) == 0 ? 0 : Math.Round(1000 + (random.NextDouble() * 9000));
            price = close;
        }

        return bars;
    }

    /// <summary>A bar series of <paramref name="length"/> daily bars from <see cref="Bars"/>.</summary>
    public static BarSeries Series(int seed, int length, string ticker = "SPY")
    {
        var bars = Bars(seed, length);
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily, length);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < length; i++)
        {
            series.Add(new Bar(start.AddDays(i), bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
        }

        return series;
    }

    public static double NextGaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm's argument above zero.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>Struct-of-arrays bars, as the indicators take them.</summary>
    public sealed record Ohlcv(double[] Open, double[] High, double[] Low, double[] Close, double[] Volume);
}
