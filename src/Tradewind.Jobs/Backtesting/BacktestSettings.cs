namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// A backtest as the user wrote it, all text: from command-line options, a settings file (<see cref="BacktestSettingsFile"/>)
/// or both laid over each other (<see cref="Over"/>). <see cref="BacktestRequest.Parse"/> checks it. Null or empty: not given.
/// </summary>
public sealed record BacktestSettings
{
    /// <summary>The strategy's catalogue name (<c>strategy</c>, <c>--strategy</c>).</summary>
    public string? Strategy { get; init; }

    /// <summary>Symbols whose bars are read from the database (<c>symbols</c>, <c>--symbol</c>).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>CSV price files, the symbol taken from each file's name (<c>data</c>, <c>--data</c>).</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>First traded date, yyyy-MM-dd (<c>start</c>, <c>--start</c>).</summary>
    public string? Start { get; init; }

    /// <summary>Last traded date, yyyy-MM-dd (<c>end</c>, <c>--end</c>).</summary>
    public string? End { get; init; }

    /// <summary>Bar length (<c>resolution</c>, <c>--resolution</c>).</summary>
    public string? Resolution { get; init; }

    /// <summary>Strategy parameters, name to text (<c>params</c>, <c>--param name=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Initial cash (<c>cash</c>, <c>--cash</c>).</summary>
    public string? Cash { get; init; }

    /// <summary>Commission SPEC (<c>commission</c>, <c>--commission</c>).</summary>
    public string? Commission { get; init; }

    /// <summary>Slippage in basis points (<c>slippage_bps</c>, <c>--slippage-bps</c>).</summary>
    public string? SlippageBps { get; init; }

    /// <summary>Fill rule name (<c>fill</c>, <c>--fill</c>).</summary>
    public string? Fill { get; init; }

    /// <summary>Annual risk-free rate for Sharpe and Sortino, a fraction such as 0.04 (<c>risk_free</c>, <c>--risk-free</c>).</summary>
    public string? RiskFree { get; init; }

    /// <summary>The most gross exposure per unit of equity that buys may reach, at least 1 (<c>leverage</c>, <c>--leverage</c>).</summary>
    public string? Leverage { get; init; }

    /// <summary>Whether equities trade whole shares only (<c>whole_shares</c>, <c>--whole-shares</c>).</summary>
    public bool? WholeShares { get; init; }

    /// <summary>Where the outputs go.</summary>
    public BacktestOutputs Outputs { get; init; } = new();

    /// <summary>Whether the run is stored in the database (<c>save</c>, <c>--save</c>).</summary>
    public bool? Save { get; init; }

    /// <summary>The settings file (<c>--config</c>) as the user named it, relative to the working directory; null without one.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Which values came from the settings file, so that messages about them name it.</summary>
    public SettingOrigins Origins { get; init; } = SettingOrigins.CommandLine;

    /// <summary>
    /// These settings laid over <paramref name="lower"/>: every value given here wins; a list given here replaces the
    /// lower list; parameters are merged by name, these winning.
    /// </summary>
    public BacktestSettings Over(BacktestSettings lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        var kept = lower.Parameters.Where(p => !Parameters.Any(mine => SameParameter(mine.Key, p.Key))).ToList();
        var parameters = kept.Concat(Parameters).ToList();
        return new BacktestSettings
        {
            Strategy = Given(Strategy) ?? lower.Strategy,
            Symbols = Symbols.Count > 0 ? Symbols : lower.Symbols,
            Data = Data.Count > 0 ? Data : lower.Data,
            Start = Given(Start) ?? lower.Start,
            End = Given(End) ?? lower.End,
            Resolution = Given(Resolution) ?? lower.Resolution,
            Parameters = parameters,
            Cash = Given(Cash) ?? lower.Cash,
            Commission = Given(Commission) ?? lower.Commission,
            SlippageBps = Given(SlippageBps) ?? lower.SlippageBps,
            Fill = Given(Fill) ?? lower.Fill,
            RiskFree = Given(RiskFree) ?? lower.RiskFree,
            Leverage = Given(Leverage) ?? lower.Leverage,
            WholeShares = WholeShares ?? lower.WholeShares,
            Outputs = Outputs.Over(lower.Outputs),
            Save = Save ?? lower.Save,
            ConfigFile = Given(ConfigFile) ?? lower.ConfigFile,
            Origins = SettingOrigins.Merge(Origins, lower.Origins, Gives, kept.Count > 0 && Parameters.Count > 0 ? ["params"] : []),
        };
    }

    // Whether these settings give the value of a settings file key (and so win over a lower layer's).
    private bool Gives(string key) => key switch
    {
        "strategy" => Given(Strategy) is not null,
        "symbols" => Symbols.Count > 0,
        "data" => Data.Count > 0,
        "start" => Given(Start) is not null,
        "end" => Given(End) is not null,
        "resolution" => Given(Resolution) is not null,
        "params" => Parameters.Count > 0,
        "cash" => Given(Cash) is not null,
        "commission" => Given(Commission) is not null,
        "slippage_bps" => Given(SlippageBps) is not null,
        "fill" => Given(Fill) is not null,
        "risk_free" => Given(RiskFree) is not null,
        "leverage" => Given(Leverage) is not null,
        "whole_shares" => WholeShares is not null,
        "save" => Save is not null,
        _ => Outputs.Named().Any(o => SettingOrigins.KeyOf(o.Option) == key),
    };

    internal static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Parameter names are matched as StrategyDefinition.Bind matches them: any case, '-' for '_'.
    private static bool SameParameter(string a, string b) =>
        string.Equals(a.Trim().Replace('-', '_'), b.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
}
