using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using Tradewind.Core.Market;

namespace Tradewind.Core.Indicators;

/// <summary>
/// A parsed indicator request such as <c>sma:20</c>, <c>bb:20,2</c> or <c>macd:12,26,9</c>, which computes its
/// named output columns (e.g. <c>bb_20_2_upper</c>) over a bar series.
/// </summary>
/// <remarks>
/// Known specs: <c>sma:n</c>, <c>ema:n</c>, <c>rsi:n</c>, <c>atr:n</c>, <c>bb:n,k</c>, <c>macd:fast,slow,signal</c>,
/// <c>roc:n</c>, <c>stdev:n</c> (sample), <c>vol:n[,bars per year]</c> (annualized, log returns, default 252),
/// <c>ret:n</c>, <c>stoch:n,m[,slowing]</c>, <c>obv</c>, <c>vwap</c>. Single-input indicators read the close; atr,
/// stoch, obv and vwap read high/low/close/volume. Column names are the indicator name and its parameters joined by
/// '_' (numbers normalized: <c>bb:20,2.0</c> gives <c>bb_20_2</c>), plus <c>_part</c> for multi-output indicators.
/// </remarks>
public sealed class IndicatorSpec
{
    /// <summary>The longest period accepted, so that a typo cannot allocate gigabytes of window.</summary>
    public const int MaxPeriod = 1_000_000;

    private static readonly Parameter Period = new("period", Whole: true, Minimum: 1, Exclusive: false);
    private static readonly Parameter SamplePeriod = new("period", Whole: true, Minimum: 2, Exclusive: false);

    private static readonly Definition[] Definitions =
    [
        new("sma", "sma:20", [Period], 1, []),
        new("ema", "ema:20", [Period], 1, []),
        new("rsi", "rsi:14", [Period], 1, []),
        new("atr", "atr:14", [Period], 1, []),
        new("bb", "bb:20,2", [Period, new("band width k in standard deviations", Whole: false, Minimum: 0, Exclusive: false)], 2, ["middle", "upper", "lower"]),
        new(
            "macd",
            "macd:12,26,9",
            [
                new("fast period", Whole: true, Minimum: 1, Exclusive: false),
                new("slow period", Whole: true, Minimum: 2, Exclusive: false),
                new("signal period", Whole: true, Minimum: 1, Exclusive: false),
            ],
            3,
            ["macd", "signal", "hist"]),
        new("roc", "roc:20", [Period], 1, []),
        new("stdev", "stdev:20", [SamplePeriod], 1, []),
        new("vol", "vol:20", [SamplePeriod, new("annualization factor in bars per year", Whole: false, Minimum: 0, Exclusive: true)], 1, []),
        new("ret", "ret:20", [Period], 1, []),
        new(
            "stoch",
            "stoch:14,3",
            [
                new("%K period", Whole: true, Minimum: 1, Exclusive: false),
                new("%D period", Whole: true, Minimum: 1, Exclusive: false),
                new("slowing", Whole: true, Minimum: 1, Exclusive: false),
            ],
            2,
            ["k", "d"]),
        new("obv", "obv", [], 0, []),
        new("vwap", "vwap", [], 0, []),
    ];

    private readonly Definition _definition;
    private readonly double[] _parameters;

    private IndicatorSpec(Definition definition, double[] parameters)
    {
        _definition = definition;
        _parameters = parameters;
        var formatted = new string[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            formatted[i] = FormatNumber(parameters[i]);
        }

        Text = formatted.Length == 0 ? definition.Name : definition.Name + ":" + string.Join(',', formatted);
        var prefix = formatted.Length == 0 ? definition.Name : definition.Name + "_" + string.Join('_', formatted);
        ColumnNames = definition.Parts.Length == 0 ? [prefix] : Array.ConvertAll(definition.Parts, part => prefix + "_" + part);
        WarmUpBars = ComputeWarmUp(definition.Name, parameters);
    }

