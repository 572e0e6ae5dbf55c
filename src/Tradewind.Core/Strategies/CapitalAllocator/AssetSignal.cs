namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>One asset's scores: its own regime, its ranking score, and its rank among the assets.</summary>
/// <param name="Features">The raw features.</param>
/// <param name="MomentumScore">Risk-adjusted momentum: the mean of the 5-, 20- and 60-day return scores, in (−1, +1).</param>
/// <param name="Sma20Score">Score of the distance from SMA-20, in (−1, +1).</param>
/// <param name="Sma50Score">Score of the distance from SMA-50, in (−1, +1).</param>
/// <param name="Regime">The asset's regime: 0.5 momentum + 0.3 SMA-20 score + 0.2 SMA-50 score, in (−1, +1).</param>
/// <param name="PriceMomentumScore">Price momentum against the averages: 0.6 SMA-20 score + 0.4 SMA-50 score, in (−1, +1).</param>
/// <param name="TrendConsistent">All three returns positive and the close above both SMAs.</param>
/// <param name="Score">The ranking score: momentum_weight × momentum + price_momentum_weight × price momentum, × 1.5 when the trend is consistent and the score positive.</param>
/// <param name="Rank">1 for the highest score; equal scores rank by symbol (ordinal).</param>
public sealed record AssetSignal(
    AssetFeatures Features,
    double MomentumScore,
    double Sma20Score,
    double Sma50Score,
    double Regime,
    double PriceMomentumScore,
    bool TrendConsistent,
    double Score,
    int Rank)
{
    /// <summary>Weight of the momentum score in the regime.</summary>
    public const double RegimeMomentumWeight = 0.5;

    /// <summary>Weight of the SMA-20 distance score in the regime.</summary>
    public const double RegimeSma20Weight = 0.3;

    /// <summary>Weight of the SMA-50 distance score in the regime.</summary>
    public const double RegimeSma50Weight = 0.2;

    /// <summary>Multiplier of a positive score when the trend is consistent.</summary>
    public const double TrendConsistencyBonus = 1.5;

    /// <summary>The asset's symbol.</summary>
    public string Symbol => Features.Symbol;

    /// <summary>
    /// Scores <paramref name="features"/> (rank 0 until the assets are ranked). Every score is normalized by the
    /// look-back volatility (see <see cref="TrendScore"/>), so momentum and price momentum are on the same scale
    /// and the weights mean what they say. The price-momentum score weighs the two averages 0.6 / 0.4, the same
    /// proportion (0.3 : 0.2) as in the regime.
    /// </summary>
    public static AssetSignal Assess(AssetFeatures features, double momentumWeight, double priceMomentumWeight)
    {
        ArgumentNullException.ThrowIfNull(features);
        var sigma = features.LookbackVolatility;
        var momentum = (TrendScore.Return(features.Return5, 5, sigma)
                        + TrendScore.Return(features.Return20, 20, sigma)
                        + TrendScore.Return(features.Return60, 60, sigma)) / 3;
        var sma20 = TrendScore.Distance(features.DistanceSma20, 20, sigma);
        var sma50 = TrendScore.Distance(features.DistanceSma50, 50, sigma);
        var regime = RegimeMomentumWeight * momentum + RegimeSma20Weight * sma20 + RegimeSma50Weight * sma50;
        var price = 0.6 * sma20 + 0.4 * sma50;
        var consistent = features.Return5 > 0 && features.Return20 > 0 && features.Return60 > 0
                         && features.Close > features.Sma20 && features.Close > features.Sma50;
        var score = momentumWeight * momentum + priceMomentumWeight * price;
        if (consistent && score > 0)
        {
            score *= TrendConsistencyBonus;
        }

        return new AssetSignal(features, momentum, sma20, sma50, regime, price, consistent, score, 0);
    }
}
