using System.Globalization;

namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The capital allocator's decision for one day: features per asset → regime, risk and ranking → action and
/// dollars. Pure: the same closes and parameters always give the same decision. How it decides:
/// docs/strategies/capital-allocator.md.
/// </summary>
public static class CapitalAllocatorModel
{
    /// <summary>
    /// Decides from each configured asset's closes (one <see cref="AssetHistory"/> per asset of
    /// <paramref name="parameters"/>, any order, ending with the last close known before the decision).
    /// </summary>
    /// <exception cref="Catalog.StrategyParameterException">The parameters are invalid.</exception>
    /// <exception cref="InsufficientHistoryException">An asset (the first in the configured order) has fewer than min_history_days days.</exception>
    /// <exception cref="ArgumentException">A configured asset has no history, a history is given twice or for an asset not configured, or a close is not a positive finite price.</exception>
    public static CapitalAllocatorDecision Decide(IReadOnlyList<AssetHistory> histories, CapitalAllocatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var p = parameters;
        var ordered = Match(histories, p.Assets);

        var features = ordered.Select(h => AssetFeatures.Compute(h, p.LookbackDays, p.MinHistoryDays)).ToList();
        var assessed = features.Select(f => AssetSignal.Assess(f, p.MomentumWeight, p.PriceMomentumWeight)).ToList();
        var ranks = AllocationSplit.Rank(assessed.Select(a => (a.Symbol, a.Score)))
            .Select((s, i) => (s.Symbol, Rank: i + 1))
            .ToDictionary(s => s.Symbol, s => s.Rank, StringComparer.Ordinal);
        var signals = assessed.Select(a => a with { Rank = ranks[a.Symbol] }).ToList();

        var regime = signals.Sum(s => s.Regime) / signals.Count;
        var risk = RiskScore.Compute(features, [.. ordered.Select(h => h.Closes)]);
        var zone = ZoneOf(regime, p);
        var level = LevelOf(risk.Score, p);
        var agreement = (double)signals.Count(s => ZoneOf(s.Regime, p) == zone) / signals.Count;
        var confidence = Margin(regime, zone, p) * agreement;

        var situation = $"{zone.ToString().ToLowerInvariant()} regime {Signed(regime)} ({ZoneRule(zone, p)}) and {level.ToString().ToLowerInvariant()} risk {Number(risk.Score, "0.0")} ({LevelRule(level, p)})";
        CapitalAllocatorDecision Hold(string why) =>
            new(regime, zone, risk, level, AllocatorAction.Hold, 0m, 0m, 0m, confidence, Empty(), signals, $"{situation}: {why}");

        var (action, f) = Rule(zone, level, p);
        if (action == AllocatorAction.Sell)
        {
            return new CapitalAllocatorDecision(
                regime, zone, risk, level, AllocatorAction.Sell, 0m, 0m, f, confidence, Empty(), signals,
                $"{situation}: sell {Percent(f)} of every holding");
        }

        if (action == AllocatorAction.Hold)
        {
            return Hold("hold (a neutral regime buys only when risk is low)");
        }

        var budget = AllocationSplit.RoundDownToCents(p.DailyCapital * f);
        var best = signals.MinBy(s => s.Rank)!;
        if (best.Score <= 0)
        {
            return Hold($"no asset has a positive score (best {best.Symbol} {Signed(best.Score)}), so nothing is bought: hold");
        }

        if (budget == 0)
        {
            return Hold($"{Percent(f)} of daily_capital {Money(p.DailyCapital)} is less than a cent: hold");
        }

        var dollars = AllocationSplit.Dollars(budget, signals.Select(s => (s.Symbol, s.Score)));
        var allocations = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, amount) in dollars)
        {
            allocations[symbol] = amount;
        }

        var split = string.Join(", ", dollars.Select(d => $"{d.Key} {Money(d.Value)}"));
        return new CapitalAllocatorDecision(
            regime, zone, risk, level, AllocatorAction.Buy, f, budget, 0m, confidence, allocations, signals,
            $"{situation}: buy {Percent(f)} of daily capital {Money(p.DailyCapital)} = {Money(budget)}: {split}");
    }

    /// <summary>
    /// The action table. Bearish: Sell sell_percentage of every holding. Neutral: Buy allocation_neutral when risk
    /// is low, else Hold. Bullish: Buy allocation_high_risk (high risk), allocation_medium_risk (medium) or
    /// allocation_low_risk (low). <c>Fraction</c> is of daily capital for a Buy, of each holding for a Sell, 0 for a Hold.
    /// </summary>
    public static (AllocatorAction Action, decimal Fraction) Rule(MarketZone zone, RiskLevel level, CapitalAllocatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (zone, level) switch
        {
            (MarketZone.Bearish, _) => (AllocatorAction.Sell, parameters.SellPercentage),
            (MarketZone.Neutral, RiskLevel.Low) => (AllocatorAction.Buy, parameters.AllocationNeutral),
            (MarketZone.Neutral, _) => (AllocatorAction.Hold, 0m),
            (MarketZone.Bullish, RiskLevel.High) => (AllocatorAction.Buy, parameters.AllocationHighRisk),
            (MarketZone.Bullish, RiskLevel.Medium) => (AllocatorAction.Buy, parameters.AllocationMediumRisk),
            (MarketZone.Bullish, RiskLevel.Low) => (AllocatorAction.Buy, parameters.AllocationLowRisk),
            _ => throw new ArgumentOutOfRangeException(nameof(zone), $"unknown zone {zone} or risk level {level}"),
        };
    }

    /// <summary>Bearish strictly below bearish_threshold, bullish strictly above bullish_threshold, neutral from one to the other inclusive.</summary>
    public static MarketZone ZoneOf(double regime, CapitalAllocatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return regime < parameters.BearishThreshold ? MarketZone.Bearish
            : regime > parameters.BullishThreshold ? MarketZone.Bullish
            : MarketZone.Neutral;
    }

    /// <summary>High strictly above risk_high_threshold, low strictly below risk_medium_threshold, medium from one to the other inclusive.</summary>
    public static RiskLevel LevelOf(double risk, CapitalAllocatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return risk > parameters.RiskHighThreshold ? RiskLevel.High
            : risk >= parameters.RiskMediumThreshold ? RiskLevel.Medium
            : RiskLevel.Low;
    }

    /// <summary>
    /// How far <paramref name="regime"/> is inside <paramref name="zone"/>, from 0 on its boundary to 1 at ±1
    /// (bullish, bearish) or at the midpoint between the thresholds (neutral).
    /// </summary>
    public static double Margin(double regime, MarketZone zone, CapitalAllocatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (bull, bear) = (parameters.BullishThreshold, parameters.BearishThreshold);
        var (distance, width) = zone switch
        {
            MarketZone.Bullish => (regime - bull, 1 - bull),
            MarketZone.Bearish => (bear - regime, bear + 1),
            _ => (Math.Min(regime - bear, bull - regime), (bull - bear) / 2),
        };
        return width > 0 ? Math.Clamp(distance / width, 0, 1) : 1;
    }

    private static List<AssetHistory> Match(IReadOnlyList<AssetHistory> histories, IReadOnlyList<string> assets)
    {
        var bySymbol = new Dictionary<string, AssetHistory>(StringComparer.Ordinal);
        foreach (var h in histories)
        {
            ArgumentNullException.ThrowIfNull(h, nameof(histories));
            if (!bySymbol.TryAdd(h.Symbol, h))
            {
                throw new ArgumentException($"the price history of {h.Symbol} is given twice; give one per configured asset", nameof(histories));
            }

            if (!assets.Contains(h.Symbol, StringComparer.Ordinal))
            {
                throw new ArgumentException($"a price history is given for {h.Symbol}, which is not a configured asset ({string.Join(", ", assets)}); add it to assets or leave it out", nameof(histories));
            }
        }

        var missing = assets.Where(a => !bySymbol.ContainsKey(a)).ToList();
        return missing.Count == 0
            ? [.. assets.Select(a => bySymbol[a])]
            : throw new ArgumentException($"no price history is given for {string.Join(", ", missing)}; every configured asset ({string.Join(", ", assets)}) needs one", nameof(histories));
    }

    private static string ZoneRule(MarketZone zone, CapitalAllocatorParameters p) => zone switch
    {
        MarketZone.Bearish => $"below {Signed(p.BearishThreshold)}",
        MarketZone.Bullish => $"above {Signed(p.BullishThreshold)}",
        _ => $"from {Signed(p.BearishThreshold)} to {Signed(p.BullishThreshold)}",
    };

    private static string LevelRule(RiskLevel level, CapitalAllocatorParameters p) => level switch
    {
        RiskLevel.High => $"above {Number(p.RiskHighThreshold, "0.##")}",
        RiskLevel.Low => $"below {Number(p.RiskMediumThreshold, "0.##")}",
        _ => $"from {Number(p.RiskMediumThreshold, "0.##")} to {Number(p.RiskHighThreshold, "0.##")}",
    };

    private static Dictionary<string, decimal> Empty() => new(StringComparer.Ordinal);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
