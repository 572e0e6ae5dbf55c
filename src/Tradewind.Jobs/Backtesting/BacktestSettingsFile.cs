using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// Reads a backtest settings file: one YAML (or JSON) mapping whose keys are the command's option names in snake_case
/// (<c>strategy</c>, <c>symbols</c>, <c>data</c>, <c>start</c>, <c>end</c>, <c>resolution</c>, <c>params</c>, <c>cash</c>,
/// <c>commission</c>, <c>slippage_bps</c>, <c>fill</c>, <c>risk_free</c>, <c>leverage</c>, <c>whole_shares</c>, <c>output</c>,
/// <c>fills</c>, <c>equity</c>, <c>orders</c>, <c>positions</c>, <c>json</c>, <c>report</c>, <c>save</c>). Unknown keys and
/// wrong shapes are errors naming file:line; the settings remember which keys the file gave
/// (<see cref="BacktestSettings.Origins"/>), so later messages about those values name the file and key.
/// </summary>
public static class BacktestSettingsFile
{
    /// <summary>The keys a settings file may hold.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["strategy", "symbols", "data", "start", "end", "resolution", "params", "cash", "commission", "slippage_bps", "fill",
         "risk_free", "leverage", "whole_shares", "output", "fills", "equity", "orders", "positions", "json", "report", "save"];

    /// <summary>
    /// Reads the file at <paramref name="path"/> (resolved by the caller); <paramref name="shownPath"/> is how messages name
    /// it and becomes <see cref="BacktestSettings.ConfigFile"/> (so it must resolve to <paramref name="path"/> from the
    /// working directory, as the command line's path does).
    /// </summary>
    /// <exception cref="JobInputException">The file is missing, not YAML/JSON, or holds an unknown key or a value of the wrong shape.</exception>
    public static BacktestSettings Read(string path, string shownPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new JobInputException($"--config: {shownPath}: file not found");
        }

        return Parse(File.ReadAllText(path), shownPath) with { ConfigFile = shownPath };
    }

    /// <summary>Parses settings text; <paramref name="source"/> is how messages name it.</summary>
    /// <exception cref="JobInputException">The text is not YAML/JSON, or holds an unknown key or a value of the wrong shape.</exception>
    public static BacktestSettings Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new JobInputException($"{source}:{ex.Start.Line}: not valid YAML or JSON: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return new BacktestSettings();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new JobInputException($"{source}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping of settings (strategy: sma-cross, data: [SPY.csv], ...)");
        }

        var problems = new List<string>();
        var settings = new BacktestSettings();
        var outputs = new BacktestOutputs();
        var given = new List<string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? string.Empty).Trim().Replace('-', '_').ToLowerInvariant();
            var place = string.Create(CultureInfo.InvariantCulture, $"{source}:{keyNode.Start.Line}");
            given.Add(key);
            string? Scalar()
            {
                if (value is YamlScalarNode scalar)
                {
                    return scalar.Value;
                }

                problems.Add($"{place}: {key} must be a single value");
                return null;
            }

            switch (key)
            {
                case "strategy": settings = settings with { Strategy = Scalar() }; break;
                case "symbols": settings = settings with { Symbols = List(value, key, place, problems) }; break;
                case "data": settings = settings with { Data = List(value, key, place, problems) }; break;
                case "start": settings = settings with { Start = Scalar() }; break;
                case "end": settings = settings with { End = Scalar() }; break;
                case "resolution": settings = settings with { Resolution = Scalar() }; break;
                case "params": settings = settings with { Parameters = Parameters(value, place, problems) }; break;
                case "cash": settings = settings with { Cash = Scalar() }; break;
                case "commission": settings = settings with { Commission = Scalar() }; break;
                case "slippage_bps": settings = settings with { SlippageBps = Scalar() }; break;
                case "fill": settings = settings with { Fill = Scalar() }; break;
                case "risk_free": settings = settings with { RiskFree = Scalar() }; break;
                case "leverage": settings = settings with { Leverage = Scalar() }; break;
                case "whole_shares": settings = settings with { WholeShares = Flag(Scalar(), key, place, problems) }; break;
                case "output": outputs = outputs with { Trades = Scalar() }; break;
                case "fills": outputs = outputs with { Fills = Scalar() }; break;
                case "equity": outputs = outputs with { Equity = Scalar() }; break;
                case "orders": outputs = outputs with { Orders = Scalar() }; break;
                case "positions": outputs = outputs with { Positions = Scalar() }; break;
                case "json": outputs = outputs with { Summary = Scalar() }; break;
                case "report": outputs = outputs with { Report = Scalar() }; break;
                case "save": settings = settings with { Save = Flag(Scalar(), key, place, problems) }; break;
                default:
                    problems.Add($"{place}: unknown key '{key}'; known: {string.Join(", ", Keys)}");
                    break;
            }
        }

        return problems.Count == 0
            ? settings with { Outputs = outputs, Origins = SettingOrigins.From(source, given) }
            : throw new JobInputException(problems);
    }

    private static bool? Flag(string? text, string key, string place, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var flag))
        {
            return flag;
        }

        problems.Add($"{place}: {key}: '{text}' is not true or false");
        return null;
    }

    private static List<string> List(YamlNode value, string key, string place, List<string> problems)
    {
        switch (value)
        {
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [scalar.Value];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList();
            default:
                problems.Add($"{place}: {key} must be a value or a list of values, e.g. {key}: [A, B]");
                return [];
        }
    }

    private static List<KeyValuePair<string, string>> Parameters(YamlNode value, string place, List<string> problems)
    {
        if (value is not YamlMappingNode mapping || !mapping.Children.All(c => c.Key is YamlScalarNode && c.Value is YamlScalarNode))
        {
            problems.Add($"{place}: params must map parameter names to values, e.g. params: {{ fast: 20, slow: 50 }}");
            return [];
        }

        return mapping.Children.Select(c => new KeyValuePair<string, string>(((YamlScalarNode)c.Key).Value ?? string.Empty, ((YamlScalarNode)c.Value).Value ?? string.Empty)).ToList();
    }
}
