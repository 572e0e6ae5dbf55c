using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Settings;
using static Tradewind.Configuration.Tests.Bots.BotDocumentSamples;

namespace Tradewind.Configuration.Tests.Bots;

/// <summary>Loading bot documents from real files: accepted documents, layering by environment, and the checks between files.</summary>
public sealed class BotDocumentLoaderTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Fact]
    public void The_issue_document_validates_unchanged_in_production_with_the_shipped_config()
    {
        _folder.Write("config/bots/btc_scalper_001.json", IssueJson);
        _folder.Variables["TRADEWIND_DATABASE_URL"] = "postgresql://trader:SuperSecretPass123@db:5432/tradewind";
        _folder.Variables["ALPHAVANTAGE_API_KEY"] = "ABCDEFGH12345678";

        var settings = _folder.Load("production");
        var bots = _folder.LoadBots("production");

        Assert.True(settings.IsValid, string.Join("\n", settings.Problems));
        Assert.True(bots.IsValid, string.Join("\n", bots.Problems));
        Assert.Empty(bots.Problems);
        var bot = Assert.Single(bots.Documents);
        Assert.Equal("btc_scalper_001", bot.BotId);
        Assert.Equal("config/bots/btc_scalper_001.json", bot.File);
        Assert.Equal(BotStatus.Active, bot.StatusIn("production"));
        var document = bot.Document;
        Assert.Equal(BotEnvironment.Production, document.Environment);
        Assert.Equal(BotTimeframe.FiveMinutes, document.Timeframe);
        Assert.Equal(BrokerKind.BinanceLive, document.BrokerType);
        Assert.Equal(25000.0m, document.InitialBalance);
        Assert.Equal(0.001m, document.Commission);
        Assert.Equal("RSIOrBBEntryMixin", document.StrategyParams.EntryLogic.Name);
        Assert.Equal("2.0", document.StrategyParams.EntryLogic.Params["e_bb_dev"]);
        Assert.Equal(4, document.StrategyParams.ExitLogic.Params.Count);
        Assert.Equal(2, document.RiskManagement.MaxOpenTrades);
        Assert.Equal(100.0m, document.RiskManagement.MaxDailyLoss);
        Assert.Equal(PositionSizing.Percent, document.RiskManagement.PositionSizing);
        Assert.Equal(ReportFrequency.Daily, document.Notifications.PerformanceReports);
        Assert.Equal(BotLogLevel.Info, document.Logging.Level);
        Assert.Equal("config/bots/btc_scalper_001.json", bot.Find("risk_management.take_profit_pct")!.Origin);
    }

    [Fact]
    public void The_issue_document_is_inactive_in_another_environment()
    {
        _folder.Write("config/bots/btc_scalper_001.json", IssueJson);
        var bots = _folder.LoadBots("staging");
        Assert.True(bots.IsValid, string.Join("\n", bots.Problems));
        Assert.Equal(BotStatus.Inactive, Assert.Single(bots.Documents).StatusIn(bots.Environment));
    }

    [Theory]
    [InlineData("paper-bot", "paper_bot_001.yaml", "development")]
    [InlineData("live-bot", "live_bot_001.yaml", "production")]
    public void Both_template_documents_validate_without_problems(string template, string file, string environment)
    {
        _folder.Write("config/bots/" + file, Template(template, file));
        var bots = _folder.LoadBots(environment);
        Assert.True(bots.IsValid, string.Join("\n", bots.Problems));
        Assert.Empty(bots.Problems);
        Assert.Equal(BotStatus.Active, Assert.Single(bots.Documents).StatusIn(environment));
    }

    [Fact]
    public void The_templates_hold_what_the_issue_promises()
    {
        _folder.Write("config/bots/paper_bot_001.yaml", Template("paper-bot", "paper_bot_001.yaml"));
        _folder.Write("config/bots/live_bot_001.yaml", Template("live-bot", "live_bot_001.yaml"));
        var bots = _folder.LoadBots();
        var paper = bots.Find("paper_bot_001")!.Document;
        Assert.Equal((BrokerKind.Paper, 10000m, 0.001m), (paper.BrokerType, paper.InitialBalance, paper.Commission));
        Assert.Equal((5.0, 10.0, 10, 20.0), (paper.RiskManagement.StopLossPct, paper.RiskManagement.TakeProfitPct, paper.RiskManagement.MaxDailyTrades, paper.RiskManagement.MaxDrawdownPct));
        var live = bots.Find("live_bot_001")!.Document;
        Assert.Equal((BotEnvironment.Production, 3.0, 6.0, 5, 100m, 10.0, 0.01), (live.Environment, live.RiskManagement.StopLossPct, live.RiskManagement.TakeProfitPct,
            live.RiskManagement.MaxDailyTrades, live.RiskManagement.MaxDailyLoss, live.RiskManagement.MaxDrawdownPct, live.RiskManagement.RiskPerTrade));
        Assert.Equal(PositionSizing.KellyCriterion, live.RiskManagement.PositionSizing);
        Assert.True(live.Notifications.TelegramEnabled && live.Notifications.EmailEnabled);
    }

    [Fact]
    public void A_tree_without_bot_documents_gives_an_empty_valid_set()
    {
        var bots = _folder.LoadBots();
        Assert.Empty(bots.Documents);
        Assert.True(bots.IsValid);
        Assert.Equal("development", bots.Environment);
    }

    [Fact]
    public void The_environment_overlay_overrides_one_key_and_its_value_names_that_file()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/production/bots/x.yaml", "risk_management:\n  stop_loss_pct: 3\n");

        var production = _folder.LoadBots("production");
        var development = _folder.LoadBots("development");

        var bot = Assert.Single(production.Documents);
        Assert.True(production.IsValid, string.Join("\n", production.Problems));
        Assert.Equal(3.0, bot.Document.RiskManagement.StopLossPct);
        Assert.Equal("config/production/bots/x.yaml", bot.Find("risk_management.stop_loss_pct")!.Origin);
        Assert.Equal(10.0, bot.Document.RiskManagement.TakeProfitPct);
        Assert.Equal("config/bots/x.yaml", bot.Find("risk_management.take_profit_pct")!.Origin);
        Assert.Equal(["config/bots/x.yaml", "config/production/bots/x.yaml"], bot.Layers.Select(l => l.File));
        Assert.Equal(5.0, Assert.Single(development.Documents).Document.RiskManagement.StopLossPct);
    }

    [Fact]
    public void Config_local_overrides_the_environment_overlay_and_a_problem_names_the_file_that_wrote_the_value()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/production/bots/x.yaml", "risk_management:\n  stop_loss_pct: 3\n");
        _folder.Write("config/local/bots/x.json", """{ "risk_management": { "stop_loss_pct": 60 } }""");

        var bots = _folder.LoadBots("production");

        var error = Assert.Single(bots.Errors);
        Assert.Equal("risk_management.stop_loss_pct", error.Path);
        Assert.Equal("60", error.Value);
        Assert.Equal("60 is out of range: must be in (0, 50]", error.Message);
        Assert.Equal("config/local/bots/x.json", error.Origin);
    }

    [Fact]
    public void An_overlay_that_breaks_a_cross_field_rule_is_blamed_for_it()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/production/bots/x.yaml", "risk_management:\n  max_open_trades: 20\n");
        _folder.Write("config/staging/bots/x.yaml", "risk_management:\n  max_open_trades: 10\n  position_size: 0.2\n");
        _folder.Write("config/development/bots/x.yaml", "risk_management:\n  stop_loss_pct: 12\n");

        var production = Assert.Single(_folder.LoadBots("production").Errors);
        Assert.Equal(("risk_management.max_open_trades", "20 is out of range: must be in [1, 10]"), (production.Path, production.Message));

        var staging = Assert.Single(_folder.LoadBots("staging").Errors);
        Assert.Equal("risk_management.position_size", staging.Path);
        Assert.StartsWith("position_size (0.2) x max_open_trades (10) = 2, more than 1.0", staging.Message, StringComparison.Ordinal);
        Assert.Equal("config/staging/bots/x.yaml", staging.Origin);

        var development = Assert.Single(_folder.LoadBots("development").Errors);
        Assert.Equal("risk_management.stop_loss_pct", development.Path);
        Assert.StartsWith("take_profit_pct (10) / stop_loss_pct (12) = 0.8333333333, less than 1.0", development.Message, StringComparison.Ordinal);
        Assert.Equal("config/development/bots/x.yaml", development.Origin);
    }

    [Fact]
    public void Variables_are_expanded_and_an_unset_one_is_an_error_naming_key_variable_and_file()
    {
        _folder.Write("config/bots/x.yaml", Paper("x")
            .Replace("initial_balance: 10000", "initial_balance: ${BOT_BALANCE:-2500}", StringComparison.Ordinal)
            .Replace("symbol: BTCUSDT", "symbol: ${BOT_SYMBOL}", StringComparison.Ordinal));

        var unset = _folder.LoadBots();
        var error = Assert.Single(unset.Errors);
        Assert.Equal("symbol", error.Path);
        Assert.StartsWith("variable BOT_SYMBOL is not set", error.Message, StringComparison.Ordinal);
        Assert.Equal("config/bots/x.yaml", error.Origin);

        _folder.Variables["BOT_SYMBOL"] = "ETHUSDT";
        _folder.Write(".env", "BOT_BALANCE=7500\n");
        var bot = Assert.Single(_folder.LoadBots().Documents);
        Assert.True(bot.IsValid, string.Join("\n", bot.Problems));
        Assert.Equal(("ETHUSDT", 7500m), (bot.Document.Symbol, bot.Document.InitialBalance));
        Assert.Equal("config/bots/x.yaml via ${BOT_SYMBOL}", bot.Find("symbol")!.Source);
    }

    [Fact]
    public void The_environment_comes_from_TRADEWIND_ENVIRONMENT_when_not_given()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Variables["TRADEWIND_ENVIRONMENT"] = "staging";
        Assert.Equal("staging", _folder.LoadBots().Environment);
        Assert.Throws<ConfigurationException>(() => _folder.LoadBots("prod"));
    }

    [Fact]
    public void Bot_id_must_equal_the_file_name()
    {
        _folder.Write("config/bots/eth_bot.yaml", Paper("btc_bot"));
        var error = Assert.Single(_folder.LoadBots().Errors);
        Assert.Equal("bot_id", error.Path);
        Assert.Equal("'btc_bot' differs from the file name 'eth_bot': bot_id must equal the file name without its extension; rename the file to btc_bot.yaml or set bot_id: eth_bot", error.Message);
        Assert.Equal("config/bots/eth_bot.yaml", error.Origin);
        Assert.Equal(BotStatus.Invalid, _folder.LoadBots().Documents[0].StatusIn("development"));
    }

    [Fact]
    public void Two_files_for_one_bot_are_an_error_on_each()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/bots/x.json", """{ "bot_id": "x" }""");
        var bots = _folder.LoadBots();
        Assert.Equal(2, bots.Documents.Count);
        Assert.Contains(bots.Errors, e => e.Origin == "config/bots/x.yaml" && e.Message == "config/bots/x.json also documents the bot 'x': keep one file per bot");
        Assert.Contains(bots.Errors, e => e.Origin == "config/bots/x.json" && e.Message == "config/bots/x.yaml also documents the bot 'x': keep one file per bot");
        Assert.DoesNotContain(bots.Errors, e => e.Message.Contains("is also the bot_id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bot_id_used_by_two_documents_is_an_error_on_each_ignoring_case()
    {
        _folder.Write("config/bots/Scalper.yaml", Paper("Scalper"));
        _folder.Write("config/bots/scalper_v2.yaml", Paper("scalper"));
        var bots = _folder.LoadBots();
        var duplicates = bots.Errors.Where(e => e.Message.Contains("is also the bot_id", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains(duplicates, e => e.Path == "bot_id" && e.Origin == "config/bots/Scalper.yaml" && e.Message == "'Scalper' is also the bot_id of config/bots/scalper_v2.yaml: each bot needs its own id");
        Assert.Contains(duplicates, e => e.Origin == "config/bots/scalper_v2.yaml" && e.Value == "scalper");
        // scalper_v2.yaml also says the wrong id for its name.
        Assert.Contains(bots.Errors, e => e.Origin == "config/bots/scalper_v2.yaml" && e.Message.StartsWith("'scalper' differs from the file name 'scalper_v2'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_overlay_without_a_document_is_an_error_with_a_suggestion()
    {
        _folder.Write("config/bots/btc_scalper_001.json", IssueJson);
        _folder.Write("config/production/bots/btc_scalper_01.yaml", "risk_management:\n  stop_loss_pct: 3\n");
        var bots = _folder.LoadBots("production");
        var error = Assert.Single(bots.Errors);
        Assert.Equal("config/production/bots/btc_scalper_01.yaml", error.Origin);
        Assert.StartsWith("config/production/bots/btc_scalper_01.yaml overlays no bot document: there is no config/bots/btc_scalper_01.yaml, .yml or .json (did you mean 'btc_scalper_001'?)", error.Message, StringComparison.Ordinal);
        Assert.True(bots.Documents[0].IsValid);
    }

    [Fact]
    public void Two_overlays_of_one_bot_in_one_folder_are_an_error()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/local/bots/x.json", """{ "description": "a" }""");
        _folder.Write("config/local/bots/x.yml", "description: b\n");
        var bot = Assert.Single(_folder.LoadBots().Documents);
        var error = Assert.Single(bot.Errors);
        Assert.Equal("config/local/bots/x.json and config/local/bots/x.yml both overlay the bot 'x' (applied in that order): keep one", error.Message);
        Assert.Equal("config/local/bots/x.yml", error.Origin);
        Assert.Equal("b", bot.Document.Description);
    }

    [Fact]
    public void Missing_required_keys_are_reported_at_once_naming_the_file()
    {
        _folder.Write("config/bots/x.yaml", "bot_id: x\ndescription: nothing else\n");
        var errors = _folder.LoadBots().Errors;
        Assert.Equal(
            ["broker_type", "environment", "initial_balance", "strategy_params", "symbol", "timeframe", "version"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("config/bots/x.yaml", e.Origin));
        Assert.All(errors, e => Assert.StartsWith("missing required key", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_is_missing_every_required_key_and_still_names_the_file()
    {
        _folder.Write("config/bots/x.yaml", "# nothing yet\n");
        var errors = _folder.LoadBots().Errors;
        Assert.Contains(errors, e => e.Path == "bot_id" && e.Origin == "config/bots/x.yaml");
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void An_unreadable_file_is_reported_alone_with_its_line()
    {
        _folder.Write("config/bots/x.yaml", "bot_id: x\nsymbol: [unclosed\n");
        _folder.Write("config/bots/y.yaml", Paper("y"));
        var bots = _folder.LoadBots();
        var error = Assert.Single(bots.Errors);
        Assert.Equal("config/bots/x.yaml", error.Origin);
        Assert.StartsWith("cannot read config/bots/x.yaml: line", error.Message, StringComparison.Ordinal);
        Assert.Equal(BotStatus.Invalid, bots.Find("x")!.StatusIn("development"));
        Assert.Equal(BotStatus.Active, bots.Find("y")!.StatusIn("development"));
    }

    [Fact]
    public void Other_files_in_config_bots_are_ignored()
    {
        _folder.Write("config/bots/notes.txt", "not a bot");
        _folder.Write("config/bots/x.yaml", Paper("x"));
        // config/bots/README.md is shipped.
        Assert.Equal(["x"], _folder.LoadBots().Documents.Select(d => d.BotId));
    }

    [Fact]
    public void Bot_files_do_not_leak_into_the_settings()
    {
        _folder.Write("config/bots/x.yaml", Paper("x"));
        _folder.Write("config/development/bots/x.yaml", "description: overlay\n");
        var settings = _folder.Load();
        Assert.True(settings.IsValid, string.Join("\n", settings.Problems));
        Assert.DoesNotContain(settings.Layers, l => l.File?.Contains("/bots/", StringComparison.Ordinal) == true);
    }

    public void Dispose() => _folder.Dispose();
}
