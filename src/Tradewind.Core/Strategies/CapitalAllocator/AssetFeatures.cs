using System.Globalization;

namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The features of one asset computed from its closes (see <see cref="Compute"/>). Returns and distances are
/// fractions (0.01 = 1%); volatilities are standard deviations of daily simple returns, not annualized.
/// </summary>
/// <param name="Symbol">The asset.</param>
/// <param name="Days">Days of history used: daily returns in the window (between min_history_days and lookback_days).</param>
/// <param name="Close">The last close.</param>
/// <param name="Return5">Close / close 5 trading days earlier − 1.</param>
/// <param name="Return20">Close / close 20 trading days earlier − 1.</param>
/// <param name="Return60">Close / close 60 trading days earlier − 1.</param>
/// <param name="Volatility">Sample standard deviation of the last 20 daily returns.</param>
/// <param name="LookbackVolatility">Sample standard deviation of every daily return in the window; the unit the scores measure moves in.</param>
/// <param name="Sma20">Mean of the last 20 closes.</param>
/// <param name="Sma50">Mean of the last 50 closes.</param>
/// <param name="DistanceSma20">Close / SMA-20 − 1.</param>
/// <param name="DistanceSma50">Close / SMA-50 − 1.</param>
public sealed record AssetFeatures(
    string Symbol,
    int Days,
    double Close,
    double Return5,
    double Return20,
    double Return60,
    double Volatility,
    double LookbackVolatility,
    double Sma20,
    double Sma50,
    double DistanceSma20,
    double DistanceSma50)
{
    /// <summary>Daily returns in the short volatility feature.</summary>
    public const int VolatilityDays = 20;

    /// <summary>
    /// The features of <paramref name="history"/> over its last <paramref name="lookbackDays"/> + 1 closes (older
    /// closes are ignored, so a longer history does not change the result).
    /// </summary>
    /// <remarks>
    /// The volatilities are sample standard deviations (divisor n − 1): they estimate the unknown volatility of
    /// the process that generates the returns from a short sample, where the population formula is biased low
    /// (by 2.5% at n = 20). Bollinger-style bands use the population formula by convention; nothing here is a band.
    /// </remarks>
    /// <exception cref="InsufficientHistoryException">Fewer than <paramref name="minHistoryDays"/> days (closes − 1).</exception>
    /// <exception cref="ArgumentException">A close in the window is not a positive finite price.</exception>
    public static AssetFeatures Compute(AssetHistory history, int lookbackDays, int minHistoryDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHistoryDays, CapitalAllocatorParameters.FeatureHistoryDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookbackDays, minHistoryDays);
        if (history.Days < minHistoryDays)
        {
            throw new InsufficientHistoryException(history.Symbol, history.Closes.Length, minHistoryDays);
        }

        var all = history.Closes.Span;
        var closes = all[Math.Max(0, all.Length - lookbackDays - 1)..];
        for (var i = 0; i < closes.Length; i++)
        {
            if (!double.IsFinite(closes[i]) || closes[i] <= 0)
            {
                var back = closes.Length - 1 - i;
                throw new ArgumentException(
                    $"{history.Symbol}: the close {back} trading days before the last (close {i + 1} of the {closes.Length} used, oldest first) is "
                    + $"{closes[i].ToString("R", CultureInfo.InvariantCulture)}; closes must be positive finite prices: correct or re-fetch that bar",
                    nameof(history));
            }
        }

        var returns = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
        {
            returns[i - 1] = closes[i] / closes[i - 1] - 1;
        }

        var last = closes[^1];
        var sma20 = Mean(closes[^20..]);
        var sma50 = Mean(closes[^50..]);
        return new AssetFeatures(
            history.Symbol,
            returns.Length,
            last,
            last / closes[^6] - 1,
            last / closes[^21] - 1,
            last / closes[^61] - 1,
            SampleStandardDeviation(returns.AsSpan(returns.Length - VolatilityDays)),
            SampleStandardDeviation(returns),
            sma20,
            sma50,
            last / sma20 - 1,
            last / sma50 - 1);
    }

    /// <summary>The arithmetic mean.</summary>
    internal static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>The sample standard deviation (divisor n − 1), two-pass so a large mean costs no precision.</summary>
    internal static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }
}