    /// <summary>The names of the indicators <see cref="Parse"/> knows, in the order they are listed to users.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = Array.ConvertAll(Definitions, d => d.Name);

    /// <summary>The indicator's lower-case name, e.g. <c>bb</c>.</summary>
    public string Name => _definition.Name;

    /// <summary>The parameters as numbers, in the order written.</summary>
    public IReadOnlyList<double> Parameters => _parameters;

    /// <summary>The columns <see cref="Compute(BarSeries, DateTimeZone)"/> returns, in order, e.g. <c>bb_20_2_middle</c>.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// The index of the first bar at which every column has a value: the number of leading NaN rows (for vwap, on
    /// condition that the first bar has volume).
    /// </summary>
    public int WarmUpBars { get; }

    /// <summary>The canonical spelling, e.g. <c>bb:20,2</c> for <c>BB:20, 2.0</c>.</summary>
    public string Text { get; }

    /// <summary>Parses a spec such as <c>rsi:14</c>; throws a <see cref="FormatException"/> naming the spec and the fix.</summary>
    public static IndicatorSpec Parse(string text)
    {
        if (!TryParse(text, out var spec, out var error))
        {
            throw new FormatException(error);
        }

        return spec;
    }

    /// <summary>Parses a spec as <see cref="Parse"/> does, returning the message instead of throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IndicatorSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        var trimmed = text?.Trim() ?? string.Empty;
        var prefix = $"indicator '{text}': ";
        if (trimmed.Length == 0)
        {
            error = prefix + "the spec is empty; write a name and its parameters, e.g. sma:20";
            return false;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        var definition = Array.Find(Definitions, d => d.Name == name);
        if (definition is null)
        {
            error = prefix + $"unknown indicator '{name}'; known indicators: {string.Join(", ", KnownNames)}";
            return false;
        }

        var parts = colon < 0 ? [] : trimmed[(colon + 1)..].Split(',');
        var maximum = definition.Parameters.Length;
        if (parts.Length < definition.Required || parts.Length > maximum)
        {
            error = prefix + CountProblem(definition);
            return false;
        }

        var parameters = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var rule = definition.Parameters[i];
            if (!TryReadNumber(parts[i], rule, out parameters[i], out var problem))
            {
                error = prefix + $"{rule.Description} must be {problem}, e.g. {definition.Example}";
                return false;
            }
        }

        if (name == "macd" && parameters[0] >= parameters[1])
        {
            error = prefix + $"fast period must be shorter than slow period, e.g. {definition.Example}";
            return false;
        }

