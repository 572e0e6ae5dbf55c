using System.Globalization;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Jobs.Backtesting;

/// <summary>A checked backtest request: the strategy with bound parameters, where the bars come from, the period, the costs and the outputs.</summary>
public sealed record BacktestRequest
{
    /// <summary>The default initial cash, for a strategy that names none of its own (<see cref="StrategyDefinition.DefaultInitialCash"/>).</summary>
    public const decimal DefaultCash = 100_000m;

    /// <summary>The strategy.</summary>
    public required StrategyDefinition Strategy { get; init; }

    /// <summary>Its parameter values, checked against its definition.</summary>
    public required StrategyParameterValues Parameters { get; init; }

    /// <summary>CSV price files as the user named them (relative to the working directory); empty when <see cref="Symbols"/> are read from the database.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>Symbols read from the database; empty when <see cref="DataFiles"/> are given.</summary>
    public IReadOnlyList<Symbol> Symbols { get; init; } = [];

    /// <summary>The bar length; null: the file name's or the data's for files, 1d for the database.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>The first traded date (earlier bars only warm the strategy up); null: from the first bar.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The last traded date; null: to the last bar.</summary>
    public DateOnly? End { get; init; }

    /// <summary>The cash deposited before the first bar.</summary>
    public decimal InitialCash { get; init; } = DefaultCash;

    /// <summary>The commission per fill.</summary>
    public CommissionModel Commission { get; init; } = CommissionModel.None;

    /// <summary>The slippage against the trader.</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.None;

    /// <summary>Which price of the next bar market orders take.</summary>
    public FillRule Fill { get; init; } = FillRule.NextOpen;

    /// <summary>The annual risk-free rate for Sharpe and Sortino, a fraction (0.04 = 4 %); greater than −1.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The most gross exposure per unit of equity that buys may reach (<see cref="Core.Engine.EngineOptions.MaxLeverage"/>); 1 = cash only.</summary>
    public decimal MaxLeverage { get; init; } = 1m;

    /// <summary>Whether equities trade whole shares only (crypto keeps its lot size).</summary>
    public bool WholeShares { get; init; }

    /// <summary>Where the outputs go.</summary>
    public BacktestOutputs Outputs { get; init; } = new();

    /// <summary>Whether the run is stored in the database.</summary>
    public bool Save { get; init; }

    /// <summary>The settings file the request came from, as the user named it; no output may overwrite it.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Which values came from the settings file, so that later messages (files, symbols, outputs) name it.</summary>
    public SettingOrigins Origins { get; init; } = SettingOrigins.CommandLine;

