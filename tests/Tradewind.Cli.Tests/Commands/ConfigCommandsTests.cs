using System.Text.Json;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class ConfigCommandsTests : IDisposable
{
    private const string DatabasePassword = "Db-Password-Secret-9876";
    private const string ApiKey = "AV-API-KEY-SECRET-5555";
    private const string SlackWebhook = "https://hooks.slack.com/services/T0/B0/SLACK-SECRET-4321";
    private const string BotToken = "123456:TELEGRAM-SECRET-7777";
    private const string SmtpPassword = "smtp-SECRET-pass-3333";
    private const string ShortSecret = "tiny9";

    private readonly TempDirectory _dir = new();

    public ConfigCommandsTests()
    {
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "config"), Path.Combine(_dir.Path, "config"));
    }

    [Fact]
    public async Task Validate_prints_valid_with_the_environment_and_layers()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "valid: environment development; layers: defaults < config/base (9 files) < config/development (1 file) < config/local (none) < .env (none) < environment (0 keys) < --set (0 keys)",
            Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Validate_production_without_its_variables_fails_naming_keys_and_variables()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "validate", "--env", "production");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: data.alphavantage.api_key: variable ALPHAVANTAGE_API_KEY is not set; set it in the environment or in .env, or give a default: ${ALPHAVANTAGE_API_KEY:-value} (from config/production/data.yaml)", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: system.database: variable TRADEWIND_DATABASE_URL is not set", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("warning: system.broker: the production environment uses the paper broker", StringComparison.Ordinal));
        Assert.StartsWith("invalid: 2 errors, 1 warning; environment production", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_production_with_its_variables_is_valid_with_a_warning()
    {
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, Secrets(), "--env", "production", "config", "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: system.broker:", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("valid: environment production;", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.EndsWith("; 1 warning", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_every_error_of_every_layer_at_once()
    {
        Write("config/local/risk.yaml", "risk:\n  max_gros_exposure: 1\n  levels:\n    - drawdown_pct: 10\n      exposure: 0.5\n    - drawdown_pct: 5\n      exposure: 0.2\n");
        var environment = new Dictionary<string, string> { ["TRADEWIND__SCHEDULE__CALENDAR"] = "LSE" };
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, environment, "config", "validate", "--set", "assets.cash_buffer=abc");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: assets.cash_buffer: 'abc' is not a number (from --set assets.cash_buffer=abc)", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: risk.max_gros_exposure: unknown key 'max_gros_exposure' (did you mean 'max_gross_exposure'?)", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: risk.levels[1].drawdown_pct: 5 is not greater than risk.levels[0].drawdown_pct (10)", StringComparison.Ordinal) && l.EndsWith("(from config/local/risk.yaml)", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: schedule.calendar: 'LSE' is not a known calendar", StringComparison.Ordinal) && l.EndsWith("(from environment variable TRADEWIND__SCHEDULE__CALENDAR)", StringComparison.Ordinal));
        Assert.StartsWith("invalid: 4 errors;", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_every_effective_value_in_file_spelling()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "show", "--set", "risk.levels[0].exposure=0.7");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("system.log_level = debug", result.OutputLines);
        Assert.Contains("risk.levels[0].exposure = 0.7", result.OutputLines);
        Assert.Contains("data.fallback = []", result.OutputLines);
        Assert.Contains("assets.universe[2].symbol = DIA", result.OutputLines);
        Assert.Contains("compliance.wash_sale.window_days = 30", result.OutputLines);
        Assert.Equal("system.name = tradewind", result.OutputLines[0]);
    }

    [Fact]
    public async Task Show_sources_names_the_layer_of_each_value()
    {
        Write(".env", "TRADEWIND__RISK__MAX_DAILY_TURNOVER=0.3\n");
        var environment = new Dictionary<string, string> { ["TRADEWIND__DATA__SIM__SEED"] = "7" };
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, environment, "config", "show", "--sources", "--env", "staging");
        Assert.Equal(0, result.ExitCode);
        string Line(string key) => result.OutputLines.Single(l => l.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.EndsWith("# config/staging/system.yaml", Line("system.log_level"), StringComparison.Ordinal);
        Assert.EndsWith("# config/staging/system.yaml via ${TRADEWIND_DATABASE_URL}", Line("system.database"), StringComparison.Ordinal);
        Assert.EndsWith("# config/base/risk.yaml", Line("risk.max_position_weight"), StringComparison.Ordinal);
        Assert.EndsWith("# TRADEWIND__RISK__MAX_DAILY_TURNOVER in .env", Line("risk.max_daily_turnover"), StringComparison.Ordinal);
        Assert.EndsWith("# environment variable TRADEWIND__DATA__SIM__SEED", Line("data.sim.seed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_is_one_document_shaped_like_the_files()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "show", "--json", "--env", "staging");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("information", json.RootElement.GetProperty("system").GetProperty("log_level").GetString());
        Assert.Equal("data/tradewind-staging.db", json.RootElement.GetProperty("system").GetProperty("database").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("risk").GetProperty("levels").GetArrayLength());
        Assert.Equal("0.75", json.RootElement.GetProperty("risk").GetProperty("levels")[0].GetProperty("exposure").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("data").GetProperty("fallback").GetArrayLength());

        var withSources = await CliRun.RunAsync(_dir.Path, "config", "show", "--json", "--sources");
        using var sourced = JsonDocument.Parse(withSources.Output);
        var level = sourced.RootElement.GetProperty("system").GetProperty("log_level");
        Assert.Equal("debug", level.GetProperty("value").GetString());
        Assert.Equal("config/development/system.yaml", level.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Diff_lists_the_keys_that_differ_between_two_environments()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "diff", "--env", "development", "--env", "staging");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "system.database",
                "development: data/tradewind.db  # config/base/system.yaml",
                "staging: data/tradewind-staging.db  # config/staging/system.yaml via ${TRADEWIND_DATABASE_URL}",
                "system.log_level",
                "development: debug  # config/development/system.yaml",
                "staging: information  # config/staging/system.yaml",
                "2 key(s) differ between development and staging",
            ],
            result.OutputLines);
    }

    [Fact]
    public async Task Diff_of_an_environment_with_itself_finds_nothing()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "diff", "--env", "staging", "--env", "staging");
        Assert.Equal(["no differences between staging and staging"], result.OutputLines);
    }

    [Fact]
    public async Task Diff_needs_two_environments_and_other_commands_one()
    {
        var diff = await CliRun.RunAsync(_dir.Path, "config", "diff", "--env", "staging");
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("config diff compares two environments", diff.Error, StringComparison.Ordinal);
        var show = await CliRun.RunAsync(_dir.Path, "config", "show", "--env", "staging", "--env", "production");
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("--env is given 2 times", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_environment_fails_listing_the_known_ones()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "validate", "--env", "prod");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: unknown environment 'prod'", result.Error, StringComparison.Ordinal);
        Assert.Contains("known environments: development, production, staging", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_may_come_from_TRADEWIND_ENVIRONMENT()
    {
        var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string> { ["TRADEWIND_ENVIRONMENT"] = "staging" }, "config", "validate");
        Assert.StartsWith("valid: environment staging;", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_prints_the_reference_table_of_the_docs()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "keys");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("| key | type | default | range | meaning |", result.Output, StringComparison.Ordinal);
        var doc = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "configuration.md"), TestContext.Current.CancellationToken);
        Assert.Contains(result.Output.TrimEnd(), doc.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_appears_in_the_output_of_any_config_command()
    {
        Write(".env", $"SLACK_WEBHOOK_URL={SlackWebhook}\nTELEGRAM_BOT_TOKEN='{BotToken}'\nTELEGRAM_CHAT_ID=-100123\n");
        Write("config/local/notifications.yaml", $"notifications:\n  slack:\n    enabled: true\n  telegram:\n    enabled: true\n  email:\n    password: {SmtpPassword}\n    username: {ShortSecret}x\n");
        // A literal secret in a committed file: warned about, still masked.
        Write("config/staging/notifications.yaml", "notifications:\n  discord:\n    webhook_url: https://discord.example/api/webhooks/DISCORD-SECRET-1111\n");
        var environment = Secrets();
        environment["TRADEWIND__NOTIFICATIONS__EMAIL__PASSWORD"] = ShortSecret;
        string[][] commands =
        [
            ["config", "validate", "--env", "production"],
            ["config", "validate", "--env", "staging"],
            ["config", "show", "--env", "production"],
            ["config", "show", "--env", "production", "--json"],
            ["config", "show", "--env", "production", "--sources"],
            ["config", "show", "--env", "staging", "--json", "--sources"],
            ["config", "diff", "--env", "staging", "--env", "production"],
            // Invalid on purpose: every error message must mask too.
            ["config", "validate", "--env", "production", "--set", "notifications.telegram.chat_id=", "--set", "data.alphavantage.api_key.x=" + ApiKey, "--set", "system.database=Host=db;Password=" + DatabasePassword],
            ["config", "show", "--env", "production", "--set", "system.database=postgres://u:" + DatabasePassword + "@/"],
            // A mistyped secret key is unknown, so nothing says it is secret: it is masked anyway.
            ["config", "validate", "--set", "data.alphavantage.api_kye=" + ApiKey, "--set", "notifications.slack.webhookurl=" + SlackWebhook],
            ["config", "show", "--set", "data.alphavantage.api_kye=" + ApiKey, "--set", "notifications.slack.webhookurl=" + SlackWebhook],
            ["config", "show", "--json", "--sources", "--set", "data.alphavantage.api_kye=" + ApiKey],
            ["config", "diff", "--env", "development", "--env", "staging", "--set", "data.alphavantage.api_kye=" + ApiKey],
            // A value written where a section belongs cannot be recognised as a secret by its key either.
            ["config", "show", "--set", "data.alphavantage=" + ApiKey],
            ["config", "validate", "--set", "data.alphavantage=" + ApiKey],
            // A --set without '=' cannot tell key from value: the message quotes neither.
            ["config", "validate", "--set", "data.alphavantage.api_key:" + ApiKey],
            ["--env", "production", "data", "list", "--set", "system.database=Host=db;Password=" + DatabasePassword + ";Username=u"],
        ];
        foreach (var command in commands)
        {
            var result = await CliRun.RunWithEnvironmentAsync(_dir.Path, environment, command);
            var all = result.Output + result.Error;
            foreach (var secret in new[] { DatabasePassword, ApiKey, SlackWebhook, BotToken, SmtpPassword, "DISCORD-SECRET-1111" })
            {
                Assert.False(all.Contains(secret[..^4], StringComparison.Ordinal), $"'{string.Join(' ', command)}' printed (part of) a secret:\n{all}");
            }

            Assert.DoesNotContain("= " + ShortSecret + "\n", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_configured_database_is_the_fallback_after_db_and_TRADEWIND_DB()
    {
        Write("config/local/system.yaml", "system:\n  database: data/from-config.db\n");
        var fromConfig = await CliRun.RunAsync(_dir.Path, "data", "list");
        Assert.Equal(0, fromConfig.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "from-config.db")));

        var fromVariable = await CliRun.RunWithEnvironmentAsync(_dir.Path, new Dictionary<string, string> { ["TRADEWIND_DB"] = "data/from-variable.db" }, "data", "list");
        Assert.Equal(0, fromVariable.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "from-variable.db")));

        var fromOption = await CliRun.RunAsync(_dir.Path, "--db", "data/from-option.db", "data", "list");
        Assert.Equal(0, fromOption.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "from-option.db")));

        var fromSet = await CliRun.RunAsync(_dir.Path, "data", "list", "--set", "system.database=data/from-set.db");
        Assert.Equal(0, fromSet.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "from-set.db")));
    }

    [Fact]
    public async Task An_invalid_configuration_is_not_used_for_the_database()
    {
        var result = await CliRun.RunAsync(_dir.Path, "--env", "production", "data", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the configuration (production) is invalid, so its system.database cannot be used", result.Error, StringComparison.Ordinal);
        Assert.Contains("variable TRADEWIND_DATABASE_URL is not set", result.Error, StringComparison.Ordinal);
        Assert.Contains("--db", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Secrets() => new()
    {
        ["TRADEWIND_DATABASE_URL"] = $"postgresql://trader:{DatabasePassword}@127.0.0.1:1/tradewind",
        ["ALPHAVANTAGE_API_KEY"] = ApiKey,
    };

    private void Write(string relativePath, string content) => _dir.Write(relativePath, content);

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
