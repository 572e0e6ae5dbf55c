using Tradewind.Core.Strategies.BuyAndHold;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.EqualWeight;
using Tradewind.Core.Strategies.RsiBb;
using Tradewind.Core.Strategies.SmaCross;

namespace Tradewind.Core.Strategies.Catalog;

/// <summary>The strategies the engine can run by name: what <c>tradewind strategies</c> lists and the optimizer sweeps.</summary>
public static class StrategyCatalog
{
    /// <summary>buy-and-hold: the benchmark.</summary>
    public static StrategyDefinition BuyAndHold { get; } = new(
        "buy-and-hold",
        "Buy an equal share of equity in every symbol on the first bar and hold to the end (the benchmark)",
        [],
        _ => new BuyAndHoldStrategy());

    /// <summary>sma-cross: long-only moving-average crossover.</summary>
    public static StrategyDefinition SmaCross { get; } = new(
        "sma-cross",
        "Long when SMA(fast) crosses above SMA(slow), flat when it crosses below; fills at the next bar",
        [
            StrategyParameter.Integer("fast", 20, 1, 10_000, "fast moving-average length in bars"),
            StrategyParameter.Integer("slow", 50, 2, 10_000, "slow moving-average length in bars (more than fast)"),
            StrategyParameter.Integer("size", 0, 0, 1_000_000_000, "whole shares per entry; 0 = all available cash in whole shares at the fill"),
        ],
        v => new SmaCrossStrategy(v.Integer("fast"), v.Integer("slow"), (decimal)v.Number("size")),
        v => v.Integer("fast") < v.Integer("slow") ? null : $"fast ({v.Integer("fast")}) must be less than slow ({v.Integer("slow")})");

    /// <summary>rsi-bb: the paper/live bot strategy.</summary>
    public static StrategyDefinition RsiBb { get; } = new(
        "rsi-bb",
        "Mean-reversion long on RSI and the lower Bollinger band, with an ATR stop (and take-profit/trailing stop) attached",
        [
            StrategyParameter.Choice("entry", "RSIOrBB", ["RSIOrBB", "RSIBBVolume"], "entry rule: RSI < oversold OR close < lower band; or RSI AND band AND volume > factor × 20-bar average"),
            StrategyParameter.Choice("exit", "ATRExit", ["ATRExit", "AdvancedATRExit"], "exit rule: ATR stop; or ATR stop + ATR take-profit (+ trailing stop when enabled)"),
            .. BotLogicCatalog.Find("RSIOrBB", BotLogicKind.Entry)!.Parameters,
            .. BotLogicCatalog.Find("ATRExit", BotLogicKind.Exit)!.Parameters,
            StrategyParameter.Number("position_size", 0.1, 0.0001, 1, "fraction of equity per entry, at most the cash available"),
        ],
        v => new RsiBbStrategy(new RsiBbSettings
        {
            Entry = v.Choice("entry") == "RSIBBVolume" ? RsiBbEntry.RsiBbVolume : RsiBbEntry.RsiOrBb,
            Exit = v.Choice("exit") == "AdvancedATRExit" ? RsiBbExit.AdvancedAtrExit : RsiBbExit.AtrExit,
            RsiPeriod = v.Integer("rsi_period"),
            RsiOversold = v.Number("rsi_oversold"),
            BbPeriod = v.Integer("bb_period"),
            BbDev = v.Number("bb_dev"),
            VolumeFactor = v.Number("volume_factor"),
            CooldownBars = v.Integer("cooldown_bars"),
            AtrPeriod = v.Integer("atr_period"),
            SlMultiplier = v.Number("sl_multiplier"),
            TpMultiplier = v.Number("tp_multiplier"),
            TrailingEnabled = v.Boolean("trailing_enabled"),
            PositionSize = (decimal)v.Number("position_size"),
        }));

    /// <summary>equal-weight: a portfolio strategy rebalancing to equal weights.</summary>
    public static StrategyDefinition EqualWeight { get; } = new(
        "equal-weight",
        "Portfolio: hold (1 − cash_buffer)/n of equity in each symbol, rebalanced every rebalance_bars bars",
        [
            StrategyParameter.Integer("rebalance_bars", 21, 1, 100_000, "bars (time slices) between rebalances; 21 ≈ monthly on daily bars"),
            StrategyParameter.Number("cash_buffer", 0.02, 0, 0.99, "fraction of equity kept in cash to absorb moves to the next open"),
        ],
        v => new EqualWeightStrategy(v.Integer("rebalance_bars"), v.Number("cash_buffer")));