        spec = new IndicatorSpec(definition, parameters);
        error = null;
        return true;
    }

    /// <summary>
    /// Computes the columns over <paramref name="series"/>, taking sessions for vwap as local dates in the default
    /// zone of the symbol's asset class (America/New_York for equities, UTC for crypto).
    /// </summary>
    public IReadOnlyList<IndicatorColumn> Compute(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Compute(series, SessionVwap.DefaultSessionZone(series.Symbol.AssetClass));
    }

    /// <summary>Computes the columns over <paramref name="series"/>; vwap sessions are local dates in <paramref name="sessionZone"/>.</summary>
    public IReadOnlyList<IndicatorColumn> Compute(BarSeries series, DateTimeZone sessionZone)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(sessionZone);
        var outputs = new double[ColumnNames.Count][];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new double[series.Count];
        }

        var close = series.Close;
        var p = _parameters;
        switch (Name)
        {
            case "sma":
                SimpleMovingAverage.Compute(close, (int)p[0], outputs[0]);
                break;
            case "ema":
                ExponentialMovingAverage.Compute(close, (int)p[0], outputs[0]);
                break;
            case "rsi":
                RelativeStrengthIndex.Compute(close, (int)p[0], outputs[0]);
                break;
            case "atr":
                AverageTrueRange.Compute(series.High, series.Low, close, (int)p[0], outputs[0]);
                break;
            case "bb":
                BollingerBands.Compute(close, (int)p[0], p[1], outputs[0], outputs[1], outputs[2]);
                break;
            case "macd":
                MovingAverageConvergenceDivergence.Compute(close, (int)p[0], (int)p[1], (int)p[2], outputs[0], outputs[1], outputs[2]);
                break;
            case "roc":
                RateOfChange.Compute(close, (int)p[0], outputs[0]);
                break;
            case "stdev":
                RollingStandardDeviation.Compute(close, (int)p[0], outputs[0]);
                break;
            case "vol":
                AnnualizedVolatility.Compute(close, (int)p[0], p.Length > 1 ? p[1] : AnnualizedVolatility.TradingDaysPerYear, outputs[0]);
                break;
            case "ret":
                RollingReturn.Compute(close, (int)p[0], outputs[0]);
                break;
            case "stoch":
                StochasticOscillator.Compute(series.High, series.Low, close, (int)p[0], (int)p[1], p.Length > 2 ? (int)p[2] : 1, outputs[0], outputs[1]);
                break;
            case "obv":
                OnBalanceVolume.Compute(close, series.Volume, outputs[0]);
                break;
            case "vwap":
                SessionVwap.Compute(series, sessionZone, outputs[0]);
                break;
            default:
                throw new InvalidOperationException($"indicator '{Name}' is parsed but has no computation");
        }

        var columns = new IndicatorColumn[outputs.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new IndicatorColumn(ColumnNames[i], outputs[i]);
        }

        return columns;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static int ComputeWarmUp(string name, double[] p) => name switch
    {
        "sma" or "ema" or "atr" or "bb" or "stdev" => (int)p[0] - 1,
        "rsi" or "roc" or "vol" or "ret" => (int)p[0],
        "macd" => (int)p[1] + (int)p[2] - 2,
        "stoch" => (int)p[0] + (int)p[1] + (p.Length > 2 ? (int)p[2] : 1) - 3,
        _ => 0,
    };

    private static string CountProblem(Definition definition)
    {
        var all = definition.Parameters;
        if (all.Length == 0)
        {
            return $"{definition.Name} takes no parameters; write just {definition.Example}";
        }

        var names = string.Join(", ", Array.ConvertAll(all[..definition.Required], r => r.Description));
        if (all.Length > definition.Required)
        {
            names += "[, " + string.Join(", ", Array.ConvertAll(all[definition.Required..], r => r.Description)) + "]";
        }

        var count = definition.Required == all.Length
            ? definition.Required.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{definition.Required} or {all.Length}");
        var noun = all.Length == 1 ? "parameter" : "parameters";
        return $"{definition.Name} takes {count} {noun} ({names}), e.g. {definition.Example}";
    }

    private static bool TryReadNumber(string text, Parameter rule, out double value, [NotNullWhen(false)] out string? problem)
    {
        var bound = FormatNumber(rule.Minimum);
        var expected = rule.Whole
            ? $"a whole number ≥ {bound}"
            : rule.Exclusive ? $"a number > {bound}" : $"a number ≥ {bound}";
        problem = expected;
        if (!double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value)
            || (rule.Whole && value != Math.Floor(value))
            || value < rule.Minimum
            || (rule.Exclusive && value == rule.Minimum))
        {
            return false;
        }

        if (value > MaxPeriod)
        {
            problem = $"{expected} and at most {MaxPeriod.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        // -0 parses as a distinct double; it would print as "-0" in a column name.
        value = value == 0 ? 0 : value;
        problem = null;
        return true;
    }

    private static string FormatNumber(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a spec's parameter must be.</summary>
    private sealed record Parameter(string Description, bool Whole, double Minimum, bool Exclusive);

    /// <summary>One known indicator: its name, an example, its parameters (the first Required are mandatory) and its output parts.</summary>
    private sealed record Definition(string Name, string Example, Parameter[] Parameters, int Required, string[] Parts);
}
