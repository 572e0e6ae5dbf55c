using System.Globalization;
using System.Text.RegularExpressions;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Secrets;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Validation;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// The rules a bound <see cref="BotDocument"/> must satisfy: every documented range, the id (well-formed,
/// equal to the file name), a semantic version, a well-formed symbol, entry and exit logics of the
/// bot logic catalogue with their parameters' kinds and ranges, total exposure ≤ 1, reward ≥ risk; and the
/// warnings about a broker that does not fit the bot's environment. Returns every problem, each naming the
/// key in file spelling (<c>risk_management.take_profit_pct</c>), the value and the file that supplied it.
/// </summary>
public static partial class BotDocumentValidator
{
    /// <summary>The longest bot id.</summary>
    public const int MaxBotIdLength = 50;

    private static readonly Dictionary<string, SettingAttribute> RiskRanges =
        SettingsSchema.MembersOf(typeof(BotRiskManagement)).Where(m => m.Setting is not null).ToDictionary(m => m.Key, m => m.Setting!, StringComparer.Ordinal);

    // Rounding slack for the cross-field products and ratios (0.1 x 10 is 1.0000000000000002).
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Checks <paramref name="document"/>, read from a file named <paramref name="fileStem"/> (without extension).
    /// <paramref name="values"/> maps keys in file spelling to the document's effective values, to name the file
    /// that supplied a bad one.
    /// </summary>
    public static IReadOnlyList<ConfigurationProblem> Validate(BotDocument document, string fileStem, IReadOnlyDictionary<string, ConfigurationValue> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(fileStem);
        ArgumentNullException.ThrowIfNull(values);
        var rules = new RuleContext(values);
        SettingsValidator.CheckRanges(document, "", rules);
        CheckIdentity(document, fileStem, rules);
        CheckSymbol(document.Symbol, rules);
        CheckLogic(document.StrategyParams.EntryLogic, BotLogicKind.Entry, rules);
        CheckLogic(document.StrategyParams.ExitLogic, BotLogicKind.Exit, rules);
        CheckRisk(document.RiskManagement, values, rules);
        CheckBroker(document, rules);
        return rules.Problems;
    }

    /// <summary>True when <paramref name="botId"/> is 1-50 characters of A-Z a-z 0-9 _ -.</summary>
    public static bool IsWellFormedBotId(string? botId) => botId is not null && BotIdPattern().IsMatch(botId);

    /// <summary>True when <paramref name="version"/> is a semantic version (semver.org 2.0.0), e.g. <c>1.2.0</c> or <c>2.0.0-rc.1+build.5</c>.</summary>
    public static bool IsSemanticVersion(string? version) => version is not null && SemanticVersionPattern().IsMatch(version);

    private static void CheckIdentity(BotDocument document, string fileStem, RuleContext rules)
    {
        if (!IsWellFormedBotId(document.BotId))
        {
            rules.Error("bot_id", $"'{document.BotId}' is not a bot id: 1-{MaxBotIdLength} characters of A-Z a-z 0-9 _ -");
        }
        else if (!string.Equals(document.BotId, fileStem, StringComparison.Ordinal))
        {
            rules.Error("bot_id",
                $"'{document.BotId}' differs from the file name '{fileStem}': bot_id must equal the file name without its extension; rename the file to {document.BotId}.yaml or set bot_id: {fileStem}");
        }

        if (!IsSemanticVersion(document.Version))
        {
            rules.Error("version", $"'{document.Version}' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.2.0 (optionally -prerelease, +build)");
        }
    }

    private static void CheckSymbol(string symbol, RuleContext rules)
    {
        if (symbol.Length is < 2 or > 20)
        {
            rules.Error("symbol", $"'{symbol}' has {symbol.Length.ToString(CultureInfo.InvariantCulture)} characters: a bot's symbol has 2-20");
        }
        else if (!Core.Market.Symbol.TryParse(symbol, out _, out var reason))
        {
            rules.Error("symbol", $"'{symbol}' is not a symbol: {reason}");
        }
    }

