using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// Constructed close series whose returns are known exactly: return i is drift ± amplitude, the sign following a
/// period-2 (+ −), period-4 (+ + − −) or shifted period-4 (+ − − +) pattern. The three patterns are orthogonal over
/// any multiple of 4 returns, so series built on different patterns have correlation 0 and on the same pattern 1.
/// </summary>
internal static class AllocatorSeries
{
    private static readonly int[][] Patterns = [[1, -1], [1, 1, -1, -1], [1, -1, -1, 1]];

    /// <summary><paramref name="count"/> closes from 100 with return i = drift + sign(i) × amplitude.</summary>
    public static double[] Closes(int count, double drift, double amplitude, int pattern = 0)
    {
        var closes = new double[count];
        closes[0] = 100;
        for (var i = 1; i < count; i++)
        {
            closes[i] = closes[i - 1] * (1 + Return(i - 1, drift, amplitude, pattern));
        }

        return closes;
    }

    /// <summary>The exact return from close i to close i + 1 of <see cref="Closes"/>.</summary>
    public static double Return(int i, double drift, double amplitude, int pattern) =>
        drift + Patterns[pattern][i % Patterns[pattern].Length] * amplitude;

    /// <summary>A history of <see cref="Closes"/>.</summary>
    public static AssetHistory History(string symbol, int count, double drift, double amplitude, int pattern = 0) =>
        new(symbol, Closes(count, drift, amplitude, pattern));

    /// <summary>SPY, QQQ and DIA on the three orthogonal patterns, all with the same drift.</summary>
    public static AssetHistory[] Uncorrelated(int count, double drift, double amplitude) =>
    [
        History("SPY", count, drift, amplitude, 0),
        History("QQQ", count, drift, amplitude, 1),
        History("DIA", count, drift, amplitude, 2),
    ];
}
