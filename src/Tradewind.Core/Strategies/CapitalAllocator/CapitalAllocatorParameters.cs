using System.Globalization;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The capital allocator's parameter set: the Core-side mirror of the <c>strategy.capital_allocator</c> settings
/// (Core cannot see the configuration project) and the shape stored in the <c>trading_config</c> registry through
/// <see cref="ToDictionary"/> / <see cref="FromDictionary"/>. Money and the fractions applied to money or
/// quantities are decimal; thresholds and weights that compare or combine scores are double.
/// </summary>
/// <remarks>
/// "Days of history" count daily returns, i.e. trading-day steps between closes: N days of history are N + 1
/// closes. That makes the 60-day return, which compares today's close with the close 60 trading days earlier,
/// exactly the first feature that 60 days of history allow.
/// </remarks>
public sealed record CapitalAllocatorParameters
{
    /// <summary>The strategy's name in the catalogue, the registry and messages.</summary>
    public const string StrategyName = "capital-allocator";

    /// <summary>The fewest days of history the features can work with: the 60-day return and the 60-return correlation window.</summary>
    public const int FeatureHistoryDays = 60;

    /// <summary>The registry keys, in the order <see cref="ToDictionary"/> writes them.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "daily_capital", "assets", "lookback_days", "min_history_days", "bullish_threshold", "bearish_threshold",
        "risk_high_threshold", "risk_medium_threshold", "allocation_low_risk", "allocation_medium_risk",
        "allocation_high_risk", "allocation_neutral", "sell_percentage", "momentum_weight", "price_momentum_weight",
        "max_drawdown_tolerance", "min_sharpe_target",
    ];

    /// <summary>The defaults (the registry's first version).</summary>
    public static CapitalAllocatorParameters Default { get; } = new();

    /// <summary>Dollars deposited and allocated each trading day (<c>daily_capital</c>).</summary>
    public decimal DailyCapital { get; init; } = 1000m;

    /// <summary>The symbols traded, in the configured order (<c>assets</c>).</summary>
    public IReadOnlyList<string> Assets { get; init; } = ["SPY", "QQQ", "DIA"];

    /// <summary>Days of history (daily returns; one more close) the features look back over (<c>lookback_days</c>).</summary>
    public int LookbackDays { get; init; } = 252;

    /// <summary>Days of history (daily returns; one more close) each asset needs before a decision (<c>min_history_days</c>).</summary>
    public int MinHistoryDays { get; init; } = 60;

    /// <summary>Regime above which the market is bullish (<c>bullish_threshold</c>).</summary>
    public double BullishThreshold { get; init; } = 0.3;

    /// <summary>Regime below which the market is bearish (<c>bearish_threshold</c>).</summary>
    public double BearishThreshold { get; init; } = -0.3;

    /// <summary>Risk score above which risk is high (<c>risk_high_threshold</c>); exactly this value is medium.</summary>
    public double RiskHighThreshold { get; init; } = 70;

    /// <summary>Risk score at or above which risk is medium (<c>risk_medium_threshold</c>).</summary>
    public double RiskMediumThreshold { get; init; } = 40;

    /// <summary>Fraction of daily capital bought in a bullish regime with low risk (<c>allocation_low_risk</c>).</summary>
    public decimal AllocationLowRisk { get; init; } = 0.8m;

    /// <summary>Fraction of daily capital bought in a bullish regime with medium risk (<c>allocation_medium_risk</c>).</summary>
    public decimal AllocationMediumRisk { get; init; } = 0.5m;

    /// <summary>Fraction of daily capital bought in a bullish regime with high risk (<c>allocation_high_risk</c>).</summary>
    public decimal AllocationHighRisk { get; init; } = 0.3m;

    /// <summary>Fraction of daily capital bought in a neutral regime with low risk (<c>allocation_neutral</c>).</summary>
    public decimal AllocationNeutral { get; init; } = 0.2m;

    /// <summary>Fraction of every holding sold in a bearish regime (<c>sell_percentage</c>).</summary>
    public decimal SellPercentage { get; init; } = 0.7m;

    /// <summary>Weight of risk-adjusted momentum in an asset's ranking score (<c>momentum_weight</c>).</summary>
    public double MomentumWeight { get; init; } = 0.6;

    /// <summary>Weight of price momentum against the moving averages in the ranking score (<c>price_momentum_weight</c>).</summary>
    public double PriceMomentumWeight { get; init; } = 0.4;

    /// <summary>Largest drawdown, in percent, a tuning accepts (<c>max_drawdown_tolerance</c>); not used by a decision.</summary>
    public double MaxDrawdownTolerance { get; init; } = 15;

    /// <summary>Sharpe ratio a tuning aims for (<c>min_sharpe_target</c>); not used by a decision.</summary>
    public double MinSharpeTarget { get; init; } = 1.0;

    /// <summary>
    /// Throws <see cref="StrategyParameterException"/> listing every parameter that is out of range or
    /// inconsistent with another, by its registry name, with the accepted range.
    /// </summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new StrategyParameterException(StrategyName, problems);
        }
    }

    /// <summary>
    /// The parameter set as plain values under the registry keys (<see cref="Keys"/>, snake_case): decimal for
    /// money and fractions, double for thresholds and weights, int for days, a string array for the assets.
    /// </summary>
    public IReadOnlyDictionary<string, object> ToDictionary() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["daily_capital"] = DailyCapital,
        ["assets"] = Assets.ToArray(),
        ["lookback_days"] = LookbackDays,
        ["min_history_days"] = MinHistoryDays,
        ["bullish_threshold"] = BullishThreshold,
        ["bearish_threshold"] = BearishThreshold,
        ["risk_high_threshold"] = RiskHighThreshold,
        ["risk_medium_threshold"] = RiskMediumThreshold,
        ["allocation_low_risk"] = AllocationLowRisk,
        ["allocation_medium_risk"] = AllocationMediumRisk,
        ["allocation_high_risk"] = AllocationHighRisk,
        ["allocation_neutral"] = AllocationNeutral,
        ["sell_percentage"] = SellPercentage,
        ["momentum_weight"] = MomentumWeight,
        ["price_momentum_weight"] = PriceMomentumWeight,
        ["max_drawdown_tolerance"] = MaxDrawdownTolerance,
        ["min_sharpe_target"] = MinSharpeTarget,
    };

    /// <summary>
    /// Rebuilds and validates a parameter set from registry values. Every key of <see cref="Keys"/> is required
    /// (a stored version must say what it decided with, not inherit today's defaults) and unknown keys are errors.
    /// Numbers may arrive as any of int, long, double or decimal (as a JSON reader produces them); whole-number
    /// parameters must be integral, and the assets a list of strings.
    /// </summary>
    /// <exception cref="StrategyParameterException">Names every missing, unknown, mistyped or out-of-range key.</exception>
    public static CapitalAllocatorParameters FromDictionary(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<string>();
        foreach (var key in values.Keys.Where(k => !Keys.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            problems.Add($"unknown parameter '{key}'; the parameters are {string.Join(", ", Keys)}");
        }

        foreach (var key in Keys.Where(k => !values.ContainsKey(k)))
        {
            problems.Add($"parameter '{key}' is missing; every stored parameter set must name all of {string.Join(", ", Keys)}");
        }

        var reader = new ValueReader(values, problems);
        var parameters = new CapitalAllocatorParameters
        {
            DailyCapital = reader.Decimal("daily_capital"),
            Assets = reader.Strings("assets"),
            LookbackDays = reader.Int("lookback_days"),
            MinHistoryDays = reader.Int("min_history_days"),
            BullishThreshold = reader.Double("bullish_threshold"),
            BearishThreshold = reader.Double("bearish_threshold"),
            RiskHighThreshold = reader.Double("risk_high_threshold"),
            RiskMediumThreshold = reader.Double("risk_medium_threshold"),
            AllocationLowRisk = reader.Decimal("allocation_low_risk"),
            AllocationMediumRisk = reader.Decimal("allocation_medium_risk"),
            AllocationHighRisk = reader.Decimal("allocation_high_risk"),
            AllocationNeutral = reader.Decimal("allocation_neutral"),
            SellPercentage = reader.Decimal("sell_percentage"),
            MomentumWeight = reader.Double("momentum_weight"),
            PriceMomentumWeight = reader.Double("price_momentum_weight"),
            MaxDrawdownTolerance = reader.Double("max_drawdown_tolerance"),
            MinSharpeTarget = reader.Double("min_sharpe_target"),
        };

        if (problems.Count == 0)
        {
            problems.AddRange(parameters.Problems());
        }

        return problems.Count == 0 ? parameters : throw new StrategyParameterException(StrategyName, problems);
    }

    /// <summary>
    /// The parameter set of a catalogue run (<c>tradewind backtest --strategy capital-allocator --param name=value</c>):
    /// each catalogue parameter under its registry key, the rest at the defaults: max_drawdown_tolerance and
    /// min_sharpe_target, which no decision uses, and the assets, which a catalogue run replaces with its symbols.
    /// </summary>
    /// <exception cref="StrategyParameterException">A catalogue parameter is not a registry key, or the values break a rule across parameters.</exception>
    public static CapitalAllocatorParameters FromCatalog(StrategyParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var registry = new Dictionary<string, object>(Default.ToDictionary(), StringComparer.Ordinal);
        foreach (var parameter in values.Parameters)
        {
            registry[parameter.Name] = parameter.Kind == ParameterKind.Integer ? values.Integer(parameter.Name) : values.Number(parameter.Name);
        }

        // FromDictionary, not a second conversion: a catalogue run and a stored registry version read numbers alike.
        return FromDictionary(registry);
    }

    /// <summary>Value equality, the assets compared element by element (a record compares list references).</summary>
    public bool Equals(CapitalAllocatorParameters? other) =>
        other is not null
        && DailyCapital == other.DailyCapital
        && Assets.SequenceEqual(other.Assets, StringComparer.Ordinal)
        && LookbackDays == other.LookbackDays
        && MinHistoryDays == other.MinHistoryDays
        && BullishThreshold.Equals(other.BullishThreshold)
        && BearishThreshold.Equals(other.BearishThreshold)
        && RiskHighThreshold.Equals(other.RiskHighThreshold)
        && RiskMediumThreshold.Equals(other.RiskMediumThreshold)
        && AllocationLowRisk == other.AllocationLowRisk
        && AllocationMediumRisk == other.AllocationMediumRisk
        && AllocationHighRisk == other.AllocationHighRisk
        && AllocationNeutral == other.AllocationNeutral
        && SellPercentage == other.SellPercentage
        && MomentumWeight.Equals(other.MomentumWeight)
        && PriceMomentumWeight.Equals(other.PriceMomentumWeight)
        && MaxDrawdownTolerance.Equals(other.MaxDrawdownTolerance)
        && MinSharpeTarget.Equals(other.MinSharpeTarget);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DailyCapital);
        foreach (var asset in Assets)
        {
            hash.Add(asset, StringComparer.Ordinal);
        }

        hash.Add(LookbackDays);
        hash.Add(MinHistoryDays);
        hash.Add(BullishThreshold);
        hash.Add(BearishThreshold);
        hash.Add(RiskHighThreshold);
        hash.Add(RiskMediumThreshold);
        hash.Add(AllocationLowRisk);
        hash.Add(AllocationMediumRisk);
        hash.Add(AllocationHighRisk);
        hash.Add(AllocationNeutral);
        hash.Add(SellPercentage);
        hash.Add(MomentumWeight);
        hash.Add(PriceMomentumWeight);
        hash.Add(MaxDrawdownTolerance);
        hash.Add(MinSharpeTarget);
        return hash.ToHashCode();
    }

    private List<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Require(DailyCapital > 0, $"daily_capital is {Text(DailyCapital)}; it must be more than 0 (dollars per trading day)");

        if (Assets is null || Assets.Count == 0)
        {
            problems.Add("assets is empty; list at least one symbol, e.g. [SPY, QQQ, DIA]");
        }
        else
        {
            foreach (var asset in Assets)
            {
                Require(!string.IsNullOrWhiteSpace(asset) && asset.Trim() == asset && !asset.Any(char.IsWhiteSpace), $"assets contains '{asset}'; a symbol is a non-empty name without spaces");
            }

            foreach (var duplicate in Assets.Where(a => a is not null).GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"assets lists {duplicate.Key} {duplicate.Count()} times; list each symbol once");
            }
        }

        Require(
            MinHistoryDays >= FeatureHistoryDays,
            $"min_history_days is {MinHistoryDays}; it must be at least {FeatureHistoryDays}: the 60-day return needs the close 60 trading days back (61 closes)");
        Require(LookbackDays >= MinHistoryDays, $"lookback_days is {LookbackDays}; it must be at least min_history_days ({MinHistoryDays})");

        Require(
            double.IsFinite(BearishThreshold) && double.IsFinite(BullishThreshold) && -1 <= BearishThreshold && BearishThreshold < BullishThreshold && BullishThreshold <= 1,
            $"bearish_threshold is {Text(BearishThreshold)} and bullish_threshold {Text(BullishThreshold)}; they must satisfy -1 <= bearish_threshold < bullish_threshold <= 1 (the regime lies in [-1, +1])");
        Require(
            double.IsFinite(RiskMediumThreshold) && double.IsFinite(RiskHighThreshold) && 0 <= RiskMediumThreshold && RiskMediumThreshold < RiskHighThreshold && RiskHighThreshold <= 100,
            $"risk_medium_threshold is {Text(RiskMediumThreshold)} and risk_high_threshold {Text(RiskHighThreshold)}; they must satisfy 0 <= risk_medium_threshold < risk_high_threshold <= 100 (the risk score lies in [0, 100])");

        foreach (var (name, value) in new[]
        {
            ("allocation_low_risk", AllocationLowRisk), ("allocation_medium_risk", AllocationMediumRisk),
            ("allocation_high_risk", AllocationHighRisk), ("allocation_neutral", AllocationNeutral), ("sell_percentage", SellPercentage),
        })
        {
            Require(value is >= 0 and <= 1, $"{name} is {Text(value)}; it must be a fraction from 0 to 1 (0.5 = 50%)");
        }

        Require(MomentumWeight is >= 0 and <= 1, $"momentum_weight is {Text(MomentumWeight)}; it must be from 0 to 1");
        Require(PriceMomentumWeight is >= 0 and <= 1, $"price_momentum_weight is {Text(PriceMomentumWeight)}; it must be from 0 to 1");
        Require(
            Math.Abs(MomentumWeight + PriceMomentumWeight - 1) <= 1e-9,
            $"momentum_weight ({Text(MomentumWeight)}) + price_momentum_weight ({Text(PriceMomentumWeight)}) is {Text(MomentumWeight + PriceMomentumWeight)}; they must add up to 1");
        Require(
            MaxDrawdownTolerance is > 0 and <= 100,
            $"max_drawdown_tolerance is {Text(MaxDrawdownTolerance)}; it must be a percentage above 0 and at most 100");
        Require(MinSharpeTarget is >= -10 and <= 10, $"min_sharpe_target is {Text(MinSharpeTarget)}; it must be from -10 to 10");
        return problems;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads typed values out of the registry dictionary, recording a problem per bad value.</summary>
    private sealed class ValueReader(IReadOnlyDictionary<string, object> values, List<string> problems)
    {
        public decimal Decimal(string key)
        {
            switch (Get(key))
            {
                case null:
                    return default;
                case decimal d:
                    return d;
                case int or long or short or byte:
                    return Convert.ToDecimal(values[key], CultureInfo.InvariantCulture);
                case double or float when double.IsFinite(Convert.ToDouble(values[key], CultureInfo.InvariantCulture))
                                          && Math.Abs(Convert.ToDouble(values[key], CultureInfo.InvariantCulture)) < 1e15:
                    // A double reaches here from a JSON reader; its shortest text is what the user wrote.
                    return decimal.Parse(Convert.ToDouble(values[key], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                default:
                    return Wrong<decimal>(key, "a number");
            }
        }

        public double Double(string key)
        {
            var value = Get(key);
            return value switch
            {
                null => default,
                double d when double.IsFinite(d) => d,
                float f when float.IsFinite(f) => f,
                decimal or int or long or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => Wrong<double>(key, "a finite number"),
            };
        }

        public int Int(string key)
        {
            var value = Get(key);
            return value switch
            {
                null => default,
                int i => i,
                long or short or byte when Convert.ToInt64(value, CultureInfo.InvariantCulture) is >= int.MinValue and <= int.MaxValue => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                decimal d when d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                double d when d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                _ => Wrong<int>(key, "a whole number of trading days"),
            };
        }

        public IReadOnlyList<string> Strings(string key)
        {
            var value = Get(key);
            if (value is null)
            {
                return [];
            }

            if (value is System.Collections.IEnumerable items and not string)
            {
                var list = new List<string>();
                foreach (var item in items)
                {
                    if (item is not string s)
                    {
                        return Wrong<IReadOnlyList<string>>(key, "a list of symbols (strings)") ?? [];
                    }

                    list.Add(s);
                }

                return list;
            }

            return Wrong<IReadOnlyList<string>>(key, "a list of symbols (strings), e.g. [\"SPY\", \"QQQ\"]") ?? [];
        }

        private object? Get(string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value is null)
            {
                problems.Add($"parameter '{key}' is null; give it a value");
            }

            return value;
        }

        private T? Wrong<T>(string key, string expected)
        {
            var value = values[key];
            var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
            problems.Add($"parameter '{key}' is {text} ({value?.GetType().Name}); it must be {expected}");
            return default;
        }
    }
}