    private static void CheckLogic(BotLogicSettings settings, BotLogicKind kind, RuleContext rules)
    {
        var (section, kindName) = kind == BotLogicKind.Entry ? ("strategy_params.entry_logic", "entry") : ("strategy_params.exit_logic", "exit");
        var (otherKind, otherName, otherSection) = kind == BotLogicKind.Entry
            ? (BotLogicKind.Exit, "exit", "strategy_params.exit_logic")
            : (BotLogicKind.Entry, "entry", "strategy_params.entry_logic");
        var known = string.Join(", ", BotLogicCatalog.Names(kind));
        var logic = BotLogicCatalog.Find(settings.Name, kind);
        if (logic is null)
        {
            if (string.IsNullOrWhiteSpace(settings.Name))
            {
                rules.Error(section + ".name", $"is empty: name an {kindName} logic: {known}");
            }
            else if (BotLogicCatalog.Find(settings.Name, otherKind) is not null)
            {
                rules.Error(section + ".name", $"'{settings.Name}' is an {otherName} logic, not an {kindName} logic; {kindName}_logic takes one of: {known}");
            }
            else
            {
                var names = BotLogicCatalog.All.Where(l => l.Kind == kind).SelectMany(l => new[] { l.Name, l.ShortName });
                rules.Error(section + ".name",
                    $"'{settings.Name}' is not a known {kindName} logic{KeySuggestion.Hint(settings.Name, names)}; known: {known} (or the name without '{(kind == BotLogicKind.Entry ? "EntryMixin" : "ExitMixin")}')");
            }

            // Without the logic, its parameters cannot be judged.
            return;
        }

        var otherPrefix = kind == BotLogicKind.Entry ? "x_" : "e_";
        var parameterNames = logic.Parameters.Select(p => p.Name).ToList();
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in settings.Params)
        {
            var path = $"{section}.params.{key.ToLowerInvariant()}";
            if (key.StartsWith(otherPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var bare = key[otherPrefix.Length..];
                var fix = logic.FindParameter(bare) is { } own
                    ? $"write {logic.ParameterPrefix}{own.Name} or {own.Name}"
                    : BotLogicCatalog.All.Any(l => l.Kind == otherKind && l.FindParameter(bare) is not null)
                        ? $"{bare.ToLowerInvariant()} is an {otherName} parameter: move it to {otherSection}.params"
                        : $"{logic.Name}'s parameters are {string.Join(", ", parameterNames)}";
                rules.Error(path, $"the {otherPrefix} prefix marks {otherName} parameters, but this is {kindName}_logic ({logic.Name}): {fix}", shownValue: SecretMask.MaskUnknown(text));
                continue;
            }

            var parameter = logic.FindParameter(key);
            if (parameter is null)
            {
                var candidates = parameterNames.Concat(parameterNames.Select(n => logic.ParameterPrefix + n));
                rules.Error(path,
                    $"unknown parameter '{key.ToLowerInvariant()}' of {logic.Name}{KeySuggestion.Hint(key, candidates)}; its parameters are {string.Join(", ", parameterNames)} (each optionally prefixed {logic.ParameterPrefix})",
                    shownValue: SecretMask.MaskUnknown(text));
                continue;
            }

            if (given.TryGetValue(parameter.Name, out var first))
            {
                rules.Error(path, $"{parameter.Name} is given twice, as '{first.ToLowerInvariant()}' and '{key.ToLowerInvariant()}': keep one");
                continue;
            }

            given.Add(parameter.Name, key);
            if (parameter.Check(text) is { } problem)
            {
                var expected = parameter.Kind switch
                {
                    ParameterKind.Integer => "whole number " + parameter.RangeText,
                    ParameterKind.Number => "number " + parameter.RangeText,
                    _ => "true or false",
                };
                rules.Error(path, $"{problem} ({parameter.Name}: {expected}, {parameter.Description})");
            }
        }
    }

    private static void CheckRisk(BotRiskManagement risk, IReadOnlyDictionary<string, ConfigurationValue> values, RuleContext rules)
    {
        const string section = "risk_management";
        static bool InRange(string key, double value) => RiskRanges[key].Contains(value);

        // Each rule is judged only on operands inside their own ranges (an out-of-range one is already an error),
        // and is reported at the operand from the highest layer: the edit that broke it.
        if (InRange("position_size", risk.PositionSize) && InRange("max_open_trades", risk.MaxOpenTrades))
        {
            var exposure = risk.PositionSize * risk.MaxOpenTrades;
            if (exposure > 1.0 + Tolerance)
            {
                rules.Error(Latest(values, $"{section}.position_size", $"{section}.max_open_trades"),
                    $"position_size ({Format(risk.PositionSize)}) x max_open_trades ({risk.MaxOpenTrades.ToString(CultureInfo.InvariantCulture)}) = {Format(exposure)}, more than 1.0: " +
                    "the open trades together could need more than the whole balance; lower one of them");
            }
        }

        if (InRange("take_profit_pct", risk.TakeProfitPct) && InRange("stop_loss_pct", risk.StopLossPct))
        {
            var ratio = risk.TakeProfitPct / risk.StopLossPct;
            if (ratio < 1.0 - Tolerance)
            {
                rules.Error(Latest(values, $"{section}.take_profit_pct", $"{section}.stop_loss_pct"),
                    $"take_profit_pct ({Format(risk.TakeProfitPct)}) / stop_loss_pct ({Format(risk.StopLossPct)}) = {Format(ratio)}, less than 1.0: " +
                    "a winning trade would gain less than a losing one loses; raise take_profit_pct or lower stop_loss_pct");
            }
        }
    }

    private static void CheckBroker(BotDocument document, RuleContext rules)
    {
        var broker = SettingsSchema.EnumKey(document.BrokerType);
        var environment = SettingsSchema.EnumKey(document.Environment);
        var production = document.Environment == BotEnvironment.Production;
        if (production && !document.BrokerType.IsLive())
        {
            rules.Warning("broker_type", $"the bot's environment is {environment}, but {broker} is a paper broker: the bot will send no real orders");
        }
        else if (!production && document.BrokerType.IsLive())
        {
            rules.Warning("broker_type", $"the bot's environment is {environment}, but {broker} is a live broker: real orders with real money outside production");
        }
    }

    // Of two keys a rule compares, the one written by the highest layer (the first when equal or both defaulted).
    private static string Latest(IReadOnlyDictionary<string, ConfigurationValue> values, string first, string second)
    {
        static int Rank(IReadOnlyDictionary<string, ConfigurationValue> values, string path) =>
            values.TryGetValue(path, out var value) ? (int)value.Layer.Kind : -1;

        return Rank(values, second) > Rank(values, first) ? second : first;
    }

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex BotIdPattern();

    // semver.org's recommended expression, with [0-9] for \d (which would also match non-ASCII digits).
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersionPattern();
}
