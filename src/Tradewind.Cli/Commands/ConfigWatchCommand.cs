using System.CommandLine;
using System.Globalization;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reloading;
using Tradewind.Configuration.Reporting;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind config watch</c>: follows config/ and .env like a long-running process does (the same
/// <see cref="SettingsMonitor"/>), printing each reload as applied (changed keys, secrets masked, latency)
/// or rejected (every error; the previous settings stay in force). Runs until stopped.
/// </summary>
public static class ConfigWatchCommand
{
    /// <summary>Builds the <c>watch</c> verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("watch",
            "Follow config/ and .env until stopped (Ctrl+C): on every change reload, validate and print 'applied' with the changed keys (masked) and the latency, "
            + "or 'rejected' with the errors while the previous settings stay in force. Exit code 1 when the configuration is invalid at start.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await WatchAsync(cli, ct);
        });
        return command;
    }

    private static async Task<int> WatchAsync(CliContext cli, CancellationToken cancellationToken)
    {
        SettingsMonitor monitor;
        try
        {
            monitor = new SettingsMonitor(cli.ConfigurationSource() with { ReloadOnChange = true });
        }
        catch (ConfigurationException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }

        using (monitor)
        {
            var initial = monitor.Latest;
            if (!initial.IsValid)
            {
                foreach (var problem in initial.Problems)
                {
                    await cli.Output.WriteLineAsync(problem.ToString());
                }

                await cli.Output.WriteLineAsync(
                    $"invalid: {Count(initial.Errors.Count, "error")}; fix the configuration (see 'tradewind config validate --env {initial.Environment}'), then start watching again");
                return ExitCodes.Failure;
            }

            // Reloads are announced on a timer thread: one gate keeps their lines whole and after the start line.
            // The subscriptions end with the monitor's disposal.
            var gate = new Lock();
            lock (gate)
            {
                monitor.OnApplied(change =>
                {
                    lock (gate)
                    {
                        WriteApplied(cli.Output, change);
                    }
                });
                monitor.OnRejected(rejection =>
                {
                    lock (gate)
                    {
                        WriteRejected(cli.Output, rejection);
                    }
                });
                foreach (var warning in initial.Warnings)
                {
                    cli.Output.WriteLine(warning.ToString());
                }

                var warnings = initial.Warnings.Count == 0 ? "" : "; " + Count(initial.Warnings.Count, "warning");
                cli.Output.WriteLine($"watching config/ (environment {initial.Environment}): {Count(initial.Values.Count, "key")}, valid{warnings}");
                cli.Output.Flush();
            }

            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping (Ctrl+C) is how this command ends: not a failure.
            }
        }

        // The monitor is disposed: no reload line can follow this one.
        await cli.Output.WriteLineAsync("stopped watching config/");
        return ExitCodes.Ok;
    }

    private static void WriteApplied(TextWriter output, SettingsChange change)
    {
        var changes = change.Changes.Count == 0 ? "no value changed" : string.Join(", ", change.Changes.Select(Describe));
        output.WriteLine($"applied in {Milliseconds(change.Latency)} ms: {changes}");

        // A valid edit may still bring a warning (a literal secret in a committed file): say so once, when it appears.
        var known = change.Previous?.Warnings.Select(w => w.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var warning in change.Current.Warnings.Select(w => w.ToString()).Where(w => !known.Contains(w)))
        {
            output.WriteLine("  " + warning);
        }

        output.Flush();
    }

    private static void WriteRejected(TextWriter output, SettingsRejection rejection)
    {
        var inForce = rejection.InForce is null ? "no settings are in force yet" : "the previous settings stay in force";
        output.WriteLine($"rejected in {Milliseconds(rejection.Latency)} ms ({Count(rejection.Errors.Count, "error")}); {inForce}:");
        foreach (var error in rejection.Errors)
        {
            output.WriteLine("  " + error);
        }

        output.Flush();
    }

    private static string Describe(ConfigurationDifference difference)
    {
        var text = $"{difference.Path} {Shown(difference.Left)} -> {Shown(difference.Right)}";
        return difference.MasksAlike ? text + " (secret changed)" : text;
    }

    private static string Shown(string? value) => value switch
    {
        null => "(not set)",
        "" => "\"\"",
        _ => value,
    };

    private static string Milliseconds(TimeSpan latency) =>
        Math.Round(latency.TotalMilliseconds, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
