using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

/// <summary><c>bots list</c> and the bot documents in <c>config validate</c>, on real files in a copy of the shipped config/.</summary>
public sealed class BotsCommandsTests : IDisposable
{
    // Issue #3's document exactly as printed there (shared with the Configuration tests).
    private const string IssueJson = BotDocumentExamples.IssueJson;

    private readonly TempDirectory _dir = new();

    public BotsCommandsTests()
    {
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "config"), Path.Combine(_dir.Path, "config"));
        foreach (var (template, file) in new[] { ("paper-bot", "paper_bot_001.yaml"), ("live-bot", "live_bot_001.yaml") })
        {
            File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Tradewind.Configuration", "Templates", template, "config", "bots", file),
                Path.Combine(_dir.Path, "config", "bots", file));
        }

        _dir.Write("config/bots/btc_scalper_001.json", IssueJson);
    }

    [Fact]
    public async Task Config_validate_accepts_the_issue_document_and_the_templates_in_production()
    {
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, ProductionVariables(), "config", "validate", "--env", "production");
        Assert.Equal(0, result.ExitCode);
        // The only warning is the shipped settings' paper broker; no bot document has a problem.
        Assert.Equal("warning: system.broker: the production environment uses the paper broker: no real orders will be sent (from config/base/system.yaml)", result.OutputLines[0]);
        Assert.StartsWith("valid: environment production;", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.EndsWith("; bots: 3 documents; 1 warning", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.Equal(2, result.OutputLines.Length);
    }

    [Fact]
    public async Task Config_validate_lists_bot_errors_with_the_settings_ones_and_fails()
    {
        _dir.Write("config/production/bots/btc_scalper_001.yaml", "risk_management:\n  take_profit_pct: 1.5\n");
        _dir.Write("config/local/bots/live_bot_001.yaml", "strategy_params:\n  entry_logic:\n    params:\n      x_atr_period: 14\n");
        var result = await CliRun.RunAsync(_dir.Path, "config", "validate", "--env", "production");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: risk_management.take_profit_pct: take_profit_pct (1.5) / stop_loss_pct (2) = 0.75, less than 1.0: a winning trade would gain less than a losing one loses; raise take_profit_pct or lower stop_loss_pct (from config/production/bots/btc_scalper_001.yaml)", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: strategy_params.entry_logic.params.x_atr_period: the x_ prefix marks exit parameters", StringComparison.Ordinal)
            && l.EndsWith("(from config/local/bots/live_bot_001.yaml)", StringComparison.Ordinal));
        // The settings' own errors (production variables unset) are listed too, errors before warnings.
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: system.database: variable TRADEWIND_DATABASE_URL is not set", StringComparison.Ordinal));
        Assert.StartsWith("warning: ", result.OutputLines[^2], StringComparison.Ordinal);
        Assert.StartsWith("invalid: 4 errors, 1 warning; environment production;", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_validate_without_bot_documents_says_nothing_about_bots()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_dir.Path, "config", "bots"), "*_*"))
        {
            File.Delete(file);
        }

        var result = await CliRun.RunAsync(_dir.Path, "config", "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("bots:", Assert.Single(result.OutputLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bots_list_shows_every_bot_active_in_its_environment()
    {
        var result = await CliRun.RunAsync(_dir.Path, "bots", "list", "--env", "production");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["id", "symbol", "timeframe", "broker", "environment", "status", "file"], Cells(Row(result, "id")));
        Assert.Equal(["btc_scalper_001", "BTCUSDT", "5m", "binance_live", "production", "active", "config/bots/btc_scalper_001.json"], Cells(Row(result, "btc_scalper_001")));
        Assert.Equal(["live_bot_001", "BTCUSDT", "1h", "binance_live", "production", "active", "config/bots/live_bot_001.yaml"], Cells(Row(result, "live_bot_001")));
        Assert.Equal(["paper_bot_001", "BTCUSDT", "1h", "paper", "development", "inactive", "config/bots/paper_bot_001.yaml"], Cells(Row(result, "paper_bot_001")));
        Assert.Equal("3 bot(s) in environment production: 2 active, 1 inactive, 0 invalid", result.OutputLines[^1]);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Bots_list_defaults_to_the_environment_of_TRADEWIND_ENVIRONMENT_then_development()
    {
        var development = await CliRun.RunAsync(_dir.Path, "bots", "list");
        Assert.Equal("active", Cells(Row(development, "paper_bot_001"))[5]);
        Assert.Equal("inactive", Cells(Row(development, "btc_scalper_001"))[5]);

        var staging = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string> { ["TRADEWIND_ENVIRONMENT"] = "staging" }, "bots", "list");
        Assert.All(new[] { "paper_bot_001", "btc_scalper_001", "live_bot_001" }, id => Assert.Equal("inactive", Cells(Row(staging, id))[5]));
    }

    [Fact]
    public async Task Bots_list_shows_an_invalid_document_prints_the_problems_and_exits_1()
    {
        _dir.Write("config/bots/eth_bot.yaml", "bot_id: eth_bot\nenvironment: production\nversion: 1.0.0\nsymbol: ETHUSDT\ntimeframe: 2h\nbroker_type: binance_live\ninitial_balance: 5000\n" +
            "strategy_params:\n  entry_logic:\n    name: RSIOrBB\n  exit_logic:\n    name: ATRExit\n");
        _dir.Write("config/production/bots/btc_scalper_001.yaml", "risk_management:\n  max_open_trades: 30\n");

        var result = await CliRun.RunAsync(_dir.Path, "bots", "list", "--env", "production");

        Assert.Equal(1, result.ExitCode);
        // What the file says, not a default, for the key that failed.
        Assert.Equal(["eth_bot", "ETHUSDT", "2h", "binance_live", "production", "invalid", "config/bots/eth_bot.yaml"], Cells(Row(result, "eth_bot")));
        Assert.Equal(["btc_scalper_001", "BTCUSDT", "5m", "binance_live", "production", "invalid", "config/bots/btc_scalper_001.json < config/production/bots/btc_scalper_001.yaml"],
            Cells(Row(result, "btc_scalper_001")));
        Assert.Equal("active", Cells(Row(result, "live_bot_001"))[5]);
        Assert.Equal("4 bot(s) in environment production: 1 active, 1 inactive, 2 invalid", result.OutputLines[^1]);
        var problems = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, problems.Length);
        Assert.Contains("error: timeframe: '2h' is not one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w (did you mean '1h'?) (from config/bots/eth_bot.yaml)", problems);
        Assert.Contains("error: risk_management.max_open_trades: 30 is out of range: must be in [1, 10] (from config/production/bots/btc_scalper_001.yaml)", problems);
        Assert.Equal("invalid: 2 error(s) in the bot documents; fix them (see also 'tradewind config validate')", problems[^1]);
    }

    [Fact]
    public async Task Bots_list_without_documents_says_so_and_succeeds()
    {
        using var empty = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(empty.Path, "config"));
        var result = await CliRun.RunAsync(empty.Path, "bots", "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("no bot documents: write one per bot as config/bots/<bot_id>.yaml or .json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bots_list_outside_a_configuration_tree_or_with_an_unknown_environment_fails_with_one_line()
    {
        using var empty = new TempDirectory();
        var nowhere = await CliRun.RunAsync(empty.Path, "bots", "list");
        Assert.Equal(1, nowhere.ExitCode);
        Assert.StartsWith("error: no configuration here:", nowhere.Error, StringComparison.Ordinal);

        var unknown = await CliRun.RunAsync(_dir.Path, "bots", "list", "--env", "prod");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error: unknown environment 'prod'; known environments: development, production, staging", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bots_list_and_validate_never_show_a_secret_written_in_a_bot_document()
    {
        const string secret = "sk-live-BINANCE-secret-246810";
        _dir.Write("config/local/bots/live_bot_001.yaml", $"api_secret: {secret}\nstrategy_params:\n  entry_logic:\n    params:\n      token: {secret}\n");
        _dir.Write("config/production/bots/live_bot_001.yaml", $"description: Password={secret}\n");
        foreach (var args in new[] { new[] { "bots", "list", "--env", "production" }, ["config", "validate", "--env", "production"] })
        {
            var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, ProductionVariables(), args);
            Assert.Equal(1, result.ExitCode);
            Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal);
            Assert.Contains("error: api_secret: unknown key 'api_secret'", result.Output + result.Error, StringComparison.Ordinal);
            Assert.Contains("warning: description: a secret is written literally in the committed file config/production/bots/live_bot_001.yaml", result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bots_keys_prints_the_reference_table()
    {
        var result = await CliRun.RunAsync(_dir.Path, "bots", "keys");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("| key | type | default | range | meaning |", result.Output, StringComparison.Ordinal);
        Assert.Contains("| `risk_management.position_size` | number | `0.1` | (0, 1] |", result.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ProductionVariables() => new()
    {
        ["TRADEWIND_DATABASE_URL"] = "postgresql://trader:Db-Password-Secret-9876@127.0.0.1:1/tradewind",
        ["ALPHAVANTAGE_API_KEY"] = "AV-API-KEY-SECRET-5555",
    };

    private static string Row(CliResult result, string id) =>
        result.OutputLines.Single(l => l.StartsWith('│') && Cells(l)[0] == id);

    private static string[] Cells(string row) =>
        row.Trim('│').Split('│').Select(c => c.Trim()).ToArray();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) != "local"))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    public void Dispose() => _dir.Dispose();
}
