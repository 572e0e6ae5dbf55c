using System.CommandLine;
using System.Globalization;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reporting;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind config</c>: validate, show, compare and watch the layered configuration (config/base, the
/// environment's overlay, config/local, .env, TRADEWIND__ variables, --set); validate also checks the bot
/// documents of config/bots. Secrets are always masked.
/// </summary>
public static class ConfigCommands
{
    /// <summary>Builds the <c>config</c> command and its verbs.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var config = new Command("config", "Validate, show, compare and watch the layered configuration in config/ (secrets masked).");
        config.Subcommands.Add(Validate(context));
        config.Subcommands.Add(Show(context));
        config.Subcommands.Add(Diff(context));
        config.Subcommands.Add(Keys());
        config.Subcommands.Add(InitCommand.CreateTemplatesList(context));
        config.Subcommands.Add(ConfigWatchCommand.Create(context));
        // The strategy-config registry's verbs (history, rollback, apply, diff-versions) join here:
        ConfigRegistryCommands.AddTo(config, context);
        return config;
    }

    private static Command Validate(Func<ParseResult, CliContext> context)
    {
        var command = new Command("validate", "Load every layer, bind and check the settings and every bot document of config/bots; print 'valid' or every error and warning, one per line. Exit code 1 when invalid.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var snapshot = cli.LoadConfiguration();
            var bots = cli.LoadBots(snapshot.Environment);
            var problems = snapshot.Problems.Concat(bots.Problems).ToList();
            var errors = problems.Count(p => p.IsError);
            var warnings = problems.Count - errors;
            foreach (var problem in problems.Where(p => p.IsError).Concat(problems.Where(p => !p.IsError)))
            {
                await cli.Output.WriteLineAsync(problem.ToString());
            }

            var summary = $"environment {snapshot.Environment}; layers: {DescribeLayers(snapshot, cli.WorkingDirectory)}"
                + (bots.Documents.Count > 0 ? $"; bots: {Count(bots.Documents.Count, "document", prefix: "")}" : "");
            if (errors == 0)
            {
                await cli.Output.WriteLineAsync($"valid: {summary}{Count(warnings, "warning", prefix: "; ")}");
                return ExitCodes.Ok;
            }

            await cli.Output.WriteLineAsync($"invalid: {Count(errors, "error", prefix: "")}{Count(warnings, "warning", prefix: ", ")}; {summary}");
            return ExitCodes.Failure;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document shaped like the files." };
        var sources = new Option<bool>("--sources") { Description = "Name the layer (file, variable or --set) that supplied each value." };
        var command = new Command("show", "Print the effective value of every key in file spelling (defaults included), secrets masked.") { json, sources };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var snapshot = cli.LoadConfiguration();
            var withSources = parse.GetValue(sources);
            if (parse.GetValue(json))
            {
                await cli.Output.WriteLineAsync(ConfigurationJson.Write(snapshot.Values, withSources));
            }
            else
            {
                var width = snapshot.Values.Max(v => v.Path.Length + Shown(v).Length) + 3;
                foreach (var value in snapshot.Values)
                {
                    var line = $"{value.Path} = {Shown(value)}";
                    await cli.Output.WriteLineAsync(withSources ? line.PadRight(width) + "  # " + value.Source : line);
                }
            }

            await WarnIfInvalidAsync(cli, snapshot);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff(Func<ParseResult, CliContext> context)
    {
        var command = new Command("diff", "Compare the effective configuration of two environments (--env A --env B): print each key whose value differs, secrets masked.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (cli.ConfigurationEnvironments.Count != 2)
            {
                throw new UserInputException($"config diff compares two environments: give --env twice, e.g. 'tradewind config diff --env staging --env production' (got {cli.ConfigurationEnvironments.Count})");
            }

            var (leftName, rightName) = (cli.ConfigurationEnvironments[0], cli.ConfigurationEnvironments[1]);
            var left = cli.LoadConfiguration(leftName);
            var right = cli.LoadConfiguration(rightName);
            var differences = ConfigurationDiff.Compare(left, right);
            if (differences.Count == 0)
            {
                await cli.Output.WriteLineAsync($"no differences between {left.Environment} and {right.Environment}");
            }

            foreach (var difference in differences)
            {
                await cli.Output.WriteLineAsync(difference.Path);
                var note = difference.MasksAlike ? " (secret: values differ)" : "";
                await cli.Output.WriteLineAsync($"  {left.Environment}: {Side(difference.Left, difference.LeftOrigin)}{note}");
                await cli.Output.WriteLineAsync($"  {right.Environment}: {Side(difference.Right, difference.RightOrigin)}{note}");
            }

            if (differences.Count > 0)
            {
                await cli.Output.WriteLineAsync($"{differences.Count.ToString(CultureInfo.InvariantCulture)} key(s) differ between {left.Environment} and {right.Environment}");
            }

            await WarnIfInvalidAsync(cli, left);
            await WarnIfInvalidAsync(cli, right);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Keys()
    {
        var command = new Command("keys", "Print the reference table of every configuration key (type, default, range, meaning) as Markdown, as in docs/configuration.md.");
        command.SetAction(async (parse, ct) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(KeyReference.Markdown());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Side(string? shown, string? origin) => shown is null ? "(not set)" : $"{shown}  # {origin}";

    private static string Shown(ConfigurationValue value) =>
        string.IsNullOrEmpty(value.RawValue) && Configuration.Binding.SettingsSchema.Resolve(value.Key) is { Shape: Configuration.Binding.SettingShape.List }
            && !Configuration.Binding.KeyPath.IsIndex(value.Key.Split(':')[^1])
            ? "[]"
            : value.DisplayValue;

    private static async Task WarnIfInvalidAsync(CliContext cli, SettingsSnapshot snapshot)
    {
        if (!snapshot.IsValid)
        {
            await cli.Error.WriteLineAsync(
                $"warning: the {snapshot.Environment} configuration has {Count(snapshot.Errors.Count, "error", prefix: "")}; run 'tradewind config validate --env {snapshot.Environment}' for them");
        }
    }

    private static string DescribeLayers(SettingsSnapshot snapshot, string workingDirectory)
    {
        string Files(LayerKind kind, string folder)
        {
            var count = snapshot.Layers.Count(l => l.Kind == kind);
            return count == 0 ? $"{folder} (none)" : $"{folder} ({Count(count, "file", prefix: "")})";
        }

        int Keys(LayerKind kind) => snapshot.Values.Count(v => v.Layer.Kind == kind);
        var parts = new List<string>
        {
            "defaults",
            Files(LayerKind.Base, "config/base"),
            Files(LayerKind.Environment, $"config/{snapshot.Environment}"),
            Files(LayerKind.Local, "config/local"),
            File.Exists(Path.Combine(workingDirectory, ".env")) ? $".env ({Count(Keys(LayerKind.DotEnv), "key", prefix: "")})" : ".env (none)",
            $"environment ({Count(Keys(LayerKind.EnvironmentVariables), "key", prefix: "")})",
            $"--set ({Count(Keys(LayerKind.CommandLine), "key", prefix: "")})",
        };
        return string.Join(" < ", parts);
    }

    private static string Count(int count, string noun, string prefix) =>
        count == 0 && prefix.Length > 0 ? "" : $"{prefix}{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