    /// <summary>Checks <paramref name="settings"/> and builds the request.</summary>
    /// <exception cref="JobInputException">Every problem, each naming the option and the fix.</exception>
    public static BacktestRequest Parse(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var origins = settings.Origins;

        StrategyDefinition? strategy = null;
        StrategyParameterValues? parameters = null;
        if (BacktestSettings.Given(settings.Strategy) is not { } name)
        {
            problems.Add($"--strategy is missing: name one of {string.Join(", ", StrategyCatalog.All.Select(d => d.Name))} (see 'tradewind strategies')");
        }
        else
        {
            try
            {
                strategy = StrategyCatalog.Get(name);
                parameters = strategy.Bind(settings.Parameters);
            }
            catch (StrategyParameterException ex)
            {
                problems.Add(strategy is null
                    ? $"{origins.Label("--strategy")}: {ex.Message}"
                    : $"{origins.Label("--param")}: {ex.Message} (see 'tradewind strategies show {strategy.Name}')");
            }
        }

        var data = settings.Data.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList();
        var symbols = new List<Symbol>();
        foreach (var text in settings.Symbols.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (!Symbol.TryParse(text, out var symbol, out var reason))
            {
                problems.Add($"{origins.Label("--symbol")}: {reason}");
            }
            else if (symbols.Contains(symbol))
            {
                problems.Add($"{origins.Label("--symbol")}: {symbol} is given twice; name each symbol once");
            }
            else
            {
                symbols.Add(symbol);
            }
        }

        if (data.Count > 0 && settings.Symbols.Count > 0)
        {
            problems.Add($"{origins.Mention("--symbol")} and {origins.Mention("--data")} are both given: read the bars from the database (--symbol SPY) or from price files (--data SPY.csv), not both");
        }
        else if (data.Count == 0 && settings.Symbols.Count == 0)
        {
            problems.Add("no bars named: give --data FILE (a CSV price file such as SPY.csv; the symbol comes from its name) or --symbol S (bars stored with 'tradewind data import')");
        }

        Resolution? resolution = null;
        if (BacktestSettings.Given(settings.Resolution) is { } resolutionText)
        {
            if (Core.Market.Resolution.TryParse(resolutionText.Trim(), out var parsed))
            {
                resolution = parsed;
            }
            else
            {
                problems.Add($"{origins.Label("--resolution")}: '{resolutionText}' is not a resolution; use e.g. 1m, 5m, 15m, 1h, 4h, 1d or 1w");
            }
        }

        var start = Date(settings.Start, origins.Label("--start"), problems);
        var end = Date(settings.End, origins.Label("--end"), problems);
        if (start > end)
        {
            problems.Add($"{origins.Mention("--end")} {end:yyyy-MM-dd} is before {origins.Mention("--start")} {start:yyyy-MM-dd}; swap them or widen the period");
        }

        // Unless --cash says otherwise: the strategy's own starting cash (capital-allocator's first day's contribution), else the default.
        var cash = strategy?.DefaultInitialCash is { } initial && parameters is not null ? initial(parameters) : DefaultCash;
        if (BacktestSettings.Given(settings.Cash) is { } cashText
            && (!decimal.TryParse(cashText.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cash) || cash <= 0))
        {
            problems.Add($"{origins.Label("--cash")}: '{cashText}' is not a positive amount; write it like 100000 or 25000.50");
        }

        var commission = CommissionModel.None;
        if (BacktestSettings.Given(settings.Commission) is { } commissionText)
        {
            try
            {
                commission = CommissionModel.Parse(commissionText);
            }
            catch (FormatException ex)
            {
                problems.Add($"{origins.Label("--commission")}: {ex.Message}");
            }
        }

        var slippage = SlippageModel.None;
        if (BacktestSettings.Given(settings.SlippageBps) is { } slippageText)
        {
            if (decimal.TryParse(slippageText.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bps) && bps <= 10_000m)
            {
                slippage = new SlippageModel(bps);
            }
            else
            {
                problems.Add($"{origins.Label("--slippage-bps")}: '{slippageText}' is not a number of basis points from 0 to 10000; e.g. 5 for 0.05%");
            }
        }

        var fill = FillRule.NextOpen;
        if (BacktestSettings.Given(settings.Fill) is { } fillText && !FillRuleNames.TryParse(fillText, out fill))
        {
            problems.Add($"{origins.Label("--fill")}: '{fillText}' is not a fill rule; use {FillRuleNames.NextOpen} (the default) or {FillRuleNames.NextClose}");
        }

        var riskFree = 0.0;
        if (BacktestSettings.Given(settings.RiskFree) is { } riskFreeText
            && (!double.TryParse(riskFreeText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out riskFree) || !double.IsFinite(riskFree) || riskFree <= -1))
        {
            problems.Add($"{origins.Label("--risk-free")}: '{riskFreeText}' is not an annual rate as a fraction greater than -1; write e.g. 0.04 for 4%");
        }

        var leverage = 1m;
        if (BacktestSettings.Given(settings.Leverage) is { } leverageText
            && (!decimal.TryParse(leverageText.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out leverage) || leverage < 1m))
        {
            problems.Add($"{origins.Label("--leverage")}: '{leverageText}' is not a leverage of at least 1; write e.g. 1 (cash only, the default) or 2 (buys up to twice the equity)");
        }

        if (problems.Count > 0)
        {
            throw new JobInputException(problems);
        }

        return new BacktestRequest
        {
            Strategy = strategy!,
            Parameters = parameters!,
            DataFiles = data,
            Symbols = symbols,
            Resolution = resolution,
            Start = start,
            End = end,
            InitialCash = cash,
            Commission = commission,
            Slippage = slippage,
            Fill = fill,
            RiskFreeRate = riskFree,
            MaxLeverage = leverage,
            WholeShares = settings.WholeShares ?? false,
            Outputs = settings.Outputs,
            Save = settings.Save ?? false,
            ConfigFile = BacktestSettings.Given(settings.ConfigFile),
            Origins = origins,
        };
    }

    private static DateOnly? Date(string? text, string label, List<string> problems)
    {
        if (BacktestSettings.Given(text) is not { } given)
        {
            return null;
        }

        if (DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{label}: '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-02");
        return null;
    }
}
