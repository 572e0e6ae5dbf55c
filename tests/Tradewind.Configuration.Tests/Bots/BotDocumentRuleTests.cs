using Tradewind.Configuration.Bots;
using static Tradewind.Configuration.Tests.Bots.BotDocumentSamples;

namespace Tradewind.Configuration.Tests.Bots;

/// <summary>One failing example per rule of a bot document, each asserting the key path, the message and the file blamed.</summary>
public sealed class BotDocumentRuleTests : IDisposable
{
    private const string Document = "config/bots/test_bot.yaml";
    private const string Overlay = "config/local/bots/test_bot.yaml";

    private readonly ConfigFolder _folder = new();

    public BotDocumentRuleTests()
    {
        _folder.Write(Document, Paper("test_bot"));
    }

    [Fact]
    public void The_sample_document_is_valid_without_problems()
    {
        var bots = _folder.LoadBots();
        Assert.Empty(bots.Problems);
    }

    [Theory]
    // Identity.
    [InlineData("environment", "prod", "'prod' is not one of development, staging, production")]
    [InlineData("version", "1.0", "'1.0' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.2.0 (optionally -prerelease, +build)")]
    [InlineData("version", "v1.0.0", "'v1.0.0' is not a semantic version")]
    [InlineData("version", "01.0.0", "'01.0.0' is not a semantic version")]
    // Market.
    [InlineData("symbol", "B", "'B' has 1 characters: a bot's symbol has 2-20")]
    [InlineData("symbol", "ABCDEFGHIJKLMNOPQRSTU", "'ABCDEFGHIJKLMNOPQRSTU' has 21 characters: a bot's symbol has 2-20")]
    [InlineData("symbol", "'BTC USDT'", "'BTC USDT' is not a symbol")]
    [InlineData("timeframe", "2h", "'2h' is not one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w")]
    [InlineData("broker_type", "binance_lve", "'binance_lve' is not one of paper, binance_paper, binance_live, ibkr_paper, ibkr_live (did you mean 'binance_live'?)")]
    // Money.
    [InlineData("initial_balance", "0", "0 is out of range: must be > 0")]
    [InlineData("initial_balance", "-100", "-100 is out of range: must be > 0")]
    [InlineData("initial_balance", "lots", "'lots' is not a number")]
    [InlineData("commission", "0.2", "0.2 is out of range: must be in [0, 0.1]")]
    [InlineData("commission", "-0.001", "-0.001 is out of range: must be in [0, 0.1]")]
    // Risk management ranges.
    [InlineData("risk_management.position_size", "0", "0 is out of range: must be in (0, 1]")]
    [InlineData("risk_management.position_size", "1.5", "1.5 is out of range: must be in (0, 1]")]
    [InlineData("risk_management.max_open_trades", "0", "0 is out of range: must be in [1, 10]")]
    [InlineData("risk_management.max_open_trades", "11", "11 is out of range: must be in [1, 10]")]
    [InlineData("risk_management.max_open_trades", "1.5", "'1.5' is not a whole number")]
    [InlineData("risk_management.stop_loss_pct", "0", "0 is out of range: must be in (0, 50]")]
    [InlineData("risk_management.stop_loss_pct", "50.5", "50.5 is out of range: must be in (0, 50]")]
    [InlineData("risk_management.take_profit_pct", "0", "0 is out of range: must be in (0, 100]")]
    [InlineData("risk_management.take_profit_pct", "101", "101 is out of range: must be in (0, 100]")]
    [InlineData("risk_management.max_daily_trades", "0", "0 is out of range: must be in [1, 100]")]
    [InlineData("risk_management.max_daily_trades", "101", "101 is out of range: must be in [1, 100]")]
    [InlineData("risk_management.max_daily_loss", "-1", "-1 is out of range: must be >= 0")]
    [InlineData("risk_management.max_drawdown_pct", "0", "0 is out of range: must be in (0, 50]")]
    [InlineData("risk_management.max_drawdown_pct", "60", "60 is out of range: must be in (0, 50]")]
    [InlineData("risk_management.risk_per_trade", "0", "0 is out of range: must be in (0, 1]")]
    [InlineData("risk_management.risk_per_trade", "1.01", "1.01 is out of range: must be in (0, 1]")]
    [InlineData("risk_management.position_sizing", "kelly", "'kelly' is not one of fixed, percent, kelly_criterion")]
    // Notifications and logging.
    [InlineData("notifications.telegram_enabled", "yes", "'yes' is not true or false")]
    [InlineData("notifications.performance_reports", "monthly", "'monthly' is not one of none, daily, weekly")]
    [InlineData("logging.level", "VERBOSE", "'VERBOSE' is not one of debug, info, warning, error, critical")]
    [InlineData("logging.save_trades", "1", "'1' is not true or false")]
    // Cross-field rules.
    [InlineData("risk_management.position_size", "0.6|risk_management.max_open_trades=2",
        "position_size (0.6) x max_open_trades (2) = 1.2, more than 1.0: the open trades together could need more than the whole balance; lower one of them")]
    [InlineData("risk_management.take_profit_pct", "4|risk_management.stop_loss_pct=5",
        "take_profit_pct (4) / stop_loss_pct (5) = 0.8, less than 1.0: a winning trade would gain less than a losing one loses; raise take_profit_pct or lower stop_loss_pct")]
    public void Each_rule_reports_the_key_the_rule_and_the_file(string path, string value, string message)
    {
        var keys = (path + "=" + value).Split('|').Select(k => k.Split('=', 2)).Select(k => (k[0], k[1])).ToArray();
        _folder.Write(Overlay, BotDocumentSamples.Overlay(keys));

        var bots = _folder.LoadBots();

        var error = Assert.Single(bots.Errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Overlay, error.Origin);
        Assert.Equal($"error: {path}: {error.Message} (from {Overlay})", error.ToString());
        Assert.Equal(BotStatus.Invalid, Assert.Single(bots.Documents).StatusIn("development"));
    }

