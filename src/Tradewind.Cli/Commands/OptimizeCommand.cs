using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Data.Files;
using Tradewind.Jobs;
using Tradewind.Jobs.Backtesting;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind optimize</c>: run a strategy over every combination of a parameter grid and rank the results.</summary>
public static class OptimizeCommand
{
    /// <summary>The metrics written for each combination, in CSV column order.</summary>
    public static IReadOnlyList<OptimizationMetric> CsvMetrics => OptimizationMetric.All;

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var strategy = new Option<string>("--strategy") { Description = "The strategy to optimize (see the catalogue: sma-cross, rsi-bb, buy-and-hold, equal-weight).", Required = true };
        var grids = new Option<string[]>("--grid")
        {
            Description = "A swept parameter, repeatable: name=start:stop:step (inclusive, e.g. fast=5:50:5) or name=a,b,c (e.g. slow=50,100,200).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A fixed parameter value, repeatable: name=value (e.g. size=100); parameters neither swept nor given keep their defaults.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var metric = new Option<string>("--metric")
        {
            Description = $"What ranks the combinations: {string.Join(", ", OptimizationMetric.All.Select(m => m.Name))}.",
            DefaultValueFactory = _ => OptimizationMetric.Default.Name,
        };
        var top = new Option<int>("--top") { Description = "How many of the best combinations to print.", DefaultValueFactory = _ => 20 };
        var output = new Option<string?>("--output") { Description = "Write every evaluated combination (parameters and metrics, best first) to this CSV file." };
        var threads = new Option<int>("--threads") { Description = "Combinations evaluated in parallel (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var symbols = Repeatable("--symbol", "A stored symbol to run on (repeatable; 'tradewind data list' shows them). Give --symbol or --data.");
        var data = Repeatable("--data", "A CSV price file to run on (repeatable; any format 'data import' reads; the symbol comes from the file name, SPY.csv -> SPY).");
        var resolution = new Option<string?>("--resolution") { Description = "Bar length of the bars: 1m, 5m, 1h, 1d ... (default 1d for --symbol; for --data the file name's suffix, else inferred from the data)." };
        var start = new Option<string?>("--start") { Description = "First traded date, yyyy-MM-dd (intraday: the exchange-local day); earlier bars only warm the strategy up." };
        var end = new Option<string?>("--end") { Description = "Last traded date, yyyy-MM-dd, inclusive (as --start)." };
        var cash = new Option<string>("--cash") { Description = "Initial cash.", DefaultValueFactory = _ => "100000" };
        var commission = new Option<string>("--commission") { Description = "Commission SPEC: none, per-share:RATE[,min:AMOUNT], percent:P or fixed:AMOUNT.", DefaultValueFactory = _ => "none" };
        var slippage = new Option<string>("--slippage-bps") { Description = "Slippage in basis points against the trader (market orders).", DefaultValueFactory = _ => "0" };
        var fill = new Option<string>("--fill")
        {
            Description = $"Which price of the next bar a market order takes: {FillRuleNames.NextOpen} or {FillRuleNames.NextClose}.",
            DefaultValueFactory = _ => FillRuleNames.NextOpen,
        };
        var command = new Command(
            "optimize",
            "Run a strategy for every combination of a parameter grid, in parallel on the loaded bars, and rank the results. sma-cross on one series uses a dedicated kernel whose results equal single backtests.")
        {
            strategy, grids, parameters, metric, top, output, threads, symbols, data, resolution, start, end, cash, commission, slippage, fill,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var definition = Catalogued(parse.GetValue(strategy)!);
            var grid = Grid(definition, parse.GetValue(grids)!);
            var baseValues = BaseValues(definition, grid, parse.GetValue(parameters) ?? []);
            var ranking = OptimizationMetric.Find(parse.GetValue(metric))
                ?? throw new UserInputException($"--metric: '{parse.GetValue(metric)}' is not a metric; use one of {string.Join(", ", OptimizationMetric.All.Select(m => m.Name))}");
            var topCount = parse.GetValue(top);
            var threadCount = parse.GetValue(threads);
            if (topCount < 0)
            {
                throw new UserInputException($"--top: {topCount} must be 0 or more");
            }

            if (threadCount < 1)
            {
                throw new UserInputException($"--threads: {threadCount} must be at least 1");
            }

            // The bars and the engine options as the backtest use case reads them: one path, one set of checks and messages.
            BacktestInputs inputs;
            try
            {
                var request = BacktestRequest.Parse(new BacktestSettings
                {
                    Strategy = definition.Name,
                    Symbols = parse.GetValue(symbols) ?? [],
                    Data = parse.GetValue(data) ?? [],
                    Resolution = parse.GetValue(resolution),
                    Start = parse.GetValue(start),
                    End = parse.GetValue(end),
                    Cash = parse.GetValue(cash),
                    Commission = parse.GetValue(commission),
                    SlippageBps = parse.GetValue(slippage),
                    Fill = parse.GetValue(fill),
                });
                inputs = await BacktestInputs.LoadAsync(request, cli.JobEnvironment(), cancellationToken: ct);
            }
            catch (JobInputException ex)
            {
                throw new UserInputException(ex.Message, ex);
            }

            foreach (var warning in inputs.Warnings)
            {
                await cli.Error.WriteLineAsync($"warning: {warning}");
            }

            var series = inputs.Series;
            var options = inputs.Options;
            var how = Optimizer.KernelUnavailable(series, definition, options) is { } reason ? $"the engine per combination ({reason})" : "the sma-cross kernel";
            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"optimize {definition.Name} on {Describe(series)}: {grid.CombinationCount:N0} combinations of {string.Join(" × ", grid.Axes.Select(a => $"{a.Values.Count} {a.Parameter.Name}"))}, through {how} on {threadCount} thread(s)"));

            var started = cli.TimeProvider.GetTimestamp();
            var progress = new ProgressLines(cli.Error, ReferenceEquals(cli.Error, Console.Error) && !Console.IsErrorRedirected);
            OptimizationResult result;
            try
            {
                result = Optimizer.Run(series, grid, baseValues, options, new OptimizerSettings { MaxDegreeOfParallelism = threadCount }, progress, ct);
            }
            catch (ArgumentException ex)
            {
                throw new UserInputException(ex.Message, ex);
            }

            var elapsed = cli.TimeProvider.GetElapsedTime(started);
            progress.Finish();
            if (result.Skipped.Count > 0)
            {
                var reasons = result.Skipped.GroupBy(s => Rule(s.Reason)).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count():N0} × {g.Key}"));
                await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"skipped {result.Skipped.Count:N0} of {grid.CombinationCount:N0} combinations the strategy refuses: {string.Join("; ", reasons)} (e.g. {result.Skipped[0].Reason})"));
            }

            if (result.Rows.Count == 0)
            {
                throw new UserInputException($"every combination of the grid was skipped ({result.Skipped[0].Reason}); change the grid so that some combinations are valid");
            }

            var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"evaluated {result.Rows.Count:N0} combinations × {result.BarsPerRun:N0} bars = {result.BarEvaluations:N0} bar-evaluations in {elapsed.TotalSeconds:F2} s ({result.BarEvaluations / seconds / 1e6:N1} M bar-evaluations/s, {result.Evaluation})"));

            var ranked = result.Ranked(ranking);
            cli.Console.Write(Table(grid, ranked.Take(topCount).ToList(), ranking));
            if (parse.GetValue(output) is { } path)
            {
                await AtomicFile.WriteAsync(cli.ResolvePath(path), writer => WriteCsvAsync(writer, definition, ranked), ct);
                await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {ranked.Count:N0} combinations to {path}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The CSV header: rank, every strategy parameter, then every metric.</summary>
    public static string CsvHeader(StrategyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return string.Join(',', ["rank", .. definition.Parameters.Select(p => p.Name), .. CsvMetrics.Select(m => m.Name), "winning_trades", "losing_trades", "bars"]);
    }

    private static Option<string[]> Repeatable(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    // The bars as people name them: "SPY 1d (8,042 bars)".
    private static string Describe(IReadOnlyList<BarSeries> series) =>
        string.Join(", ", series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Symbol} {s.Resolution} ({s.Count:N0} bars)")));

    private static StrategyDefinition Catalogued(string name)
    {
        try
        {
            return StrategyCatalog.Get(name);
        }
        catch (StrategyParameterException ex)
        {
            throw new UserInputException($"--strategy: {ex.Message}", ex);
        }
    }

    private static ParameterGrid Grid(StrategyDefinition definition, string[] specs)
    {
        try
        {
            return ParameterGrid.Parse(definition, specs);
        }
        catch (ParameterGridException ex)
        {
            throw new UserInputException(string.Join(Environment.NewLine, ex.Problems.Select(p => $"--{p}")), ex);
        }
    }

    private static StrategyParameterValues BaseValues(StrategyDefinition definition, ParameterGrid grid, string[] texts)
    {
        var given = new List<KeyValuePair<string, string>>();
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserInputException($"--param: '{text}' is not name=value, e.g. --param size=100");
            }

            var name = text[..equals].Trim().Replace('-', '_');
            if (grid.Axes.FirstOrDefault(a => string.Equals(a.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)) is { } swept)
            {
                throw new UserInputException($"--param: {name} is also swept by --grid '{swept.Spec}'; give it one way");
            }

            given.Add(new(name, text[(equals + 1)..]));
        }

        try
        {
            // The rule across parameters is checked per combination, once the grid has set the swept ones.
            return definition.Bind(given, crossCheck: false);
        }
        catch (StrategyParameterException ex)
        {
            throw new UserInputException($"--param: {ex.Message}", ex);
        }
    }

    // "fast (50) must be less than slow (20)" → "fast must be less than slow": the rule, without the values.
    private static string Rule(string reason)
    {
        var builder = new System.Text.StringBuilder(reason.Length);
        var depth = 0;
        foreach (var c in reason)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                builder.Append(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Table Table(ParameterGrid grid, List<OptimizationRow> rows, OptimizationMetric ranking)
    {
        string[] shown = ["sharpe", "cagr", "total_return", "max_drawdown", "trades", "win_rate", "final_equity"];
        var metrics = OptimizationMetric.All.Where(m => m == ranking || shown.Contains(m.Name)).OrderBy(m => m == ranking ? 0 : 1).ToList();
        var table = new Table().AddColumn("rank");
        foreach (var axis in grid.Axes)
        {
            table.AddColumn(axis.Parameter.Name);
        }

        foreach (var m in metrics)
        {
            table.AddColumn(m == ranking ? $"[bold]{m.Name}[/]" : m.Name);
        }

        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(grid.Axes.Select(a => Markup.Escape(rows[i].Parameters.Text(a.Parameter.Name))));
            cells.AddRange(metrics.Select(m => Shown(m, rows[i].Metrics)));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Shown(OptimizationMetric metric, OptimizationMetrics values)
    {
        if (metric.Select(values) is not { } value)
        {
            return "-";
        }

        return metric.Name switch
        {
            "trades" => value.ToString("N0", CultureInfo.InvariantCulture),
            "final_equity" or "net_profit" or "expectancy" => value.ToString("N2", CultureInfo.InvariantCulture),
            "cagr" or "total_return" or "max_drawdown" or "win_rate" or "exposure" or "volatility" => value.ToString("P2", CultureInfo.InvariantCulture),
            _ => value.ToString("F3", CultureInfo.InvariantCulture),
        };
    }

    private static async Task WriteCsvAsync(TextWriter writer, StrategyDefinition definition, IReadOnlyList<OptimizationRow> ranked)
    {
        await writer.WriteLineAsync(CsvHeader(definition));
        for (var i = 0; i < ranked.Count; i++)
        {
            var row = ranked[i];
            var m = row.Metrics;
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(definition.Parameters.Select(p => Csv(row.Parameters.Text(p.Name))));
            cells.AddRange(CsvMetrics.Select(metric => metric.Name switch
            {
                // Money as the ledger has it, not through a double.
                "final_equity" => m.FinalEquity.ToString(CultureInfo.InvariantCulture),
                "net_profit" => m.NetProfit.ToString(CultureInfo.InvariantCulture),
                "expectancy" => m.Expectancy?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                _ => metric.Select(m)?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            }));
            cells.Add(m.WinningTrades.ToString(CultureInfo.InvariantCulture));
            cells.Add(m.LosingTrades.ToString(CultureInfo.InvariantCulture));
            cells.Add(m.Bars.ToString(CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(string.Join(',', cells));
        }
    }

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : text;

    // Progress on stderr: one line rewritten in place on a terminal, a line per quarter otherwise (logs, tests).
    private sealed class ProgressLines(TextWriter error, bool interactive) : IProgress<OptimizationProgress>
    {
        private readonly Lock _gate = new();
        private int _shown = -1;

        public void Report(OptimizationProgress value)
        {
            lock (_gate)
            {
                var percent = (int)Math.Floor(value.Fraction * 100);
                var step = interactive ? percent : percent / 25 * 25;
                if (step <= _shown)
                {
                    return;
                }

                _shown = step;
                var text = string.Create(CultureInfo.InvariantCulture, $"progress: {step}% ({value.Completed:N0} of {value.Total:N0} bar-evaluations)");
                if (interactive)
                {
                    error.Write($"\r{text}");
                }
                else
                {
                    error.WriteLine(text);
                }
            }
        }

        public void Finish()
        {
            if (interactive && _shown >= 0)
            {
                error.WriteLine();
            }
        }
    }
}
