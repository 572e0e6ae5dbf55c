using System.CommandLine;
using Tradewind.Cli.Commands;
using Tradewind.Data.Csv;
using Tradewind.Storage.Connections;
using Tradewind.Storage.Migrations;

namespace Tradewind.Cli;

/// <summary>
/// The <c>tradewind</c> command tree and its conventions: global --db and --verbose, exit code 2 for
/// usage errors, one readable line per error on stderr (stack traces only with --verbose).
/// </summary>
public static class TradewindCommandLine
{
    /// <summary>--db: SQLite path or PostgreSQL connection string, available on every command.</summary>
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Database: a SQLite file path (default data/tradewind.db) or a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=... or postgresql://user:pass@host:port/db). Also TRADEWIND_DB.",
        Recursive = true,
    };

    /// <summary>--env: the configuration environment (development, staging, production, or a config/ folder); repeated by <c>config diff</c>.</summary>
    public static readonly Option<string[]> Environment = new("--env")
    {
        Description = "Configuration environment: development (default), staging, production, or any folder under config/. Also TRADEWIND_ENVIRONMENT.",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>--set section.key=value: a configuration override, the highest layer; repeatable.</summary>
    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override one configuration key, e.g. --set risk.max_gross_exposure=0.8 or --set risk.levels[0].exposure=0.7 (repeatable; wins over every file and variable).",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>--verbose: more detail on stderr, stack traces on failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print more detail to stderr, including stack traces on failure.",
        Recursive = true,
    };

    /// <summary>
    /// Parses <paramref name="args"/>, runs the chosen command and returns its exit code. The process
    /// environment is read through <paramref name="environment"/> only, so tests can run isolated from it.
    /// </summary>
    public static Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, workingDirectory, environment, [], cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter, string, Func{string, string?}, CancellationToken)"/>, with the
    /// names of the environment's variables, so the configuration can find its <c>TRADEWIND__Section__Key</c> overrides.
    /// </summary>
    public static Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment,
        IReadOnlyCollection<string> environmentNames, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, workingDirectory, environment, environmentNames, TimeProvider.System, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter, string, Func{string, string?}, IReadOnlyCollection{string}, CancellationToken)"/>,
    /// with the clock commands read the current time from (tests pass a fixed one).
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment,
        IReadOnlyCollection<string> environmentNames, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var root = Build(output, error, workingDirectory, environment, environmentNames, timeProvider);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync($"usage: run 'tradewind {string.Join(' ', CommandPath(parse))} --help' for the options");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var verbose = parse.GetValue(Verbose);
            await error.WriteLineAsync($"error: {Describe(ex)}");
            if (verbose)
            {
                await error.WriteLineAsync(ex.ToString());
            }
            else if (!IsExpected(ex))
            {
                await error.WriteLineAsync("(an unexpected error: run again with --verbose for the details, and report it if it persists)");
            }

            return ExitCodes.Failure;
        }
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment) =>
        Build(output, error, workingDirectory, environment, []);

    /// <summary>Builds the command tree, with the names of the environment's variables (see <see cref="RunAsync(string[], TextWriter, TextWriter, string, Func{string, string?}, IReadOnlyCollection{string}, CancellationToken)"/>).</summary>
    public static RootCommand Build(TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment, IReadOnlyCollection<string> environmentNames) =>
        Build(output, error, workingDirectory, environment, environmentNames, TimeProvider.System);

    /// <summary>Builds the command tree, with the environment's variable names and the clock its commands read (see <see cref="CliContext.TimeProvider"/>).</summary>
    public static RootCommand Build(
        TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment, IReadOnlyCollection<string> environmentNames, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var root = new RootCommand("Tradewind: a self-hosted trading decision system. Market data, calendars, indicators, configuration, strategies and backtests.");
        root.Options.Add(Database);
        root.Options.Add(Environment);
        root.Options.Add(Set);
        root.Options.Add(Verbose);
        CliContext Context(ParseResult p) => new(output, error, workingDirectory, environment, p.GetValue(Database), p.GetValue(Verbose))
        {
            EnvironmentNames = environmentNames,
            ConfigurationEnvironments = p.GetValue(Environment) ?? [],
            ConfigurationOverrides = p.GetValue(Set) ?? [],
            TimeProvider = timeProvider,
        };
        root.Subcommands.Add(DataCommands.Create(Context));
        root.Subcommands.Add(CalendarCommands.Create(Context));
        root.Subcommands.Add(IndicatorsCommand.Create(Context));
        root.Subcommands.Add(ConfigCommands.Create(Context));
        root.Subcommands.Add(InitCommand.Create(Context));
        root.Subcommands.Add(BotsCommands.Create(Context));
        root.Subcommands.Add(StrategiesCommands.Create(Context));
        root.Subcommands.Add(BacktestCommand.Create(Context));
        root.Subcommands.Add(OptimizeCommand.Create(Context));
        root.Subcommands.Add(BenchCommand.Create(Context));
        root.Subcommands.Add(DemoCommand.Create(Context));
        foreach (var daily in DailyCommands.Create(Context))
        {
            root.Subcommands.Add(daily);
        }

        root.Subcommands.Add(PortfolioCommand.Create(Context));
        root.Subcommands.Add(SignalsCommands.Create(Context));
        root.Subcommands.Add(TradesCommand.Create(Context));
        return root;
    }

    private static Stack<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }

    private static bool IsExpected(Exception ex) =>
        ex is UserInputException or Jobs.JobInputException or CsvImportException or Configuration.Loading.ConfigurationException or DatabaseUnavailableException or DatabaseSchemaException
            or IOException or UnauthorizedAccessException;

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException f => $"file not found: {f.FileName ?? f.Message}",
        DirectoryNotFoundException d => $"folder not found: {d.Message}",
        _ => ex.Message,
    };
}
