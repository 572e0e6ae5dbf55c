using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tradewind.Configuration.Strategies;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind config apply|history|rollback|diff-versions</c>: the versioned strategy-config registry
/// (which parameter set each strategy ran with, since when, who changed it and why).
/// </summary>
public static class ConfigRegistryCommands
{
    // Hand-edited parameter files may carry comments and a trailing comma; a repeated key is a mistake
    // (which value would win?), so it is refused rather than silently taking the last one.
    private static readonly JsonDocumentOptions FileOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>Adds the registry's verbs to the existing <c>config</c> command.</summary>
    public static void AddTo(Command config, Func<ParseResult, CliContext> context)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        config.Subcommands.Add(Apply(context));
        config.Subcommands.Add(History(context));
        config.Subcommands.Add(Rollback(context));
        config.Subcommands.Add(DiffVersions(context));
    }

    private static Option<string?> NotesOption() => new("--notes") { Description = "Why: stored with the new version and shown by 'config history'." };

    private static Command Apply(Func<ParseResult, CliContext> context)
    {
        var strategy = new Option<string?>("--strategy") { Description = "The strategy the parameters belong to (default: strategy.name of the configuration)." };
        var parametersFile = new Option<string?>("--parameters") { Description = "Take the parameters from this JSON file (one object) instead of the configuration files." };
        var notes = NotesOption();
        var command = new Command(
            "apply",
            "Store the strategy's parameters from the configuration files (config/, the chosen --env, .env, TRADEWIND__ variables, --set) as its new active version, and close the previous one. The configuration must validate. Applying the parameters that are already active changes nothing.")
        {
            strategy, parametersFile, notes,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            string name;
            JsonObject parameters;
            string sha256;
            if (parse.GetValue(parametersFile) is { } file)
            {
                name = StrategyName(parse.GetValue(strategy) ?? throw new UserInputException("--strategy: name the strategy the --parameters file belongs to, e.g. --strategy capital-allocator"));
                (parameters, sha256) = await ReadParametersAsync(cli, file, ct);
            }
            else
            {
                (name, parameters, sha256) = ParametersFromConfiguration(cli, parse.GetValue(strategy));
            }

            var repository = new TradingConfigRepository(await cli.OpenDatabaseAsync(ct));
            var result = await RefuseConflicts(() => repository.ApplyAsync(
                name, parameters, TradingConfigSource.Files(sha256), Environment.UserName, parse.GetValue(notes), DateTimeOffset.UtcNow, ct));
            if (!result.Created)
            {
                await cli.Output.WriteLineAsync(Invariant($"{name}: the parameters equal those of the active version {result.Active.Id}; nothing changed"));
                return ExitCodes.Ok;
            }

            await ReportChangeAsync(cli, result, Invariant($"{name}: version {result.Active.Id} is now active"));
            return ExitCodes.Ok;
        });
        return command;
    }

    // The registry records what the files say only when the files are valid: a version must never hold a
    // parameter set that `config validate` would refuse.
    private static (string Name, JsonObject Parameters, string Sha256) ParametersFromConfiguration(CliContext cli, string? strategy)
    {
        if (!cli.HasConfiguration)
        {
            throw new UserInputException($"no configuration in {Path.Combine(cli.WorkingDirectory, "config", "base")}; create one with 'tradewind init', or give the parameters with --parameters FILE.json");
        }

        var snapshot = cli.LoadConfiguration();
        if (!snapshot.IsValid)
        {
            throw new UserInputException(
                $"the configuration ({snapshot.Environment}) is not valid, so nothing was applied:{Environment.NewLine}" +
                string.Join(Environment.NewLine, snapshot.Errors.Select(e => e.ToString())));
        }

        var name = StrategyName(strategy ?? snapshot.Settings.Strategy.Name);
        try
        {
            return (name, StrategyParameters.From(snapshot.Settings.Strategy, name), StrategyParameters.FilesHash(snapshot, cli.WorkingDirectory));
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"--strategy: {ex.Message}", ex);
        }
    }

    private static Command History(Func<ParseResult, CliContext> context)
    {
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy's versions (default: every strategy)." };
        var command = new Command("history", "Every stored version, newest first: when it was active, who stored it, where its parameters came from and why.") { strategy };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var name = parse.GetValue(strategy) is { } given ? StrategyName(given) : null;
            var repository = new TradingConfigRepository(await cli.OpenDatabaseAsync(ct));
            var versions = await repository.HistoryAsync(name, ct);
            if (versions.Count == 0 && name is not null)
            {
                var known = (await repository.HistoryAsync(null, ct)).Select(v => v.Strategy).Distinct().Order(StringComparer.Ordinal).ToList();
                throw new UserInputException(
                    $"--strategy {name}: no configuration versions are stored for this strategy; " +
                    (known.Count == 0 ? "no strategy has one yet" : $"stored strategies: {string.Join(", ", known)}"));
            }

            if (versions.Count == 0)
            {
                await cli.Error.WriteLineAsync("no configuration versions stored yet; store one with 'tradewind config apply --strategy NAME --parameters FILE.json'");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "strategy", "active", "start", "end", "created by", "source", "notes");
            table.Columns[0].RightAligned();
            foreach (var v in versions)
            {
                table.AddRow(
                    new[] { Id(v.Id), v.Strategy, v.IsActive ? "yes" : "", Time(v.StartDate), v.EndDate is { } end ? Time(end) : "", v.CreatedBy, ShortSource(v.Source), v.Notes ?? "" }
                        .Select(Markup.Escape).ToArray());
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rollback(Func<ParseResult, CliContext> context)
    {
        var version = new Argument<long>("VERSION") { Description = "The id of the older version whose parameters become active again (see 'config history')." };
        var notes = NotesOption();
        var command = new Command(
            "rollback",
            "Make an older version's parameters active again, as a NEW version (source rollback:VERSION); the history is kept as it was.")
        {
            version, notes,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var id = parse.GetValue(version);
            var repository = new TradingConfigRepository(await cli.OpenDatabaseAsync(ct));
            var result = await RefuseConflicts(() => KnownVersion(() => repository.RollbackAsync(id, Environment.UserName, parse.GetValue(notes), DateTimeOffset.UtcNow, ct)));
            var strategy = result.Active.Strategy;
            if (!result.Created)
            {
                await cli.Output.WriteLineAsync(result.Active.Id == id
                    ? Invariant($"{strategy}: version {id} is the active version already; nothing changed")
                    : Invariant($"{strategy}: the parameters of version {id} are already active (version {result.Active.Id}); nothing changed"));
                return ExitCodes.Ok;
            }

            await ReportChangeAsync(cli, result, Invariant($"{strategy}: version {result.Active.Id} is now active, with the parameters of version {id}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command DiffVersions(Func<ParseResult, CliContext> context)
    {
        var a = new Argument<long>("A") { Description = "The first version id." };
        var b = new Argument<long>("B") { Description = "The second version id." };
        var command = new Command("diff-versions", "The parameter paths whose values differ between two versions, with the value in each ((absent) where a path is missing).") { a, b };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var idA = parse.GetValue(a);
            var idB = parse.GetValue(b);
            var repository = new TradingConfigRepository(await cli.OpenDatabaseAsync(ct));
            var differences = await KnownVersion(() => repository.DiffAsync(idA, idB, ct));
            if (differences.Count == 0)
            {
                await cli.Output.WriteLineAsync(Invariant($"versions {idA} and {idB} have the same parameters"));
                return ExitCodes.Ok;
            }

            WriteDifferences(cli, differences, idA, idB);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task ReportChangeAsync(CliContext cli, TradingConfigApplyResult result, string headline)
    {
        if (result.Closed is not { } closed)
        {
            await cli.Output.WriteLineAsync(headline + " (the strategy's first version)");
            return;
        }

        await cli.Output.WriteLineAsync(headline + Invariant($"; version {closed.Id} closed. Changes from version {closed.Id}:"));
        WriteDifferences(cli, ParameterDiff.Compare(closed.ReadParameters(), result.Active.ReadParameters()), closed.Id, result.Active.Id);
    }

    private static void WriteDifferences(CliContext cli, IReadOnlyList<ParameterDifference> differences, long idA, long idB)
    {
        var table = new Table().AddColumns("path", Invariant($"version {idA}"), Invariant($"version {idB}"));
        foreach (var d in differences)
        {
            table.AddRow(Markup.Escape(d.Path), Markup.Escape(d.ValueInA ?? "(absent)"), Markup.Escape(d.ValueInB ?? "(absent)"));
        }

        cli.Console.Write(table);
    }

    private static async Task<(JsonObject Parameters, string Sha256)> ReadParametersAsync(CliContext cli, string path, CancellationToken cancellationToken)
    {
        var full = cli.ResolvePath(path);
        if (!File.Exists(full))
        {
            throw new UserInputException($"--parameters {path}: file not found; give the path of a JSON file that holds the strategy's parameters as one object");
        }

        var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
        JsonNode? node;
        try
        {
            // The hash covers the file as stored; a UTF-8 byte order mark is not JSON, so the parser skips it.
            ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
            node = JsonNode.Parse(bytes.AsSpan().StartsWith(byteOrderMark) ? bytes.AsSpan(3) : bytes, documentOptions: FileOptions);
        }
        catch (JsonException ex)
        {
            // A repeated key is found after reading, without a line number.
            var place = ex.LineNumber is { } line ? Invariant($"{path}:{line + 1}") : path;
            throw new UserInputException($"{place}: not valid JSON: {Reason(ex)}; fix the file and apply again", ex);
        }

        if (node is not JsonObject parameters)
        {
            throw new UserInputException(
                $"{path}: the parameters must be one JSON object ({{ \"name\": value, ... }}), not {Describe(node)}; put them in an object and apply again");
        }

        return (parameters, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string StrategyName(string value)
    {
        var name = value.Trim();
        if (name.Length == 0)
        {
            throw new UserInputException("--strategy: give the strategy's name, e.g. --strategy capital-allocator");
        }

        return name;
    }

    private static async Task<T> KnownVersion<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (TradingConfigVersionNotFoundException ex)
        {
            throw new UserInputException(
                Invariant($"version {ex.VersionId}: no such configuration version; 'tradewind config history' lists the stored versions"), ex);
        }
    }

    // A lost race is not a bug: it is reported like bad input (one line, exit 1) and nothing was stored.
    private static async Task<T> RefuseConflicts<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (TradingConfigConflictException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    // JsonException messages end with "Path: $ | LineNumber: 0 | BytePositionInLine: 3."; the line is shown as file:line instead.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd().TrimEnd('.');
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true/false",
    };

    // A files:<sha256> source is 70 characters; the first 12 hex digits identify the files as a short git hash does.
    private static string ShortSource(string source) =>
        source.StartsWith("files:", StringComparison.Ordinal) && source.Length > "files:".Length + 12 ? source[..("files:".Length + 12)] : source;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
