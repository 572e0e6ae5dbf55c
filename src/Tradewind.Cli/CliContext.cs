using Spectre.Console;
using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Loading;
using Tradewind.Jobs;
using Tradewind.Storage;
using Tradewind.Storage.Connections;

namespace Tradewind.Cli;

/// <summary>What a command needs from its surroundings: output writers, the working directory and the global options.</summary>
public sealed class CliContext
{
    private readonly string? _databaseSetting;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the context of one invocation.</summary>
    public CliContext(TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment, string? databaseSetting, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        _databaseSetting = databaseSetting;
        Verbose = verbose;
        IsInteractive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!IsInteractive)
        {
            // Tables written to a file or pipe keep a fixed width instead of wrapping at 80 columns.
            Console.Profile.Width = 400;
        }
    }

    /// <summary>Standard output (results).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (messages, errors).</summary>
    public TextWriter Error { get; }

    /// <summary>Spectre console bound to <see cref="Output"/> for tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>True when results go to a terminal (not a file, a pipe or a test's writer): only then are progress bars shown.</summary>
    public bool IsInteractive { get; }

    /// <summary>Whether --verbose was given.</summary>
    public bool Verbose { get; }

    /// <summary>The clock commands read the current time from (<see cref="TimeProvider.System"/> unless injected).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Who runs the command, for records that say who made a change: USER, else USERNAME, of the injected
    /// environment; the process's user name only when neither is set.
    /// </summary>
    public string UserName =>
        new[] { _environment("USER"), _environment("USERNAME") }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim()
        ?? System.Environment.UserName;

    /// <summary>The names of the process environment's variables (to find <c>TRADEWIND__Section__Key</c> overrides).</summary>
    public IReadOnlyCollection<string> EnvironmentNames { get; init; } = [];

    /// <summary>The configuration environments named by --env (usually none or one; <c>config diff</c> takes two).</summary>
    public IReadOnlyList<string> ConfigurationEnvironments { get; init; } = [];

    /// <summary>The --set overrides, in order.</summary>
    public IReadOnlyList<string> ConfigurationOverrides { get; init; } = [];

    /// <summary>True when the working directory holds a configuration tree (config/base).</summary>
    public bool HasConfiguration => Directory.Exists(Path.Combine(WorkingDirectory, "config", "base"));

    /// <summary>What a configuration load reads for <paramref name="environment"/> (null: the single --env, TRADEWIND_ENVIRONMENT or development).</summary>
    public SettingsSource ConfigurationSource(string? environment = null)
    {
        if (environment is null && ConfigurationEnvironments.Count > 1)
        {
            throw new UserInputException($"--env is given {ConfigurationEnvironments.Count} times; give it once (only 'config diff' compares two)");
        }

        return new SettingsSource
        {
            WorkingDirectory = WorkingDirectory,
            Environment = environment ?? (ConfigurationEnvironments.Count > 0 ? ConfigurationEnvironments[0] : null),
            Variable = _environment,
            VariableNames = EnvironmentNames,
            Overrides = ConfigurationOverrides,
        };
    }

    /// <summary>Loads, binds and validates the configuration; problems are in the snapshot, a tree that cannot be loaded at all throws.</summary>
    public SettingsSnapshot LoadConfiguration(string? environment = null)
    {
        try
        {
            return SettingsLoader.Load(ConfigurationSource(environment));
        }
        catch (ConfigurationException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    /// <summary>
    /// As <see cref="LoadConfiguration"/> for the single environment, with <paramref name="overrides"/> (<c>section.key=value</c>)
    /// after the --set ones, so they win over them.
    /// </summary>
    public SettingsSnapshot LoadConfigurationWith(IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        try
        {
            return SettingsLoader.Load(ConfigurationSource() with { Overrides = [.. ConfigurationOverrides, .. overrides] });
        }
        catch (ConfigurationException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Loads, binds and validates the bot documents of config/bots for the environment (as <see cref="LoadConfiguration"/>
    /// chooses it); problems are in the set, an unknown environment throws.
    /// </summary>
    public BotDocumentSet LoadBots(string? environment = null)
    {
        try
        {
            return BotDocumentLoader.Load(ConfigurationSource(environment));
        }
        catch (ConfigurationException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    /// <summary>Resolves a user-given path against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>What a use case of Tradewind.Jobs needs from this command: the working folder, the clock and the database.</summary>
    public JobEnvironment JobEnvironment() => new()
    {
        WorkingDirectory = WorkingDirectory,
        Time = TimeProvider,
        OpenDatabaseAsync = OpenDatabaseAsync,
    };

    /// <summary>
    /// The database named by --db, else TRADEWIND_DB, else the configuration's system.database (when the
    /// working directory holds config/), else the default SQLite file; opened and migrated.
    /// </summary>
    public async Task<TradewindDatabase> OpenDatabaseAsync(CancellationToken cancellationToken)
    {
        DatabaseTarget target;
        var (setting, source) = _databaseSetting is not null ? (_databaseSetting, "--db")
            : _environment("TRADEWIND_DB") is { } variable ? (variable, "TRADEWIND_DB")
            : HasConfiguration ? (ConfiguredDatabase(), "system.database")
            : (null, "--db");
        try
        {
            target = DatabaseTarget.Parse(setting, WorkingDirectory);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"{source}: {ex.Message}", ex);
        }

        if (Verbose)
        {
            await Error.WriteLineAsync($"database: {target.Display}");
        }

        return await TradewindDatabase.OpenAsync(target, cancellationToken);
    }

    // The configured database is only trusted from a valid configuration: an invalid one might point anywhere.
    private string ConfiguredDatabase()
    {
        var snapshot = LoadConfiguration();
        if (!snapshot.IsValid)
        {
            throw new UserInputException(
                $"the configuration ({snapshot.Environment}) is invalid, so its system.database cannot be used:{System.Environment.NewLine}"
                + string.Join(System.Environment.NewLine, snapshot.Errors.Select(e => "  " + e))
                + $"{System.Environment.NewLine}fix it (see 'tradewind config validate'), or name the database with --db or TRADEWIND_DB");
        }

        return snapshot.Settings.System.Database;
    }
}
