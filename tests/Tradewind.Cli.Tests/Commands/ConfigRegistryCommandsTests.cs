using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.StrategyConfig;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class ConfigRegistryCommandsTests(PostgresServer postgres) : IDisposable
{
    private const string V1 = """{ "regime": { "bullish_threshold": 0.3, "bearish_threshold": -0.3 }, "assets": ["SPY", "QQQ"], "lookback_days": 252 }""";
    private const string V2 = """{ "regime": { "bullish_threshold": 0.4, "bearish_threshold": -0.3 }, "assets": ["SPY", "GLD", "DIA"], "lookback_days": 252, "added": { "on": true } }""";
    private readonly TempDirectory _dir = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Apply_stores_a_version_and_reapplying_the_same_parameters_changes_nothing(DatabaseDialect dialect)
    {
        var db = await DatabaseSettingAsync(dialect);
        _dir.Write("v1.json", V1);
        // The same parameters, other key order, layout and a comment: not a new version.
        _dir.Write("v1-reformatted.json", "{\n  // unchanged\n  \"lookback_days\": 252,\n  \"assets\": [\"SPY\",\"QQQ\"],\n  \"regime\": {\"bearish_threshold\": -0.3, \"bullish_threshold\": 0.3},\n}\n");
        _dir.Write("v2.json", V2);

        var first = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply", "--strategy", "capital-allocator", "--parameters", "v1.json", "--notes", "initial");
        var again = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply", "--strategy", "capital-allocator", "--parameters", "v1-reformatted.json");
        var changed = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply", "--strategy", "capital-allocator", "--parameters", "v2.json");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("capital-allocator: version 1 is now active (the strategy's first version)", first.Output.Trim());
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("capital-allocator: the parameters equal those of the active version 1; nothing changed", again.Output.Trim());
        Assert.True(changed.ExitCode == 0, changed.Error);
        Assert.StartsWith("capital-allocator: version 2 is now active; version 1 closed. Changes from version 1:", changed.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("path", "version 1", "version 2"),
                ("added", "(absent)", """{"on":true}"""),
                ("assets[1]", "\"QQQ\"", "\"GLD\""),
                ("assets[2]", "(absent)", "\"DIA\""),
                ("regime.bullish_threshold", "0.3", "0.4"),
            ],
            TableRows(changed.Output).Select(r => (r[0], r[1], r[2])));

        var history = await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync("capital-allocator", TestContext.Current.CancellationToken);
        Assert.Equal([2L, 1], history.Select(v => v.Id));
        Assert.Equal("files:" + Sha256(_dir.File("v1.json")), history[1].Source);
        Assert.Equal("files:" + Sha256(_dir.File("v2.json")), history[0].Source);
        Assert.Equal((Environment.UserName, "initial"), (history[1].CreatedBy, history[1].Notes));
        Assert.Equal(history[0].StartDate, history[1].EndDate);
        Assert.Equal("""{"assets":["SPY","QQQ"],"lookback_days":252,"regime":{"bearish_threshold":-0.3,"bullish_threshold":0.3}}""", history[1].Parameters);
    }

    [Fact]
    public async Task History_lists_every_version_newest_first_and_filters_by_strategy()
    {
        var db = _dir.File("t.db");
        await ApplyAsync(db, "capital-allocator", V1, "first");
        await ApplyAsync(db, "multi-asset", V1);
        await ApplyAsync(db, "capital-allocator", V2, "more risk");

        var all = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "history");
        var one = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "history", "--strategy", "multi-asset");

        Assert.True(all.ExitCode == 0, all.Error);
        var rows = TableRows(all.Output);
        Assert.Equal(["id", "strategy", "active", "start", "end", "created by", "source", "notes"], rows[0]);
        Assert.Equal(
            [("3", "capital-allocator", "yes", "more risk"), ("2", "multi-asset", "yes", ""), ("1", "capital-allocator", "", "first")],
            rows.Skip(1).Select(r => (r[0], r[1], r[2], r[7])));
        Assert.Equal(rows[1][3], rows[3][4]);
        Assert.Equal("", rows[1][4]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", rows[1][3]);
        Assert.All(rows.Skip(1), r => Assert.Equal(Environment.UserName, r[5]));
        Assert.All(rows.Skip(1), r => Assert.Matches("^files:[0-9a-f]{12}$", r[6]));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal([["2", "multi-asset"]], TableRows(one.Output).Skip(1).Select(r => r.Take(2).ToArray()));
    }

    [Fact]
    public async Task History_of_an_empty_registry_says_how_to_start_and_an_unknown_strategy_names_the_stored_ones()
    {
        var db = _dir.File("t.db");

        var empty = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "history");
        await ApplyAsync(db, "capital-allocator", V1);
        await ApplyAsync(db, "multi-asset", V1);
        var unknown = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "history", "--strategy", "capital-alocator");

        Assert.Equal(0, empty.ExitCode);
        Assert.Empty(empty.Output);
        Assert.Contains("no configuration versions stored yet; store one with 'tradewind config apply --strategy NAME --parameters FILE.json'", empty.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains(
            "--strategy capital-alocator: no configuration versions are stored for this strategy; stored strategies: capital-allocator, multi-asset",
            unknown.Error,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Rollback_prints_the_new_version_and_what_changed_and_keeps_the_history(DatabaseDialect dialect)
    {
        var db = await DatabaseSettingAsync(dialect);
        await ApplyAsync(db, "capital-allocator", V1);
        await ApplyAsync(db, "capital-allocator", V2);

        var rollback = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "rollback", "1", "--notes", "v2 lost money");
        var toActive = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "rollback", "3");
        var toSame = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "rollback", "1");

        Assert.True(rollback.ExitCode == 0, rollback.Error);
        Assert.StartsWith("capital-allocator: version 3 is now active, with the parameters of version 1; version 2 closed. Changes from version 2:", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("path", "version 2", "version 3"),
                ("added", """{"on":true}""", "(absent)"),
                ("assets[1]", "\"GLD\"", "\"QQQ\""),
                ("assets[2]", "\"DIA\"", "(absent)"),
                ("regime.bullish_threshold", "0.4", "0.3"),
            ],
            TableRows(rollback.Output).Select(r => (r[0], r[1], r[2])));
        Assert.Equal((0, "capital-allocator: version 3 is the active version already; nothing changed"), (toActive.ExitCode, toActive.Output.Trim()));
        Assert.Equal((0, "capital-allocator: the parameters of version 1 are already active (version 3); nothing changed"), (toSame.ExitCode, toSame.Output.Trim()));

        var history = await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([3L, 2, 1], history.Select(v => v.Id));
        Assert.Equal(("rollback:1", "v2 lost money", Environment.UserName), (history[0].Source, history[0].Notes, history[0].CreatedBy));
        Assert.Equal(history[2].Parameters, history[0].Parameters);
        Assert.Equal([true, false, false], history.Select(v => v.IsActive));
    }

    [Fact]
    public async Task Diff_versions_prints_the_changed_paths_and_succeeds_whether_or_not_they_differ()
    {
        var db = _dir.File("t.db");
        await ApplyAsync(db, "capital-allocator", V1);
        await ApplyAsync(db, "capital-allocator", V2);
        await ApplyAsync(db, "capital-allocator", V1);

        var diff = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "diff-versions", "2", "1");
        var same = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "diff-versions", "1", "3");

        Assert.True(diff.ExitCode == 0, diff.Error);
        Assert.Equal(
            [
                ["path", "version 2", "version 1"],
                ["added", """{"on":true}""", "(absent)"],
                ["assets[1]", "\"GLD\"", "\"QQQ\""],
                ["assets[2]", "\"DIA\"", "(absent)"],
                ["regime.bullish_threshold", "0.4", "0.3"],
            ],
            TableRows(diff.Output));
        Assert.Equal((0, "versions 1 and 3 have the same parameters"), (same.ExitCode, same.Output.Trim()));
    }

    public static TheoryData<string, string, string[]> BadInputs => new()
    {
        { "rollback to an unknown version", "version 42: no such configuration version; 'tradewind config history' lists the stored versions", ["config", "rollback", "42"] },
        { "diff with an unknown version", "version 9: no such configuration version; 'tradewind config history' lists the stored versions", ["config", "diff-versions", "1", "9"] },
        { "missing parameters file", "--parameters missing.json: file not found; give the path of a JSON file that holds the strategy's parameters as one object", ["config", "apply", "--strategy", "s", "--parameters", "missing.json"] },
        { "file not JSON", "broken.json:3: not valid JSON: '}' is an invalid start of a value; fix the file and apply again", ["config", "apply", "--strategy", "s", "--parameters", "broken.json"] },
        { "file holds an array", "array.json: the parameters must be one JSON object ({ \"name\": value, ... }), not an array; put them in an object and apply again", ["config", "apply", "--strategy", "s", "--parameters", "array.json"] },
        { "file holds a number", "number.json: the parameters must be one JSON object ({ \"name\": value, ... }), not a number", ["config", "apply", "--strategy", "s", "--parameters", "number.json"] },
        { "repeated key", "duplicate.json: not valid JSON: Duplicate property 'a'", ["config", "apply", "--strategy", "s", "--parameters", "duplicate.json"] },
        { "parameters file without a strategy", "--strategy: name the strategy the --parameters file belongs to, e.g. --strategy capital-allocator", ["config", "apply", "--parameters", "good.json"] },
        { "no configuration to take parameters from", "no configuration in ", ["config", "apply"] },
        { "blank strategy", "--strategy: give the strategy's name, e.g. --strategy capital-allocator", ["config", "apply", "--strategy", " ", "--parameters", "good.json"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_clear_line_with_exit_code_1_and_stores_nothing(string kind, string message, string[] args)
    {
        var db = _dir.File("t.db");
        await ApplyAsync(db, "s", """{"a": 0}""");
        _dir.Write("good.json", """{"a": 1}""");
        _dir.Write("broken.json", "{\n  \"a\": 1,\n  \"b\": }\n");
        _dir.Write("array.json", "[1, 2]");
        _dir.Write("number.json", "42");
        _dir.Write("duplicate.json", "{\"a\": 1, \"a\": 2}");

        var result = await CliRun.RunAsync(_dir.Path, ["--db", db, .. args]);

        Assert.True(result.ExitCode == 1, $"{kind}: exit {result.ExitCode}, {result.Error}");
        Assert.Contains("error: " + message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Single(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Cannot parse argument 'latest'", "config", "rollback", "latest")]
    [InlineData("Required argument 'B' missing for command: 'diff-versions'", "config", "diff-versions", "1")]
    public async Task Command_line_mistakes_are_usage_errors(string message, params string[] args)
    {
        var result = await CliRun.RunAsync(_dir.Path, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_without_a_file_stores_the_parameters_the_configuration_files_define()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");

        var first = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply", "--notes", "from files");
        var again = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply");
        var changed = await CliRun.RunAsync(_dir.Path, "--db", db, "--set", "strategy.capital_allocator.regime.bullish_threshold=0.35", "config", "apply");
        var multiAsset = await CliRun.RunAsync(_dir.Path, "--db", db, "config", "apply", "--strategy", "multi-asset");

        Assert.Equal((0, "capital-allocator: version 1 is now active (the strategy's first version)"), (first.ExitCode, first.OutputLines[0]));
        Assert.Equal("capital-allocator: the parameters equal those of the active version 1; nothing changed", again.Output.Trim());
        Assert.Contains(["regime.bullish_threshold", "0.3", "0.35"], TableRows(changed.Output));
        Assert.Equal(0, multiAsset.ExitCode);
        var repository = new TradingConfigRepository(await OpenAsync(db));
        var active = (await repository.GetActiveAsync("capital-allocator", TestContext.Current.CancellationToken))!;
        var parameters = active.ReadParameters();
        // Typed values in the files' spelling, from the validated records.
        Assert.Equal(1000m, parameters["daily_capital"]!.GetValue<decimal>());
        Assert.Equal(0.35, parameters["regime"]!["bullish_threshold"]!.GetValue<double>());
        Assert.StartsWith("files:", active.Source, StringComparison.Ordinal);
        Assert.Equal("monthly", (await repository.GetActiveAsync("multi-asset", TestContext.Current.CancellationToken))!.ReadParameters()["rebalance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_refuses_an_invalid_configuration_and_stores_nothing()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");

        var result = await CliRun.RunAsync(_dir.Path, "--db", db, "--set", "strategy.capital_allocator.regime.bearish_threshold=0.5", "config", "apply");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the configuration (development) is not valid, so nothing was applied", result.Error, StringComparison.Ordinal);
        Assert.Contains("strategy.capital_allocator.regime", result.Error, StringComparison.Ordinal);
        Assert.Empty(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    public void Dispose() => _dir.Dispose();

    private void CopyShippedConfiguration()
    {
        var source = Path.Combine(TestEnvironment.RepositoryRoot, "config");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir.Path, "config", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The cells of every row of the Spectre tables in <paramref name="output"/>, header rows included.</summary>
    private static List<string[]> TableRows(string output) =>
        output.Split('\n')
            .Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1..^1])
            .ToList();

    private async Task ApplyAsync(string db, string strategy, string json, string? notes = null)
    {
        // Through the repository with a real clock order: each version starts after the previous one.
        var repository = new TradingConfigRepository(await OpenAsync(db));
        var history = await repository.HistoryAsync(strategy, TestContext.Current.CancellationToken);
        var now = history.Count == 0 ? new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero) : history[0].StartDate.AddMinutes(1);
        var source = TradingConfigSource.Files(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
        await repository.ApplyAsync(strategy, JsonNode.Parse(json)!.AsObject(), source, Environment.UserName, notes, now, TestContext.Current.CancellationToken);
    }

    private async Task<TradewindDatabase> OpenAsync(string db) =>
        await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), TestContext.Current.CancellationToken);

    private async Task<string> DatabaseSettingAsync(DatabaseDialect dialect) =>
        dialect == DatabaseDialect.Sqlite ? _dir.File("tradewind.db") : await postgres.CreateDatabaseAsync();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