    [Fact]
    public void Limits_at_the_edge_of_each_range_are_accepted()
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay(
            ("commission", "0.1"), ("risk_management.position_size", "1"), ("risk_management.max_open_trades", "1"),
            ("risk_management.stop_loss_pct", "50"), ("risk_management.take_profit_pct", "50"), ("risk_management.max_daily_trades", "100"),
            ("risk_management.max_drawdown_pct", "50"), ("risk_management.risk_per_trade", "1"), ("symbol", "ES")));
        var bots = _folder.LoadBots();
        Assert.True(bots.IsValid, string.Join("\n", bots.Problems));
    }

    [Fact]
    public void Exposure_of_exactly_one_is_accepted_despite_rounding()
    {
        // 0.1 x 10 is 1.0000000000000002 in binary floating point.
        _folder.Write(Overlay, BotDocumentSamples.Overlay(("risk_management.position_size", "0.1"), ("risk_management.max_open_trades", "10")));
        Assert.True(_folder.LoadBots().IsValid);
    }

    [Theory]
    [InlineData("bot_id_of_fifty_one_characters_is_one_too_many_xxxx", "is not a bot id: 1-50 characters of A-Z a-z 0-9 _ -")]
    [InlineData("bot.with.dots", "'bot.with.dots' is not a bot id")]
    public void A_malformed_bot_id_is_an_error(string id, string message)
    {
        Assert.Equal(51, "bot_id_of_fifty_one_characters_is_one_too_many_xxxx".Length);
        _folder.Write($"config/bots/{id}.yaml", Paper(id));
        var error = Assert.Single(_folder.LoadBots().Errors, e => e.Origin == $"config/bots/{id}.yaml");
        Assert.Equal("bot_id", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_a_suggestion()
    {
        _folder.Write(Overlay, "risk_management:\n  stop_los_pct: 3\nnotification:\n  email_enabled: true\n");
        var errors = _folder.LoadBots().Errors;
        Assert.Equal(2, errors.Count);
        var key = errors.Single(e => e.Path == "risk_management.stop_los_pct");
        Assert.StartsWith("unknown key 'stop_los_pct' (did you mean 'stop_loss_pct'?); risk_management has the keys position_size, max_open_trades, stop_loss_pct", key.Message, StringComparison.Ordinal);
        Assert.Equal((Overlay, "3"), (key.Origin, key.Value));
        var section = errors.Single(e => e.Path == "notification");
        Assert.Contains("(did you mean 'notifications'?)", section.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategy_params.entry_logic.name", "ATRExitMixin",
        "'ATRExitMixin' is an exit logic, not an entry logic; entry_logic takes one of: RSIBBVolumeEntryMixin, RSIOrBBEntryMixin")]
    [InlineData("strategy_params.exit_logic.name", "RSIOrBB",
        "'RSIOrBB' is an entry logic, not an exit logic; exit_logic takes one of: ATRExitMixin, AdvancedATRExitMixin")]
    [InlineData("strategy_params.entry_logic.name", "RSIOrBBEntryMixn",
        "'RSIOrBBEntryMixn' is not a known entry logic (did you mean 'RSIOrBBEntryMixin'?); known: RSIBBVolumeEntryMixin, RSIOrBBEntryMixin (or the name without 'EntryMixin')")]
    [InlineData("strategy_params.exit_logic.name", "SuperTrendExitMixin",
        "'SuperTrendExitMixin' is not a known exit logic; known: ATRExitMixin, AdvancedATRExitMixin (or the name without 'ExitMixin')")]
    [InlineData("strategy_params.exit_logic.name", "''", "is empty: name an exit logic: ATRExitMixin, AdvancedATRExitMixin")]
    public void A_logic_must_be_of_the_catalogue_and_of_the_right_kind(string path, string value, string message)
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay((path, value)));
        var error = Assert.Single(_folder.LoadBots().Errors);
        Assert.Equal((path, message, Overlay), (error.Path, error.Message, error.Origin));
    }

    [Theory]
    [InlineData("RSIBBVolume", "AdvancedATRExit")]
    [InlineData("rsibbvolumeentrymixin", "advancedatrexitmixin")]
    public void Short_names_and_any_case_are_accepted(string entry, string exit)
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay(("strategy_params.entry_logic.name", entry), ("strategy_params.exit_logic.name", exit)));
        Assert.True(_folder.LoadBots().IsValid, string.Join("\n", _folder.LoadBots().Problems));
    }

    [Theory]
    // Unknown parameters, with a suggestion.
    [InlineData("strategy_params.entry_logic.params.e_rsi_perod", "14",
        "unknown parameter 'e_rsi_perod' of RSIOrBBEntryMixin (did you mean 'e_rsi_period'?); its parameters are rsi_period, rsi_oversold, bb_period, bb_dev, volume_factor, cooldown_bars (each optionally prefixed e_)")]
    [InlineData("strategy_params.exit_logic.params.atr_length", "14",
        "unknown parameter 'atr_length' of ATRExitMixin; its parameters are atr_period, sl_multiplier, tp_multiplier, trailing_enabled (each optionally prefixed x_)")]
    // The other logic's prefix.
    [InlineData("strategy_params.entry_logic.params.x_atr_period", "14",
        "the x_ prefix marks exit parameters, but this is entry_logic (RSIOrBBEntryMixin): atr_period is an exit parameter: move it to strategy_params.exit_logic.params")]
    [InlineData("strategy_params.exit_logic.params.e_rsi_period", "14",
        "the e_ prefix marks entry parameters, but this is exit_logic (ATRExitMixin): rsi_period is an entry parameter: move it to strategy_params.entry_logic.params")]
    [InlineData("strategy_params.exit_logic.params.e_sl_multiplier", "2",
        "the e_ prefix marks entry parameters, but this is exit_logic (ATRExitMixin): write x_sl_multiplier or sl_multiplier")]
    // Kinds and ranges of the catalogue.
    [InlineData("strategy_params.entry_logic.params.e_rsi_period", "1",
        "1 is outside 2..200 (rsi_period: whole number 2..200, RSI look-back in bars (Wilder smoothing))")]
    [InlineData("strategy_params.entry_logic.params.e_rsi_period", "14.5", "'14.5' is not a whole number (rsi_period: whole number 2..200")]
    [InlineData("strategy_params.entry_logic.params.e_bb_dev", "wide", "'wide' is not a number (bb_dev: number 0.5..5")]
    [InlineData("strategy_params.entry_logic.params.rsi_oversold", "75", "75 is outside 1..50 (rsi_oversold: number 1..50")]
    [InlineData("strategy_params.exit_logic.params.x_trailing_enabled", "maybe", "'maybe' is not true or false (trailing_enabled: true or false, trail the stop")]
    [InlineData("strategy_params.exit_logic.params.sl_multiplier", "0", "0 is outside 0.1..20 (sl_multiplier: number 0.1..20")]
    // One parameter twice.
    [InlineData("strategy_params.entry_logic.params.rsi_period", "20", "rsi_period is given twice, as 'e_rsi_period' and 'rsi_period': keep one")]
    public void Each_parameter_must_be_one_of_its_logic_with_the_right_kind_and_range(string path, string value, string message)
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay((path, value)));
        var error = Assert.Single(_folder.LoadBots().Errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Overlay, error.Origin);
    }

    [Fact]
    public void Parameters_without_prefix_and_an_empty_params_section_are_accepted()
    {
        _folder.Write(Document, Paper("test_bot")
            .Replace("      e_rsi_period: 14\n      e_bb_dev: 2.0\n", "      rsi_period: 14\n      BB_DEV: 2\n      e_volume_factor: 1.5\n", StringComparison.Ordinal)
            .Replace("    params:\n      x_atr_period: 14\n", "    params: {}\n", StringComparison.Ordinal));
        var bot = Assert.Single(_folder.LoadBots().Documents);
        Assert.True(bot.IsValid, string.Join("\n", bot.Problems));
        Assert.Equal(3, bot.Document.StrategyParams.EntryLogic.Params.Count);
        Assert.Empty(bot.Document.StrategyParams.ExitLogic.Params);
    }

    [Fact]
    public void Params_must_be_a_section_of_single_values()
    {
        _folder.Write(Overlay, "strategy_params:\n  entry_logic:\n    params:\n      e_rsi_period: [14, 21]\n      e_rsi_oversold: 80\n  exit_logic:\n    params: 14\n");
        var errors = _folder.LoadBots().Errors;
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Path == "strategy_params.entry_logic.params.e_rsi_period" && e.Message == "expects a single value, not a section or a list");
        // The other entries are still checked.
        Assert.Contains(errors, e => e.Path == "strategy_params.entry_logic.params.e_rsi_oversold" && e.Message.StartsWith("80 is outside 1..50", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "strategy_params.exit_logic.params" && e.Message == "expects a section of name: value pairs, not a value");
    }

    [Fact]
    public void An_unknown_logic_does_not_judge_its_parameters()
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay(("strategy_params.entry_logic.name", "Nope"), ("strategy_params.entry_logic.params.whatever", "1")));
        Assert.Equal("strategy_params.entry_logic.name", Assert.Single(_folder.LoadBots().Errors).Path);
    }

    [Theory]
    [InlineData("production", "paper", "the bot's environment is production, but paper is a paper broker: the bot will send no real orders")]
    [InlineData("production", "ibkr_paper", "the bot's environment is production, but ibkr_paper is a paper broker: the bot will send no real orders")]
    [InlineData("development", "binance_live", "the bot's environment is development, but binance_live is a live broker: real orders with real money outside production")]
    [InlineData("staging", "ibkr_live", "the bot's environment is staging, but ibkr_live is a live broker: real orders with real money outside production")]
    public void A_broker_that_does_not_fit_the_environment_is_a_warning(string environment, string broker, string message)
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay(("environment", environment), ("broker_type", broker)));
        var bots = _folder.LoadBots();
        Assert.True(bots.IsValid);
        var warning = Assert.Single(bots.Warnings);
        Assert.Equal(("broker_type", message, Overlay), (warning.Path, warning.Message, warning.Origin));
    }

    [Theory]
    [InlineData("production", "binance_live")]
    [InlineData("staging", "binance_paper")]
    [InlineData("development", "paper")]
    public void A_broker_that_fits_the_environment_is_no_warning(string environment, string broker)
    {
        _folder.Write(Overlay, BotDocumentSamples.Overlay(("environment", environment), ("broker_type", broker)));
        Assert.Empty(_folder.LoadBots().Problems);
    }

    [Fact]
    public void A_literal_secret_in_a_committed_document_is_masked_everywhere_and_warned_about()
    {
        const string secret = "sk-LIVE-binance-secret-998877";
        _folder.Write(Document, Paper("test_bot") + $"api_secret: {secret}\nlogging_db: Host=db;Database=bots;Password=hunter2-hunter2\n");
        var bots = _folder.LoadBots();
        var all = string.Join("\n", bots.Problems.Select(p => p + " | " + p.Value));
        Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-hunter2", all, StringComparison.Ordinal);
        var unknown = bots.Errors.Single(e => e.Path == "api_secret");
        Assert.Equal("****8877", unknown.Value);
        var warning = bots.Warnings.Single(w => w.Path == "api_secret");
        Assert.StartsWith("a secret is written literally in the committed file config/bots/test_bot.yaml; reference a variable instead (e.g. ${API_SECRET})", warning.Message, StringComparison.Ordinal);
        Assert.Contains(bots.Warnings, w => w.Path == "logging_db" && w.Value == "Host=db;Database=bots;Password=****ter2");
    }

    [Fact]
    public void A_secret_in_config_local_is_not_warned_about_and_a_secret_parameter_is_masked()
    {
        const string secret = "local-only-secret-value-4455";
        _folder.Write(Overlay, $"strategy_params:\n  entry_logic:\n    params:\n      api_key: {secret}\n      mystery: {secret}\n");
        var bots = _folder.LoadBots();
        Assert.Empty(bots.Warnings);
        Assert.Equal(2, bots.Errors.Count);
        Assert.All(bots.Errors, e => Assert.Equal("****4455", e.Value));
        Assert.DoesNotContain(secret, string.Join("\n", bots.Problems), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
