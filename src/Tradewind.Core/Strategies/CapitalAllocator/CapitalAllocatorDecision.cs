namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>One day's decision of the capital allocator, with everything the signal row stores about how it was made.</summary>
/// <param name="Regime">The market regime in [−1, +1]: the mean of the assets' regimes.</param>
/// <param name="Zone">Where <paramref name="Regime"/> falls against the thresholds.</param>
/// <param name="Risk">The risk score and its components.</param>
/// <param name="RiskLevel">Where the risk score falls against the thresholds.</param>
/// <param name="Action">Buy, Sell or Hold.</param>
/// <param name="AllocationFraction">Fraction of daily capital invested (Buy; 0 otherwise), e.g. 0.8.</param>
/// <param name="Budget">Dollars invested: daily capital × <paramref name="AllocationFraction"/>, rounded down to the cent (Buy; 0 otherwise).</param>
/// <param name="SellFraction">Fraction of every holding sold (Sell; 0 otherwise).</param>
/// <param name="Confidence">In [0, 1]: how far the regime is inside its zone × the share of assets whose own regime is in that zone.</param>
/// <param name="Allocations">Dollars per symbol, whole cents, adding up to <paramref name="Budget"/>; empty unless Buy.</param>
/// <param name="Assets">Each asset's features and scores, in the configured order.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record CapitalAllocatorDecision(
    double Regime,
    MarketZone Zone,
    RiskScore Risk,
    RiskLevel RiskLevel,
    AllocatorAction Action,
    decimal AllocationFraction,
    decimal Budget,
    decimal SellFraction,
    double Confidence,
    IReadOnlyDictionary<string, decimal> Allocations,
    IReadOnlyList<AssetSignal> Assets,
    string Reason)
{
    /// <summary>The model type the signal row names.</summary>
    public const string ModelType = "regime_based";

    /// <summary>What the execution needs: the action, the dollars per symbol, the sell fraction.</summary>
    public AllocatorInstruction Instruction => new(Action, Allocations, SellFraction);

    /// <summary>The action as the signal row spells it: BUY, SELL or HOLD.</summary>
    public static string ActionName(AllocatorAction action) => action switch
    {
        AllocatorAction.Buy => "BUY",
        AllocatorAction.Sell => "SELL",
        AllocatorAction.Hold => "HOLD",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
    };

    /// <summary>Reads an action spelled by <see cref="ActionName"/>.</summary>
    public static AllocatorAction ParseAction(string name) => name switch
    {
        "BUY" => AllocatorAction.Buy,
        "SELL" => AllocatorAction.Sell,
        "HOLD" => AllocatorAction.Hold,
        _ => throw new ArgumentException($"'{name}' is not an allocator action; expected BUY, SELL or HOLD", nameof(name)),
    };

    /// <summary>
    /// The signal row's <c>features_used</c> as plain values under snake_case keys: regime, zone, risk (and its
    /// components), risk_level, action, allocation_pct (a fraction: 0.8 = 80%), budget, sell_percentage,
    /// confidence, reason, and assets {SYMBOL: {returns_5d, returns_20d, returns_60d, volatility, score, ...}}.
    /// Returns, distances and volatilities are fractions; volatility is the daily 20-day figure.
    /// </summary>
    public IReadOnlyDictionary<string, object> ToFeaturesUsed()
    {
        var assets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var a in Assets)
        {
            var f = a.Features;
            assets[a.Symbol] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["close"] = f.Close,
                ["days"] = f.Days,
                ["returns_5d"] = f.Return5,
                ["returns_20d"] = f.Return20,
                ["returns_60d"] = f.Return60,
                ["volatility"] = f.Volatility,
                ["lookback_volatility"] = f.LookbackVolatility,
                ["sma_20"] = f.Sma20,
                ["sma_50"] = f.Sma50,
                ["distance_sma_20"] = f.DistanceSma20,
                ["distance_sma_50"] = f.DistanceSma50,
                ["momentum_score"] = a.MomentumScore,
                ["price_momentum_score"] = a.PriceMomentumScore,
                ["regime"] = a.Regime,
                ["trend_consistent"] = a.TrendConsistent,
                ["score"] = a.Score,
                ["rank"] = a.Rank,
            };
        }

        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["regime"] = Regime,
            ["zone"] = Zone.ToString().ToLowerInvariant(),
            ["risk"] = Risk.Score,
            ["risk_volatility_component"] = Risk.VolatilityComponent,
            ["risk_correlation_component"] = Risk.CorrelationComponent,
            ["annualized_volatility"] = Risk.AnnualizedVolatility,
            ["average_correlation"] = Risk.AverageCorrelation,
            ["risk_level"] = RiskLevel.ToString().ToLowerInvariant(),
            ["action"] = ActionName(Action),
            ["allocation_pct"] = AllocationFraction,
            ["budget"] = Budget,
            ["sell_percentage"] = SellFraction,
            ["confidence"] = Confidence,
            ["reason"] = Reason,
            ["assets"] = assets,
        };
    }
}
