using Spectre.Console;
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
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
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

    /// <summary>Whether --verbose was given.</summary>
    public bool Verbose { get; }

    /// <summary>Resolves a user-given path against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>The database named by --db (or TRADEWIND_DB, or the default SQLite file), opened and migrated.</summary>
    public async Task<TradewindDatabase> OpenDatabaseAsync(CancellationToken cancellationToken)
    {
        DatabaseTarget target;
        try
        {
            target = DatabaseTarget.Parse(_databaseSetting ?? _environment("TRADEWIND_DB"), WorkingDirectory);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"--db: {ex.Message}", ex);
        }

        if (Verbose)
        {
            await Error.WriteLineAsync($"database: {target.Display}");
        }

        return await TradewindDatabase.OpenAsync(target, cancellationToken);
    }
}
