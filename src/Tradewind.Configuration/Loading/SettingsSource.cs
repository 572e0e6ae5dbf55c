namespace Tradewind.Configuration.Loading;

/// <summary>
/// Everything a load reads from outside: the working directory (which holds <c>config/</c> and
/// <c>.env</c>), the chosen environment, the process environment (injected, so tests never see the
/// real one) and the command line's <c>--set</c> overrides.
/// </summary>
public sealed record SettingsSource
{
    /// <summary>The environment variable that names the environment when <see cref="Environment"/> is not given.</summary>
    public const string EnvironmentVariable = "TRADEWIND_ENVIRONMENT";

    /// <summary>The prefix of environment variables that set configuration keys: <c>TRADEWIND__Section__Key</c>.</summary>
    public const string KeyVariablePrefix = "TRADEWIND__";

    /// <summary>The folder that holds <c>config/</c> and <c>.env</c>.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The environment given on the command line (<c>--env</c>); null to use TRADEWIND_ENVIRONMENT or development.</summary>
    public string? Environment { get; init; }

    /// <summary>Reads one process environment variable (null = unset).</summary>
    public Func<string, string?> Variable { get; init; } = _ => null;

    /// <summary>The names of the process environment variables, to find the <c>TRADEWIND__*</c> ones.</summary>
    public IReadOnlyCollection<string> VariableNames { get; init; } = [];

    /// <summary><c>section.key=value</c> overrides, in order (a later one wins).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>
    /// Whether the files are followed for long-running processes: a <c>SettingsMonitor</c> watches the layers
    /// and reloads only valid edits. <see cref="TradewindConfiguration.Open"/> itself never reloads.
    /// </summary>
    public bool ReloadOnChange { get; init; }

    /// <summary>The <c>config/</c> folder.</summary>
    public string ConfigDirectory => Path.Combine(WorkingDirectory, "config");

    /// <summary>A source whose process environment is exactly <paramref name="variables"/>.</summary>
    public static SettingsSource WithVariables(string workingDirectory, IReadOnlyDictionary<string, string> variables, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new SettingsSource
        {
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Variable = name => variables.GetValueOrDefault(name),
            VariableNames = variables.Keys.ToList(),
        };
    }

    /// <summary>A source reading the real process environment.</summary>
    public static SettingsSource FromProcess(string workingDirectory, string? environment = null) => new()
    {
        WorkingDirectory = workingDirectory,
        Environment = environment,
        Variable = System.Environment.GetEnvironmentVariable,
        VariableNames = System.Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList(),
    };
}