    /// <summary>capital-allocator: daily contributions invested by market regime and risk, the daily jobs' strategy.</summary>
    public static StrategyDefinition CapitalAllocator { get; } = CapitalAllocatorDefinition(CapitalAllocatorParameters.Default);

    /// <summary>Every strategy, in the order they are listed.</summary>
    public static IReadOnlyList<StrategyDefinition> All { get; } = [BuyAndHold, SmaCross, RsiBb, EqualWeight, CapitalAllocator];

    // The registry keys and defaults of CapitalAllocatorParameters; FromCatalog refuses a name that is not a key.
    private static StrategyDefinition CapitalAllocatorDefinition(CapitalAllocatorParameters d) => new(
        CapitalAllocatorParameters.StrategyName,
        "Daily contributions: deposit daily_capital each trading day and buy the symbols by market regime and risk, or sell part of every holding when bearish; the daily jobs' strategy (the assets are the run's symbols)",
        [
            StrategyParameter.Number("daily_capital", (double)d.DailyCapital, 0.01, 1_000_000_000, "dollars deposited each trading day with a decision (the first day's is the initial cash) and the base of the buy fractions"),
            StrategyParameter.Integer("lookback_days", d.LookbackDays, CapitalAllocatorParameters.FeatureHistoryDays, 10_000, "days of history (daily returns) the features look back over; at least min_history_days"),
            StrategyParameter.Integer("min_history_days", d.MinHistoryDays, CapitalAllocatorParameters.FeatureHistoryDays, 10_000, "days of history every symbol needs before the first decision; no decision, no deposit before"),
            StrategyParameter.Number("bullish_threshold", d.BullishThreshold, -1, 1, "market regime above which the market is bullish (regime in -1..+1)"),
            StrategyParameter.Number("bearish_threshold", d.BearishThreshold, -1, 1, "market regime below which the market is bearish (less than bullish_threshold)"),
            StrategyParameter.Number("risk_high_threshold", d.RiskHighThreshold, 0, 100, "risk score above which risk is high (score 0..100)"),
            StrategyParameter.Number("risk_medium_threshold", d.RiskMediumThreshold, 0, 100, "risk score from which risk is medium (less than risk_high_threshold)"),
            StrategyParameter.Number("allocation_low_risk", (double)d.AllocationLowRisk, 0, 1, "fraction of daily_capital bought when bullish with low risk"),
            StrategyParameter.Number("allocation_medium_risk", (double)d.AllocationMediumRisk, 0, 1, "fraction of daily_capital bought when bullish with medium risk"),
            StrategyParameter.Number("allocation_high_risk", (double)d.AllocationHighRisk, 0, 1, "fraction of daily_capital bought when bullish with high risk"),
            StrategyParameter.Number("allocation_neutral", (double)d.AllocationNeutral, 0, 1, "fraction of daily_capital bought when neutral with low risk (otherwise neutral holds)"),
            StrategyParameter.Number("sell_percentage", (double)d.SellPercentage, 0, 1, "fraction of every holding sold when bearish"),
            StrategyParameter.Number("momentum_weight", d.MomentumWeight, 0, 1, "weight of risk-adjusted momentum in the ranking score (with price_momentum_weight, sums to 1)"),
            StrategyParameter.Number("price_momentum_weight", d.PriceMomentumWeight, 0, 1, "weight of price momentum against SMA-20/50 in the ranking score"),
        ],
        v => CapitalAllocatorStrategy.ForSymbolsOfTheRun(CapitalAllocatorParameters.FromCatalog(v)),
        v =>
        {
            try
            {
                CapitalAllocatorParameters.FromCatalog(v);
                return null;
            }
            catch (StrategyParameterException ex)
            {
                return string.Join("; ", ex.Problems);
            }
        })
    {
        DefaultInitialCash = v => CapitalAllocatorParameters.FromCatalog(v).DailyCapital,
    };

    /// <summary>The strategy named <paramref name="name"/> (ignoring case), or null.</summary>
    public static StrategyDefinition? Find(string? name)
    {
        foreach (var definition in All)
        {
            if (string.Equals(definition.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return definition;
            }
        }

        return null;
    }

    /// <summary>The strategy named <paramref name="name"/>.</summary>
    /// <exception cref="StrategyParameterException">No such strategy; the message lists the known names.</exception>
    public static StrategyDefinition Get(string? name) => Find(name)
        ?? throw new StrategyParameterException($"unknown strategy '{name}'; known: {string.Join(", ", All.Select(d => d.Name))} (see `tradewind strategies`)");
}
