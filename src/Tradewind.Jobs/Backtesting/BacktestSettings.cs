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

    /// <summary>Where the outputs go.</summary>
    public BacktestOutputs Outputs { get; init; } = new();

    /// <summary>Whether the run is stored in the database (<c>save</c>, <c>--save</c>).</summary>
    public bool? Save { get; init; }

    /// <summary>
    /// These settings laid over <paramref name="lower"/>: every value given here wins; a list given here replaces the
    /// lower list; parameters are merged by name, these winning.
    /// </summary>
    public BacktestSettings Over(BacktestSettings lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        var parameters = lower.Parameters
            .Where(p => !Parameters.Any(mine => SameParameter(mine.Key, p.Key)))
            .Concat(Parameters)
            .ToList();
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
            Outputs = Outputs.Over(lower.Outputs),
            Save = Save ?? lower.Save,
        };
    }

    internal static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Parameter names are matched as StrategyDefinition.Bind matches them: any case, '-' for '_'.
    private static bool SameParameter(string a, string b) =>
        string.Equals(a.Trim().Replace('-', '_'), b.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
}
