using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Strategies;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.StrategyConfig;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class ConfigRegistryCommandsTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 20, 12, 41, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = new(2024, 6, 3, 13, 2, 12, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly ManualTime _time = new(Now);
    private readonly Dictionary<string, string> _environment = new() { ["USER"] = "alice" };

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Apply_with_a_parameters_file_validates_it_with_the_configuration_and_stores_the_typed_block(DatabaseDialect dialect)
    {
        CopyShippedConfiguration();
        var db = await DatabaseSettingAsync(dialect);
        _dir.Write("v1.json", """{ "regime": { "bullish_threshold": 0.4 }, "allocation": { "high_risk": 0.25 } }""");
        // The same values written otherwise (key order, layout, a comment, trailing commas, 0.250, 4e-1): the typed
        // parameters are equal, so it is not a new version.
        _dir.Write("v1-reformatted.json", "{\n  // the same values\n  \"allocation\": {\"high_risk\": 0.250},\n  \"regime\": {\"bullish_threshold\": 4e-1,},\n}\n");
        // Keys the file leaves out keep the configuration's values: allocation.high_risk goes back to the files' 0.3.
        _dir.Write("v2.json", """{ "regime": { "bullish_threshold": 0.35, "bearish_threshold": -0.25 }, "daily_capital": 1500 }""");

        _time.Now = T0;
        var first = await RunAsync("--db", db, "config", "apply", "--strategy", "capital-allocator", "--parameters", "v1.json", "--notes", "initial");
        _time.Now = T0.AddMinutes(5);
        var again = await RunAsync("--db", db, "config", "apply", "--parameters", "v1-reformatted.json");
        _time.Now = T1;
        var changed = await RunAsync("--db", db, "config", "apply", "--parameters", "v2.json", "--notes", "wider neutral band");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("capital-allocator: version 1 is now active (the strategy's first version)", first.Output.Trim());
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("capital-allocator: the parameters equal those of the active version 1; nothing changed", again.Output.Trim());
        Assert.True(changed.ExitCode == 0, changed.Error);
        Assert.StartsWith("capital-allocator: version 2 is now active; version 1 closed. Changes from version 1:", changed.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("path", "version 1", "version 2"),
                ("allocation.high_risk", "0.25", "0.3"),
                ("daily_capital", "1000", "1500"),
                ("regime.bearish_threshold", "-0.3", "-0.25"),
                ("regime.bullish_threshold", "0.4", "0.35"),
            ],
            TableRows(changed.Output).Select(r => (r[0], r[1], r[2])));

        var history = await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync("capital-allocator", TestContext.Current.CancellationToken);
        Assert.Equal([2L, 1], history.Select(v => v.Id));
        Assert.Equal(("file:" + Sha256(_dir.File("v1.json")), "alice", "initial", T0, (DateTimeOffset?)T1), (history[1].Source, history[1].CreatedBy, history[1].Notes, history[1].StartDate, history[1].EndDate));
        Assert.Equal(("file:" + Sha256(_dir.File("v2.json")), "alice", "wider neutral band", T1, (DateTimeOffset?)null), (history[0].Source, history[0].CreatedBy, history[0].Notes, history[0].StartDate, history[0].EndDate));
        // The whole block, typed, from the validated records.
        Assert.Equal(CanonicalJson.Write(Allocator(bullish: 0.4, highRisk: 0.25)), history[1].Parameters);
        var v2 = new CapitalAllocatorSettings { DailyCapital = 1500m, Regime = new RegimeSettings { BullishThreshold = 0.35, BearishThreshold = -0.25 } };
        Assert.Equal(CanonicalJson.Write(StrategyParameters.From(new StrategySettings { CapitalAllocator = v2 }, "capital-allocator")), history[0].Parameters);
    }

    [Fact]
    public async Task Apply_with_a_parameters_file_takes_the_strategy_from_strategy_name_by_default()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");
        _dir.Write("multi-asset.json", """{ "rebalance": "weekly", "top_n": 2 }""");

        var result = await RunAsync("--db", db, "--set", "strategy.name=multi-asset", "config", "apply", "--parameters", "multi-asset.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("multi-asset: version 1 is now active (the strategy's first version)", result.Output.Trim());
        var repository = new TradingConfigRepository(await OpenAsync(db));
        var active = (await repository.GetActiveAsync("multi-asset", TestContext.Current.CancellationToken))!;
        var expected = new StrategySettings { MultiAsset = new MultiAssetSettings { Rebalance = RebalanceFrequency.Weekly, TopN = 2 } };
        Assert.Equal(CanonicalJson.Write(StrategyParameters.From(expected, "multi-asset")), active.Parameters);
        Assert.Equal("weekly", active.ReadParameters()["rebalance"]!.GetValue<string>());
        Assert.Equal("file:" + Sha256(_dir.File("multi-asset.json")), active.Source);
        Assert.Null(await repository.GetActiveAsync("capital-allocator", TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, string, string[]> InvalidParameters => new()
    {
        {
            "out of range: bearish above bullish",
            """{ "regime": { "bearish_threshold": 0.5 } }""",
            ["strategy.capital_allocator.regime.bearish_threshold: 0.5 must be less than bullish_threshold (0.3) (from bad.json)"]
        },
        {
            "every error is listed",
            """{ "sell_percentage": 1.5, "lookback_days": "long" }""",
            ["strategy.capital_allocator.sell_percentage: 1.5 is out of range: must be in [0, 1] (from bad.json)", "strategy.capital_allocator.lookback_days: 'long' is not a number (from bad.json)"]
        },
        {
            "unknown key",
            """{ "regme": { "bullish_threshold": 0.4 } }""",
            ["strategy.capital_allocator.regme: unknown key 'regme' (did you mean 'regime'?); strategy.capital_allocator has the keys daily_capital, "]
        },
        {
            "a value where a section is expected",
            """{ "regime": 0.4 }""",
            ["strategy.capital_allocator.regime: expects a section with the keys bullish_threshold, bearish_threshold, not a value (from bad.json)"]
        },
        {
            "a list where there is none",
            """{ "allocation": [0.8, 0.5] }""",
            ["strategy.capital_allocator.allocation[0]: unknown key '0'; strategy.capital_allocator.allocation has the keys low_risk, medium_risk, high_risk, neutral (from bad.json)"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public async Task Apply_with_a_parameters_file_refuses_what_config_validate_refuses_and_stores_nothing(string kind, string json, string[] errors)
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");
        _dir.Write("bad.json", json);

        var result = await RunAsync("--db", db, "config", "apply", "--strategy", "capital-allocator", "--parameters", "bad.json");

        Assert.True(result.ExitCode == 1, $"{kind}: exit {result.ExitCode}, {result.Error}");
        Assert.StartsWith("error: bad.json: the parameters, with the configuration (development), are not valid, so nothing was applied:", result.Error, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Contains("\nerror: " + e, result.Error, StringComparison.Ordinal));
        Assert.DoesNotContain("--set", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Apply_with_a_parameters_file_the_files_values_win_over_set_and_set_fills_in_the_rest()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");
        _dir.Write("p.json", """{ "regime": { "bullish_threshold": 0.4 } }""");

        var result = await RunAsync(
            "--db", db, "--set", "strategy.capital_allocator.regime.bullish_threshold=0.6", "--set", "strategy.capital_allocator.daily_capital=2000",
            "config", "apply", "--parameters", "p.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(
            "warning: --set strategy.capital_allocator.regime.bullish_threshold=0.6 is overridden by p.json, which sets the same key; the file's value is applied",
            result.Error,
            StringComparison.Ordinal);
        var active = (await new TradingConfigRepository(await OpenAsync(db)).GetActiveAsync("capital-allocator", TestContext.Current.CancellationToken))!;
        var expected = new CapitalAllocatorSettings { DailyCapital = 2000m, Regime = new RegimeSettings { BullishThreshold = 0.4 } };
        Assert.Equal(CanonicalJson.Write(StrategyParameters.From(new StrategySettings { CapitalAllocator = expected }, "capital-allocator")), active.Parameters);
        Assert.Equal("file:" + Sha256(_dir.File("p.json")), active.Source);
    }

    [Fact]
    public async Task Apply_from_the_files_stores_the_parameters_the_configuration_files_define()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");

        _time.Now = T0;
        var first = await RunAsync("--db", db, "config", "apply", "--notes", "from files");
        var again = await RunAsync("--db", db, "config", "apply");
        _time.Now = T1;
        var changed = await RunAsync("--db", db, "--set", "strategy.capital_allocator.regime.bullish_threshold=0.35", "config", "apply");
        var multiAsset = await RunAsync("--db", db, "config", "apply", "--strategy", "multi-asset");

        Assert.Equal((0, "capital-allocator: version 1 is now active (the strategy's first version)"), (first.ExitCode, first.OutputLines[0]));
        Assert.Equal("capital-allocator: the parameters equal those of the active version 1; nothing changed", again.Output.Trim());
        Assert.Contains(["regime.bullish_threshold", "0.3", "0.35"], TableRows(changed.Output));
        Assert.Equal(0, multiAsset.ExitCode);
        var repository = new TradingConfigRepository(await OpenAsync(db));
        var history = await repository.HistoryAsync("capital-allocator", TestContext.Current.CancellationToken);
        Assert.Equal([(2L, "alice", T1), (1L, "alice", T0)], history.Select(v => (v.Id, v.CreatedBy, v.StartDate)));
        var parameters = history[0].ReadParameters();
        // Typed values in the files' spelling, from the validated records.
        Assert.Equal(1000m, parameters["daily_capital"]!.GetValue<decimal>());
        Assert.Equal(0.35, parameters["regime"]!["bullish_threshold"]!.GetValue<double>());
        Assert.StartsWith("files:", history[0].Source, StringComparison.Ordinal);
        Assert.Equal("monthly", (await repository.GetActiveAsync("multi-asset", TestContext.Current.CancellationToken))!.ReadParameters()["rebalance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_from_the_files_records_the_hash_of_the_configuration_files_however_the_process_was_started()
    {
        CopyShippedConfiguration();
        _dir.Write(Path.Combine("config", "local", "strategy.yaml"), "strategy:\n  capital_allocator:\n    daily_capital: 1200\n");
        // Not a configuration file: not hashed (its variables' effect is in the parameters).
        _dir.Write(".env", "UNRELATED=1\n");
        var db = _dir.File("t.db");
        // The layer files are relative to the working directory, which is not this process's current directory.
        Assert.NotEqual(Path.GetFullPath(Environment.CurrentDirectory), Path.GetFullPath(_dir.Path));
        var filesAsShipped = ExpectedFilesHash();

        _time.Now = T0;
        var first = await RunAsync("--db", db, "config", "apply");
        _time.Now = T0.AddMinutes(1);
        var viaSet = await RunAsync("--db", db, "--set", "strategy.capital_allocator.regime.bullish_threshold=0.35", "config", "apply");
        var strategyFile = _dir.File(Path.Combine("config", "base", "strategy.yaml"));
        var text = File.ReadAllText(strategyFile);
        Assert.Contains("bullish_threshold: 0.3\n", text, StringComparison.Ordinal);
        File.WriteAllText(strategyFile, text.Replace("bullish_threshold: 0.3\n", "bullish_threshold: 0.32\n", StringComparison.Ordinal));
        var filesEdited = ExpectedFilesHash();
        _time.Now = T1;
        var edited = await RunAsync("--db", db, "config", "apply");

        Assert.True(first.ExitCode == 0 && viaSet.ExitCode == 0 && edited.ExitCode == 0, first.Error + viaSet.Error + edited.Error);
        var history = await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync("capital-allocator", TestContext.Current.CancellationToken);
        Assert.Equal([3L, 2, 1], history.Select(v => v.Id));
        Assert.Equal("files:" + filesAsShipped, history[2].Source);
        Assert.Equal(1200m, history[2].ReadParameters()["daily_capital"]!.GetValue<decimal>());
        // --set changes the parameters, not the files.
        Assert.Equal("files:" + filesAsShipped, history[1].Source);
        Assert.NotEqual(filesAsShipped, filesEdited);
        Assert.Equal("files:" + filesEdited, history[0].Source);
        Assert.Equal(0.32, history[0].ReadParameters()["regime"]!["bullish_threshold"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("alice", "bob", "alice")]
    [InlineData(null, "bob", "bob")]
    [InlineData(" ", "bob", "bob")]
    [InlineData(null, null, null)]
    public async Task The_user_who_applies_comes_from_USER_then_USERNAME_of_the_environment(string? user, string? userName, string? expected)
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");
        var environment = new Dictionary<string, string>();
        if (user is not null)
        {
            environment["USER"] = user;
        }

        if (userName is not null)
        {
            environment["USERNAME"] = userName;
        }

        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, environment, _time, "--db", db, "config", "apply");

        Assert.True(result.ExitCode == 0, result.Error);
        var active = (await new TradingConfigRepository(await OpenAsync(db)).GetActiveAsync("capital-allocator", TestContext.Current.CancellationToken))!;
        Assert.Equal((expected ?? Environment.UserName, Now), (active.CreatedBy, active.StartDate));
    }

    [Fact]
    public async Task History_lists_every_version_newest_first_and_filters_by_strategy()
    {
        var db = _dir.File("t.db");
        await SeedAsync(db, "capital-allocator", Allocator(), T0, "first", TradingConfigSource.Files(new string('a', 64)));
        await SeedAsync(db, "multi-asset", MultiAsset(), T0.AddHours(1), source: TradingConfigSource.Files(new string('c', 64)));
        await SeedAsync(db, "capital-allocator", Allocator(bullish: 0.4, highRisk: 0.25), T1, "more risk", TradingConfigSource.File(new string('b', 64)));

        var all = await RunAsync("--db", db, "config", "history");
        var one = await RunAsync("--db", db, "config", "history", "--strategy", "multi-asset");

        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Equal(
            [
                ["id", "strategy", "active", "start", "end", "created by", "source", "notes"],
                ["3", "capital-allocator", "yes", "2024-06-03T13:02:12Z", "", "seed", "file:bbbbbbbbbbbb", "more risk"],
                ["2", "multi-asset", "yes", "2024-05-20T13:41:07Z", "", "seed", "files:cccccccccccc", ""],
                ["1", "capital-allocator", "", "2024-05-20T12:41:07Z", "2024-06-03T13:02:12Z", "seed", "files:aaaaaaaaaaaa", "first"],
            ],
            TableRows(all.Output));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal([["2", "multi-asset"]], TableRows(one.Output).Skip(1).Select(r => r.Take(2).ToArray()));
    }

    [Fact]
    public async Task History_of_an_empty_registry_says_how_to_start_and_an_unknown_strategy_names_the_stored_ones()
    {
        var db = _dir.File("t.db");

        var empty = await RunAsync("--db", db, "config", "history");
        await SeedAsync(db, "capital-allocator", Allocator(), T0);
        await SeedAsync(db, "multi-asset", MultiAsset(), T0);
        var unknown = await RunAsync("--db", db, "config", "history", "--strategy", "capital-alocator");

        Assert.Equal(0, empty.ExitCode);
        Assert.Empty(empty.Output);
        Assert.Contains(
            "no configuration versions stored yet; store one with 'tradewind config apply' (from the configuration files) or 'tradewind config apply --parameters FILE.json'",
            empty.Error,
            StringComparison.Ordinal);
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
        await SeedAsync(db, "capital-allocator", Allocator(), T0);
        await SeedAsync(db, "capital-allocator", Allocator(bullish: 0.4, highRisk: 0.25), T1);

        var rollback = await RunAsync("--db", db, "config", "rollback", "1", "--notes", "v2 lost money");
        var toActive = await RunAsync("--db", db, "config", "rollback", "3");
        var toSame = await RunAsync("--db", db, "config", "rollback", "1");

        Assert.True(rollback.ExitCode == 0, rollback.Error);
        Assert.StartsWith("capital-allocator: version 3 is now active, with the parameters of version 1; version 2 closed. Changes from version 2:", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("path", "version 2", "version 3"),
                ("allocation.high_risk", "0.25", "0.3"),
                ("regime.bullish_threshold", "0.4", "0.3"),
            ],
            TableRows(rollback.Output).Select(r => (r[0], r[1], r[2])));
        Assert.Equal((0, "capital-allocator: version 3 is the active version already; nothing changed"), (toActive.ExitCode, toActive.Output.Trim()));
        Assert.Equal((0, "capital-allocator: the parameters of version 1 are already active (version 3); nothing changed"), (toSame.ExitCode, toSame.Output.Trim()));

        var history = await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([3L, 2, 1], history.Select(v => v.Id));
        Assert.Equal(("rollback:1", "v2 lost money", "alice", Now), (history[0].Source, history[0].Notes, history[0].CreatedBy, history[0].StartDate));
        Assert.Equal(Now, history[1].EndDate);
        Assert.Equal(history[2].Parameters, history[0].Parameters);
        Assert.Equal([true, false, false], history.Select(v => v.IsActive));
    }

    [Fact]
    public async Task Diff_versions_prints_the_changed_paths_and_succeeds_whether_or_not_they_differ()
    {
        var db = _dir.File("t.db");
        await SeedAsync(db, "capital-allocator", Allocator(), T0);
        await SeedAsync(db, "capital-allocator", Allocator(bullish: 0.4, highRisk: 0.25), T1);
        await SeedAsync(db, "capital-allocator", Allocator(), T1.AddDays(1));

        var diff = await RunAsync("--db", db, "config", "diff-versions", "2", "1");
        var same = await RunAsync("--db", db, "config", "diff-versions", "1", "3");

        Assert.True(diff.ExitCode == 0, diff.Error);
        Assert.Equal(
            [
                ["path", "version 2", "version 1"],
                ["allocation.high_risk", "0.25", "0.3"],
                ["regime.bullish_threshold", "0.4", "0.3"],
            ],
            TableRows(diff.Output));
        Assert.Equal((0, "versions 1 and 3 have the same parameters"), (same.ExitCode, same.Output.Trim()));
    }

    public static TheoryData<string, string, string[]> BadInputs => new()
    {
        { "rollback to an unknown version", "version 42: no such configuration version; 'tradewind config history' lists the stored versions", ["config", "rollback", "42"] },
        { "diff with an unknown version", "version 9: no such configuration version; 'tradewind config history' lists the stored versions", ["config", "diff-versions", "1", "9"] },
        { "missing parameters file", "--parameters missing.json: file not found; give the path of a JSON file that holds the strategy's parameters as one object", ["config", "apply", "--parameters", "missing.json"] },
        { "file not JSON", "broken.json:3: not valid JSON: '}' is an invalid start of a value; fix the file and apply again", ["config", "apply", "--parameters", "broken.json"] },
        { "file not an object", "array.json: the parameters must be one JSON object ({ \"name\": value, ... }), not an array; put them in an object and apply again", ["config", "apply", "--parameters", "array.json"] },
        { "repeated key", "duplicate.json: not valid JSON: Duplicate property 'daily_capital' encountered during deserialization; fix the file and apply again", ["config", "apply", "--parameters", "duplicate.json"] },
        { "null value", "null.json: regime.bullish_threshold: null is not a value; give one, or leave the key out to keep the configuration's value", ["config", "apply", "--parameters", "null.json"] },
        { "key that is not a name", "dotted.json: regime: 'bullish.threshold' is not a parameter name: names are snake_case words of letters, digits and _, e.g. bullish_threshold", ["config", "apply", "--parameters", "dotted.json"] },
        { "blank strategy", "--strategy: give the strategy's name, e.g. --strategy capital-allocator", ["config", "apply", "--strategy", " ", "--parameters", "good.json"] },
        { "unknown strategy of a parameters file", "--strategy: 'trend' has no parameters in the configuration; known strategies: capital-allocator, multi-asset", ["config", "apply", "--strategy", "trend", "--parameters", "good.json"] },
        { "unknown strategy of the files", "--strategy: 'trend' has no parameters in the configuration; known strategies: capital-allocator, multi-asset", ["config", "apply", "--strategy", "trend"] },
        {
            "strategy.name without parameters",
            "strategy.name (the default of --strategy): 'trend' has no parameters in the configuration; known strategies: capital-allocator, multi-asset",
            ["--set", "strategy.name=trend", "config", "apply", "--parameters", "good.json"]
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_clear_line_with_exit_code_1_and_stores_nothing(string kind, string message, string[] args)
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");
        await SeedAsync(db, "capital-allocator", Allocator(), T0);
        _dir.Write("good.json", """{ "regime": { "bullish_threshold": 0.4 } }""");
        _dir.Write("broken.json", "{\n  \"daily_capital\": 1,\n  \"lookback_days\": }\n");
        _dir.Write("array.json", "[1, 2]");
        _dir.Write("duplicate.json", """{"daily_capital": 1000, "daily_capital": 2000}""");
        _dir.Write("null.json", """{"regime": {"bullish_threshold": null}}""");
        _dir.Write("dotted.json", """{"regime": {"bullish.threshold": 0.4}}""");

        var result = await RunAsync(["--db", db, .. args]);

        Assert.True(result.ExitCode == 1, $"{kind}: exit {result.ExitCode}, {result.Error}");
        Assert.Equal("error: " + message, result.Error.Trim());
        Assert.Empty(result.Output);
        Assert.Single(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("config", "apply")]
    [InlineData("config", "apply", "--parameters", "good.json")]
    public async Task Apply_needs_a_configuration_to_validate_the_parameters_against(params string[] args)
    {
        var db = _dir.File("t.db");
        _dir.Write("good.json", """{ "regime": { "bullish_threshold": 0.4 } }""");

        var result = await RunAsync(["--db", db, .. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: no configuration in {Path.Combine(_dir.Path, "config", "base")}; create one with 'tradewind init' (the parameters are validated against it, also those of a --parameters file)",
            result.Error.Trim());
        Assert.Empty(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Cannot parse argument 'latest'", "config", "rollback", "latest")]
    [InlineData("Required argument 'B' missing for command: 'diff-versions'", "config", "diff-versions", "1")]
    public async Task Command_line_mistakes_are_usage_errors(string message, params string[] args)
    {
        var result = await RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_refuses_an_invalid_configuration_and_stores_nothing()
    {
        CopyShippedConfiguration();
        var db = _dir.File("t.db");

        var result = await RunAsync("--db", db, "--set", "strategy.capital_allocator.regime.bearish_threshold=0.5", "config", "apply");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the configuration (development) is not valid, so nothing was applied", result.Error, StringComparison.Ordinal);
        Assert.Contains(
            "error: strategy.capital_allocator.regime.bearish_threshold: 0.5 must be less than bullish_threshold (0.3) (from --set strategy.capital_allocator.regime.bearish_threshold=0.5)",
            result.Error,
            StringComparison.Ordinal);
        Assert.Empty(await new TradingConfigRepository(await OpenAsync(db)).HistoryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRun.RunWithEnvironmentAsync(_dir.Path, _environment, _time, args);

    /// <summary>The capital allocator's parameters as the shipped files define them, with the given values changed.</summary>
    private static JsonObject Allocator(double bullish = 0.3, double highRisk = 0.3) =>
        StrategyParameters.From(
            new StrategySettings
            {
                CapitalAllocator = new CapitalAllocatorSettings
                {
                    Regime = new RegimeSettings { BullishThreshold = bullish },
                    Allocation = new AllocationSettings { HighRisk = highRisk },
                },
            },
            "capital-allocator");

    private static JsonObject MultiAsset() => StrategyParameters.From(new StrategySettings(), "multi-asset");

    /// <summary>Stores a version through the repository, as user "seed", at <paramref name="at"/>.</summary>
    private async Task SeedAsync(string db, string strategy, JsonObject parameters, DateTimeOffset at, string? notes = null, string? source = null)
    {
        var repository = new TradingConfigRepository(await OpenAsync(db));
        var result = await repository.ApplyAsync(
            strategy, parameters, source ?? TradingConfigSource.Files(new string('0', 64)), "seed", notes, at, TestContext.Current.CancellationToken);
        Assert.True(result.Created);
    }

    /// <summary>
    /// The files hash, computed here from the files themselves: each file of config/base, config/development and
    /// config/local in name order, as its path relative to the working directory and a line feed, then its bytes.
    /// </summary>
    private string ExpectedFilesHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var folder in new[] { "base", "development", "local" })
        {
            var directory = Path.Combine(_dir.Path, "config", folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"config/{folder}/{Path.GetFileName(file)}\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

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

    private async Task<TradewindDatabase> OpenAsync(string db) =>
        await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(db, _dir.Path), TestContext.Current.CancellationToken);

    private async Task<string> DatabaseSettingAsync(DatabaseDialect dialect) =>
        dialect == DatabaseDialect.Sqlite ? _dir.File("tradewind.db") : await postgres.CreateDatabaseAsync();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
