namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The market's risk score in [0, 100]: 70% a volatility component and 30% a correlation component (assets that
/// move together offer little diversification).
/// </summary>
/// <param name="Score">0.7 × <paramref name="VolatilityComponent"/> + 0.3 × <paramref name="CorrelationComponent"/>.</param>
/// <param name="VolatilityComponent">100 × clamp((v − 10%) / (40% − 10%), 0, 1) for the mean annualized 20-day volatility v.</param>
/// <param name="CorrelationComponent">100 × clamp(ρ, 0, 1) for the mean pairwise correlation ρ.</param>
/// <param name="AnnualizedVolatility">Mean over the assets of their 20-day volatility × √252.</param>
/// <param name="AverageCorrelation">Mean Pearson correlation of daily returns over all pairs of assets; 1 for a single asset.</param>
public sealed record RiskScore(
    double Score,
    double VolatilityComponent,
    double CorrelationComponent,
    double AnnualizedVolatility,
    double AverageCorrelation)
{
    /// <summary>Weight of the volatility component.</summary>
    public const double VolatilityWeight = 0.7;

    /// <summary>Weight of the correlation component.</summary>
    public const double CorrelationWeight = 0.3;

    /// <summary>Annualized volatility that scores 0: calm for a broad equity index.</summary>
    public const double CalmVolatility = 0.10;

    /// <summary>Annualized volatility that scores 100: crisis level for a broad equity index.</summary>
    public const double CrisisVolatility = 0.40;

    /// <summary>Trading days per year used to annualize a daily volatility.</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>Daily returns in the correlation window (the most recent; min_history_days is at least this).</summary>
    public const int CorrelationDays = 60;

    /// <summary>
    /// The risk score of <paramref name="features"/>, with the correlation taken over the last
    /// <see cref="CorrelationDays"/> daily returns of each entry of <paramref name="closes"/> (same order, same
    /// trading days; each at least <see cref="CorrelationDays"/> + 1 closes).
    /// </summary>
    /// <remarks>
    /// A pair in which either asset did not move at all in the window counts as uncorrelated (ρ = 0): a flat
    /// price diversifies. A single asset has no one to diversify with, so its correlation is defined as 1
    /// (component 100). Negative average correlation clamps to 0: it cannot make risk lower than "uncorrelated".
    /// </remarks>
    public static RiskScore Compute(IReadOnlyList<AssetFeatures> features, IReadOnlyList<ReadOnlyMemory<double>> closes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(closes);
        if (features.Count == 0 || features.Count != closes.Count)
        {
            throw new ArgumentException($"need one close series per asset and at least one asset; got {features.Count} assets and {closes.Count} series", nameof(closes));
        }

        var volatility = 0.0;
        foreach (var f in features)
        {
            volatility += f.Volatility * Math.Sqrt(TradingDaysPerYear);
        }

        volatility /= features.Count;

        var returns = new double[closes.Count][];
        for (var a = 0; a < closes.Count; a++)
        {
            var c = closes[a].Span;
            if (c.Length < CorrelationDays + 1)
            {
                throw new ArgumentException($"{features[a].Symbol}: the correlation needs {CorrelationDays + 1} closes, got {c.Length}", nameof(closes));
            }

            c = c[^(CorrelationDays + 1)..];
            returns[a] = new double[CorrelationDays];
            for (var i = 0; i < CorrelationDays; i++)
            {
                returns[a][i] = c[i + 1] / c[i] - 1;
            }
        }

        var correlation = 1.0;
        if (returns.Length > 1)
        {
            var sum = 0.0;
            var pairs = 0;
            for (var a = 0; a < returns.Length; a++)
            {
                for (var b = a + 1; b < returns.Length; b++)
                {
                    sum += Correlation(returns[a], returns[b]);
                    pairs++;
                }
            }

            correlation = sum / pairs;
        }

        var volatilityComponent = 100 * Math.Clamp((volatility - CalmVolatility) / (CrisisVolatility - CalmVolatility), 0, 1);
        var correlationComponent = 100 * Math.Clamp(correlation, 0, 1);
        return new RiskScore(
            VolatilityWeight * volatilityComponent + CorrelationWeight * correlationComponent,
            volatilityComponent,
            correlationComponent,
            volatility,
            correlation);
    }

    /// <summary>Pearson correlation of two equally long series; 0 when either does not vary.</summary>
    internal static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var mx = AssetFeatures.Mean(x);
        var my = AssetFeatures.Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : 0;
    }
}
