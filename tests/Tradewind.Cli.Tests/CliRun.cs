namespace Tradewind.Cli.Tests;

/// <summary>The outcome of one in-process run of the tradewind command.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the tradewind command in-process in a working directory, capturing stdout and stderr.</summary>
public static class CliRun
{
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs with exactly <paramref name="environment"/> as the process environment (never the real one).</summary>
    public static Task<CliResult> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, environment, TimeProvider.System, args);

    /// <summary>Runs with exactly <paramref name="environment"/> as the process environment and <paramref name="time"/> as the clock.</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeProvider time, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TradewindCommandLine.RunAsync(
            args, output, error, workingDirectory, name => environment.GetValueOrDefault(name), environment.Keys.ToList(), time, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
