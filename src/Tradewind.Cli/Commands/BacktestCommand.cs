using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core.Market;
using Tradewind.Data.ObjectStorage;
using Tradewind.Jobs;
using Tradewind.Jobs.Backtesting;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind backtest</c>: run a catalogued strategy over CSV files or stored bars and write its outputs. Exit codes:
/// 0 done; 1 a wrong input (option value, settings file, strategy, parameter, file, symbol, period, output path), with
/// nothing run or written, or an output that could not be written (the others were), or an unreachable database; 2 only
/// a malformed command line (an unknown option, an option without its value), as for every command.
/// </summary>
public static class BacktestCommand
{
    /// <summary>How long a run may take before a progress bar is shown (interactive terminals only).</summary>
    public static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var strategy = new Option<string?>("--strategy") { Description = "The strategy, by catalogue name: see 'tradewind strategies'." };
        var symbols = Repeatable("--symbol", "A symbol whose bars are read from the database (repeatable; import them first with 'data import').");
        var data = Repeatable("--data", "A CSV price file; the symbol comes from its name (SPY.csv, BTC-USD_1h.csv). Repeatable, not with --symbol.");
        var start = new Option<string?>("--start") { Description = "First traded date, yyyy-MM-dd (earlier bars warm the strategy up). Default: the first bar." };
        var end = new Option<string?>("--end") { Description = "Last traded date, yyyy-MM-dd, inclusive. Default: the last bar." };
        var resolution = new Option<string?>("--resolution") { Description = "Bar length: 1m, 5m, 1h, 1d, 1w ... Default: 1d for --symbol; the file name's suffix, else the data, for --data." };
        var parameters = Repeatable("--param", "A strategy parameter, name=value (repeatable), e.g. --param fast=20; see 'tradewind strategies show NAME'.");
        var cash = new Option<string?>("--cash") { Description = "Initial cash (default 100000; capital-allocator: its daily_capital, the first day's deposit)." };
        var commission = new Option<string?>("--commission") { Description = "Commission SPEC: none (default), per-share:0.005[,min:1], percent:0.1 (of notional), fixed:1 (per order)." };
        var slippage = new Option<string?>("--slippage-bps") { Description = "Slippage against the trader in basis points (default 0; 5 = 0.05%)." };
        var fill = new Option<string?>("--fill") { Description = "Which price of the next bar market orders take: next-open (default) or next-close." };
        var riskFree = new Option<string?>("--risk-free") { Description = "Annual risk-free rate for Sharpe and Sortino, as a fraction: 0.04 is 4% (default 0)." };
        var leverage = new Option<string?>("--leverage") { Description = "The most gross exposure per unit of equity that buys may reach, at least 1 (default 1: cash only)." };
        var wholeShares = new Option<bool>("--whole-shares") { Description = "Equities trade whole shares only (default: fractional to 4 decimals); crypto keeps its lot size." };
        var output = new Option<string?>("--output") { Description = "Closed round trips (CSV; JSON lines for .jsonl). A path or s3://bucket/key." };
        var fills = new Option<string?>("--fills") { Description = "Every fill (CSV or .jsonl; path or s3://)." };
        var equity = new Option<string?>("--equity") { Description = "The equity curve, one row per bar (CSV or .jsonl; path or s3://)." };
        var orders = new Option<string?>("--orders") { Description = "Every order with its final status (CSV or .jsonl; path or s3://)." };
        var positions = new Option<string?>("--positions") { Description = "The positions still open at the end (CSV or .jsonl; path or s3://)." };
        var json = new Option<string?>("--json") { Description = "The summary as JSON (one line for .jsonl; path or s3://)." };
        var report = new Option<string?>("--report") { Description = "A self-contained HTML report: charts, monthly returns, statistics, trades (path or s3://)." };
        var save = new Option<bool>("--save") { Description = "Store the run and its trades in the database (--db)." };
        var config = new Option<string?>("--config") { Description = "A YAML or JSON file of backtest settings (keys: the options' names in snake_case); options given here win." };
        var command = new Command("backtest", "Run a strategy over price files or stored bars; print its statistics and write its trades, fills, equity, summary and report.")
        {
            strategy, symbols, data, start, end, resolution, parameters, cash, commission, slippage, fill, riskFree, leverage, wholeShares, output, fills, equity,
            orders, positions, json, report, save, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            try
            {
                var settings = new BacktestSettings
                {
                    Strategy = parse.GetValue(strategy),
                    Symbols = parse.GetValue(symbols) ?? [],
                    Data = parse.GetValue(data) ?? [],
                    Start = parse.GetValue(start),
                    End = parse.GetValue(end),
                    Resolution = parse.GetValue(resolution),
                    Parameters = Parameters(parse.GetValue(parameters) ?? []),
                    Cash = parse.GetValue(cash),
                    Commission = parse.GetValue(commission),
                    SlippageBps = parse.GetValue(slippage),
                    Fill = parse.GetValue(fill),
                    RiskFree = parse.GetValue(riskFree),
                    Leverage = parse.GetValue(leverage),
                    WholeShares = parse.GetValue(wholeShares) ? true : null,
                    Outputs = new BacktestOutputs
                    {
                        Trades = parse.GetValue(output),
                        Fills = parse.GetValue(fills),
                        Equity = parse.GetValue(equity),
                        Orders = parse.GetValue(orders),
                        Positions = parse.GetValue(positions),
                        Summary = parse.GetValue(json),
                        Report = parse.GetValue(report),
                    },
                    Save = parse.GetValue(save) ? true : null,
                };
                if (parse.GetValue(config) is { } file)
                {
                    settings = settings.Over(BacktestSettingsFile.Read(cli.ResolvePath(file), file));
                }

                var request = BacktestRequest.Parse(settings);
                var job = new BacktestJob(cli.JobEnvironment() with { ObjectStorage = () => ObjectStorageOptions(cli) });
                var progress = new LatestProgress();
                var running = job.RunAsync(request, progress, ct);
                await ShowProgressAsync(cli, running, progress, ct);
                return await ReportAsync(cli, await running);
            }
            catch (Exception ex) when (ex is JobInputException or UserInputException)
            {
                await cli.Error.WriteLineAsync($"error: {ex.Message}");
                await cli.Error.WriteLineAsync("nothing was run or written; fix the input and run again ('tradewind backtest --help' lists the options)");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static Option<string[]> Repeatable(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static List<KeyValuePair<string, string>> Parameters(string[] texts)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var text in texts)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserInputException($"--param: '{text}' is not name=value; write e.g. --param fast=20");
            }

            parameters.Add(new(text[..equals].Trim(), text[(equals + 1)..].Trim()));
        }

