namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// Turns raw returns and moving-average distances into scores in (−1, +1) that mean the same on every asset and in
/// every market: each is divided by how far it would typically move in a driftless random walk with the asset's
/// daily volatility σ (a z-score), then squashed with tanh.
/// </summary>
/// <remarks>
/// A raw 2% monthly gain is a strong trend for a calm index and noise for a volatile one; measured in its own
/// typical size it is comparable. tanh(z) keeps the sign, is nearly linear for |z| &lt; 0.5 and saturates at
/// ±1, so a crash's z of −4 reads "fully bearish" without swamping the other components. With σ taken over the
/// whole look-back window (a year by default) rather than the last 20 days, a crash is measured against the
/// calm that preceded it and reads clearly bearish; the 20-day σ inflates in the crash itself and mutes it.
/// </remarks>
public static class TrendScore
{
    /// <summary>
    /// Score of a <paramref name="horizon"/>-day simple return: tanh(r / (σ √horizon)); the return of a random
    /// walk over h days has standard deviation σ √h. 0 when σ is 0 (a flat price has no trend).
    /// </summary>
    public static double Return(double simpleReturn, int horizon, double dailyVolatility)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        return dailyVolatility > 0 ? Math.Tanh(simpleReturn / (dailyVolatility * Math.Sqrt(horizon))) : 0;
    }

    /// <summary>
    /// Score of the close's distance from its <paramref name="period"/>-close SMA: tanh(d / (σ · <see cref="DistanceSpread"/>(n))).
    /// 0 when σ is 0.
    /// </summary>
    public static double Distance(double distance, int period, double dailyVolatility)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        return dailyVolatility > 0 ? Math.Tanh(distance / (dailyVolatility * DistanceSpread(period))) : 0;
    }

    /// <summary>
    /// The standard deviation, in units of the daily σ, of (close − SMA(n)) / price in a driftless random walk:
    /// √((n − 1)(2n − 1) / (6n)); ≈ 2.48 for n = 20 and ≈ 4.02 for n = 50.
    /// </summary>
    /// <remarks>
    /// close − SMA(n) = (1/n) Σ_{j&lt;n} (P_t − P_{t−j}), and P_t − P_{t−j} is the sum of the last j returns, so the
    /// return k days back (k = 0 … n − 2) is counted n − 1 − k times: variance σ²/n² · Σ_{m=1}^{n−1} m².
    /// </remarks>
    public static double DistanceSpread(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        double n = period;
        return Math.Sqrt((n - 1) * (2 * n - 1) / (6 * n));
    }
}
