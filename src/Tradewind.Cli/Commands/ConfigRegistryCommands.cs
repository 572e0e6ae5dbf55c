using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tradewind.Configuration.Loading;
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
        var strategy = new Option<string?>("--strategy") { Description = "The strategy the parameters belong to: capital-allocator or multi-asset (default: strategy.name of the configuration)." };
        var parametersFile = new Option<string?>("--parameters")
        {
            Description = "Take the strategy's parameters from this JSON file (one object, the strategy block's keys) over the configuration, instead of from the configuration files alone. Validated with the configuration; the file's values win over --set.",
        };
        var notes = NotesOption();
        var command = new Command(
            "apply",
            "Store the strategy's parameters from the configuration files (config/, the chosen --env, .env, TRADEWIND__ variables, --set), or from a --parameters file laid over them, as its new active version, and close the previous one. The configuration must validate. Applying the parameters that are already active changes nothing.")
        {
            strategy, parametersFile, notes,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var given = parse.GetValue(strategy) is { } text ? KnownStrategy(StrategyName(text), null) : null;
            var (name, parameters, source) = parse.GetValue(parametersFile) is { } file
                ? await ParametersFromFileAsync(cli, given, file, ct)
                : ParametersFromConfiguration(cli, given);

            var repository = new TradingConfigRepository(await cli.OpenDatabaseAsync(ct));
            var result = await RefuseConflicts(() => repository.ApplyAsync(
                name, parameters, source, cli.UserName, parse.GetValue(notes), cli.TimeProvider.GetUtcNow(), ct));
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
    private static (string Name, JsonObject Parameters, string Source) ParametersFromConfiguration(CliContext cli, string? strategy)
    {
        RequireConfiguration(cli);
        var snapshot = cli.LoadConfiguration();
        RequireValid(snapshot, $"the configuration ({snapshot.Environment}) is not valid, so nothing was applied:", origins: null);
        var name = strategy ?? KnownStrategy(null, snapshot.Settings.Strategy.Name);
        return (name, StrategyParameters.From(snapshot.Settings.Strategy, name), TradingConfigSource.Files(StrategyParameters.FilesHash(snapshot, cli.WorkingDirectory)));
    }

    // A parameters file is held to the same rule as the files: its values become --set overrides of the strategy's
    // block, the whole configuration is loaded and validated with them, and what is stored is the block of the
    // validated records (so unknown keys, wrong types and broken rules are refused exactly as 'config validate'
    // refuses them). The file's overrides come after the user's --set: the version's source names the file, so for
    // every key the file names the file's value is the one stored.
    private static async Task<(string Name, JsonObject Parameters, string Source)> ParametersFromFileAsync(
        CliContext cli, string? strategy, string file, CancellationToken cancellationToken)
    {
        RequireConfiguration(cli);
        var (fileParameters, sha256) = await ReadParametersAsync(cli, file, cancellationToken);
        var name = strategy ?? KnownStrategy(null, cli.LoadConfiguration().Settings.Strategy.Name);
        IReadOnlyList<string> overrides;
        try
        {
            overrides = StrategyParameters.Overrides(name, fileParameters);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"{file}: {ex.Message}", ex);
        }

        // Problems about the file's values name the file, not the --set option they were passed as.
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in overrides)
        {
            if (SettingOverride.TryParse(text, out var setting, out _))
            {
                origins[setting!.Text] = file;
                fileKeys.Add(setting.Key);
            }
        }

        foreach (var text in cli.ConfigurationOverrides)
        {
            if (SettingOverride.TryParse(text, out var setting, out _) && fileKeys.Contains(setting!.Key))
            {
                await cli.Error.WriteLineAsync($"warning: {setting.Text} is overridden by {file}, which sets the same key; the file's value is applied");
            }
        }

        var snapshot = cli.LoadConfigurationWith(overrides);
        RequireValid(snapshot, $"{file}: the parameters, with the configuration ({snapshot.Environment}), are not valid, so nothing was applied:", origins);
        return (name, StrategyParameters.From(snapshot.Settings.Strategy, name), TradingConfigSource.File(sha256));
    }

    private static void RequireConfiguration(CliContext cli)
    {
        if (!cli.HasConfiguration)
        {
            throw new UserInputException(
                $"no configuration in {Path.Combine(cli.WorkingDirectory, "config", "base")}; create one with 'tradewind init' (the parameters are validated against it, also those of a --parameters file)");
        }
    }

    private static void RequireValid(SettingsSnapshot snapshot, string headline, Dictionary<string, string>? origins)
    {
        if (snapshot.IsValid)
        {
            return;
        }

        throw new UserInputException(
            headline + Environment.NewLine +
            string.Join(Environment.NewLine, snapshot.Errors.Select(e => (origins is not null && origins.TryGetValue(e.Origin, out var file) ? e with { Origin = file } : e).ToString())));
    }

    // --strategy when given, else strategy.name; either must name a strategy that has a parameter block.
    private static string KnownStrategy(string? given, string? configured)
    {
        try
        {
            var name = given ?? configured ?? "";
            StrategyParameters.Block(name);
            return name;
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"{(given is not null ? "--strategy" : "strategy.name (the default of --strategy)")}: {ex.Message}", ex);
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
                await cli.Error.WriteLineAsync("no configuration versions stored yet; store one with 'tradewind config apply' (from the configuration files) or 'tradewind config apply --parameters FILE.json'");
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
            var result = await RefuseConflicts(() => KnownVersion(() => repository.RollbackAsync(id, cli.UserName, parse.GetValue(notes), cli.TimeProvider.GetUtcNow(), ct)));
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

    // A files:<sha256> or file:<sha256> source is about 70 characters; the first 12 hex digits identify the files as a
    // short git hash does.
    private static string ShortSource(string source)
    {
        foreach (var prefix in new[] { "files:", "file:" })
        {
            if (source.StartsWith(prefix, StringComparison.Ordinal) && source.Length > prefix.Length + 12)
            {
                return source[..(prefix.Length + 12)];
            }
        }

        return source;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