        return parameters;
    }

    // The object storage settings of the configuration (config/ with its layers, .env, TRADEWIND__OBJECT_STORAGE__*
    // variables, --set); without a config/ folder, the defaults: AWS S3 with the SDK's default credential chain.
    private static ObjectStorageOptions ObjectStorageOptions(CliContext cli)
    {
        if (!cli.HasConfiguration)
        {
            return new ObjectStorageOptions();
        }

        var snapshot = cli.LoadConfiguration();
        var errors = snapshot.Errors.Where(e => e.Path.StartsWith("object_storage", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            throw new UserInputException(
                $"the object storage settings of the configuration ({snapshot.Environment}) are invalid:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Select(e => "  " + e))
                + $"{Environment.NewLine}fix them (see 'tradewind config validate' and docs/object-storage.md)");
        }

        return ObjectStorageConfiguration.ToOptions(snapshot.Settings.ObjectStorage);
    }

    // A bar only when the run outlasts ProgressDelay, and never into a file, a pipe or a test's writer.
    private static async Task ShowProgressAsync(CliContext cli, Task<BacktestRun> running, LatestProgress progress, CancellationToken cancellationToken)
    {
        if (!cli.IsInteractive)
        {
            return;
        }

        await Task.WhenAny(running, Task.Delay(ProgressDelay, cli.TimeProvider, cancellationToken));
        if (running.IsCompleted)
        {
            return;
        }

        await cli.Console.Progress().AutoClear(true).StartAsync(async progressContext =>
        {
            var bar = progressContext.AddTask("backtest", maxValue: 1);
            while (!running.IsCompleted)
            {
                bar.Value = progress.Value;
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(100), cli.TimeProvider, cancellationToken));
            }

            bar.Value = 1;
        });
    }

    private static async Task<int> ReportAsync(CliContext cli, BacktestRun run)
    {
        foreach (var warning in run.Warnings)
        {
            await cli.Error.WriteLineAsync($"warning: {warning}");
        }

        var table = new Table().AddColumns("figure", "value");
        foreach (var (label, value) in run.Summary.Figures())
        {
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        }

        cli.Console.Write(table);
        WriteOpenPositions(cli, run);
        foreach (var written in run.Written)
        {
            await cli.Error.WriteLineAsync($"wrote {written}");
        }

        foreach (var failure in run.Failures)
        {
            await cli.Error.WriteLineAsync($"error: {failure.Message}");
            if (failure.Unexpected)
            {
                await cli.Error.WriteLineAsync(cli.Verbose
                    ? failure.Error.ToString()
                    : "(an unexpected error: run again with --verbose for the details, and report it if it persists)");
            }
        }

        return run.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }

    // The positions held at the end, after the figures: they are in the final equity but not in the trade figures.
    private static void WriteOpenPositions(CliContext cli, BacktestRun run)
    {
        var positions = run.Summary.OpenPositions;
        if (positions.Count == 0)
        {
            return;
        }

        var table = new Table()
            .Title("Open positions at the end (not round trips: not in the trade figures)")
            .AddColumns("symbol", "quantity", "avg cost", "last price", "at", "entry", "market value", "unrealized P&L");
        foreach (var p in positions)
        {
            table.AddRow(
                Markup.Escape(p.Symbol.Ticker),
                BacktestSummary.Exact(p.Quantity).ToString(CultureInfo.InvariantCulture),
                p.AverageCost.ToString("N2", CultureInfo.InvariantCulture),
                p.LastPrice.ToString("N2", CultureInfo.InvariantCulture),
                Markup.Escape(BarTimeFormat.Format(p.LastPriceTime, run.Summary.Resolution, p.Symbol)),
                Markup.Escape(BarTimeFormat.Format(p.EntryTime, run.Summary.Resolution, p.Symbol)),
                p.MarketValue.ToString("N2", CultureInfo.InvariantCulture),
                p.UnrealizedPnL.ToString("N2", CultureInfo.InvariantCulture));
        }

        cli.Console.Write(table);
    }

    /// <summary>The last fraction the engine reported, read by the progress bar's refresh loop.</summary>
    private sealed class LatestProgress : IProgress<double>
    {
        private double _value;

        public double Value => Volatile.Read(ref _value);

        public void Report(double value) => Volatile.Write(ref _value, value);
    }
}
