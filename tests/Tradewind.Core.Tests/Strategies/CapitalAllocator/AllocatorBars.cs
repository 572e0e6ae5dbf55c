using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// Constructed daily bars for engine runs of the allocator, on NYSE trading days from 2023-01-03: a calm rise, a
/// volatile fall, a flat stretch and a recovery, so that the allocator buys, sells and holds. Each asset's daily return
/// is its phase's drift plus a common and an own seeded shock; the open gaps from the previous close, so that opens
/// and closes differ and have many digits.
/// </summary>
internal static class AllocatorBars
{
    /// <summary>The phases: trading days, daily drift, daily volatility.</summary>
    private static readonly (int Days, double Drift, double Volatility)[] Phases =
    [
        (150, 0.0015, 0.006),
        (80, -0.004, 0.02),
        (70, 0.0, 0.005),
        (120, 0.002, 0.008),
    ];

    /// <summary>The first trading day.</summary>
    public static readonly DateOnly FirstDay = new(2023, 1, 3);

    /// <summary>The bars' trading days.</summary>
    public static IReadOnlyList<DateOnly> Days { get; } = [.. TradingCalendars.Nyse.TradingDays(FirstDay, FirstDay.AddYears(3)).Take(Phases.Sum(p => p.Days))];

    /// <summary>SPY, QQQ and DIA (or the given tickers, at most three), correlated through a common shock.</summary>
    public static BarSeries[] Series(params string[] tickers)
    {
        if (tickers.Length == 0)
        {
            tickers = ["SPY", "QQQ", "DIA"];
        }

        var common = Shocks(seed: 7);
        return [.. tickers.Select((t, i) => Build(t, common, Shocks(seed: 100 + i), start: 80.0 + (37.3 * i)))];
    }

    /// <summary>A copy of <paramref name="series"/> with the bars <paramref name="keep"/> accepts (by trading day).</summary>
    public static BarSeries Where(BarSeries series, Func<DateOnly, bool> keep)
    {
        var copy = new BarSeries(series.Symbol, series.Resolution, series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            if (keep(series[i].Date))
            {
                copy.Add(series[i]);
            }
        }

        return copy;
    }

    /// <summary>The bar time of <paramref name="day"/> (00:00 UTC of its date).</summary>
    public static DateTime Time(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static BarSeries Build(string ticker, double[] common, double[] own, double start)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily, Days.Count);
        var gaps = Shocks(seed: ticker.Length * 31 + ticker[0]);
        var close = start;
        var day = 0;
        foreach (var (days, drift, volatility) in Phases)
        {
            for (var d = 0; d < days; d++, day++)
            {
                var open = close * (1 + (0.002 * gaps[day]));
                close *= 1 + drift + (volatility * ((0.8 * common[day]) + (0.6 * own[day])));
                var high = Math.Max(open, close) * 1.003;
                var low = Math.Min(open, close) * 0.997;
                var bar = new Bar(Time(Days[day]), open, high, low, close, 1_000_000);
                Assert.Null(bar.Validate());
                series.Add(bar);
            }
        }

        return series;
    }

    // Standard normal shocks (Box–Muller) from a seeded generator: the same numbers on every run.
    private static double[] Shocks(int seed)
    {
        var random = new Random(seed);
        var shocks = new double[Days.Count];
        for (var i = 0; i < shocks.Length; i++)
        {
            var u = 1.0 - random.NextDouble();
            shocks[i] = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return shocks;
    }
}
