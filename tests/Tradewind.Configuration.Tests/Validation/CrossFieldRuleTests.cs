using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Tests.Validation;

/// <summary>One failing example per rule, each asserting the key path, the message and the layer blamed.</summary>
public sealed class CrossFieldRuleTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Theory]
    // Drawdown ladder: strictly increasing drawdowns, never-increasing exposure, both in range.
    [InlineData("risk.levels[2].drawdown_pct=10", "risk.levels[2].drawdown_pct", "10 is not greater than risk.levels[1].drawdown_pct (10): drawdown levels must be strictly increasing", "--set risk.levels[2].drawdown_pct=10")]
    [InlineData("risk.levels[1].exposure=0.8", "risk.levels[1].exposure", "0.8 is more than risk.levels[0].exposure (0.75)", "--set risk.levels[1].exposure=0.8")]
    [InlineData("risk.levels[0].exposure=1.5", "risk.levels[0].exposure", "1.5 is out of range: must be in [0, 1]", "--set risk.levels[0].exposure=1.5")]
    [InlineData("risk.levels[0].drawdown_pct=0", "risk.levels[0].drawdown_pct", "0 is out of range: must be in (0, 100]", "--set risk.levels[0].drawdown_pct=0")]
    // Thresholds in order.
    [InlineData("strategy.capital_allocator.regime.bullish_threshold=-0.5", "strategy.capital_allocator.regime.bearish_threshold", "-0.3 must be less than bullish_threshold (-0.5)", "config/base/strategy.yaml")]
    [InlineData("strategy.capital_allocator.risk.medium_threshold=70", "strategy.capital_allocator.risk.medium_threshold", "70 must be less than high_threshold (70)", "--set strategy.capital_allocator.risk.medium_threshold=70")]
    // Allocation fractions in [0, 1].
    [InlineData("strategy.capital_allocator.allocation.low_risk=1.2", "strategy.capital_allocator.allocation.low_risk", "1.2 is out of range: must be in [0, 1]", "--set strategy.capital_allocator.allocation.low_risk=1.2")]
    [InlineData("strategy.capital_allocator.allocation.neutral=-0.1", "strategy.capital_allocator.allocation.neutral", "-0.1 is out of range: must be in [0, 1]", "--set strategy.capital_allocator.allocation.neutral=-0.1")]
    [InlineData("strategy.capital_allocator.sell_percentage=1.01", "strategy.capital_allocator.sell_percentage", "must be in [0, 1]", "--set strategy.capital_allocator.sell_percentage=1.01")]
    [InlineData("assets.cash_buffer=1", "assets.cash_buffer", "1 is out of range: must be in [0, 1)", "--set assets.cash_buffer=1")]
    [InlineData("strategy.capital_allocator.momentum_weight=0.7", "strategy.capital_allocator.price_momentum_weight", "= 1.1; the two weights must add up to 1", "config/base/strategy.yaml")]
    // Per-asset weights and the universe's capacity.
    [InlineData("assets.universe[1].max_weight=1.5", "assets.universe[1].max_weight", "1.5 is out of range: must be in (0, 1]", "--set assets.universe[1].max_weight=1.5")]
    [InlineData("assets.universe[0].max_weight=0", "assets.universe[0].max_weight", "must be in (0, 1]", "--set assets.universe[0].max_weight=0")]
    [InlineData("assets.universe[0].max_weight=0.1|assets.universe[1].max_weight=0.2|assets.universe[2].max_weight=0.3", "assets.universe", "the max_weight values add up to 0.6, less than 1 - cash_buffer = 0.95: the universe cannot hold the portfolio", "--set assets.universe[0].max_weight=0.1")]
    // Symbols well-formed and unique.
    [InlineData("assets.universe[1].symbol=BAD SYMBOL!", "assets.universe[1].symbol", "'BAD SYMBOL!' is not a symbol", "--set assets.universe[1].symbol=BAD SYMBOL!")]
    [InlineData("assets.universe[2].symbol=spy", "assets.universe[2].symbol", "SPY is already listed as assets.universe[0]", "--set assets.universe[2].symbol=spy")]
    // Schedule: cron, time zone, calendar.
    [InlineData("schedule.jobs.tune.cron=0 20 1 *", "schedule.jobs.tune.cron", "'0 20 1 *' has 4 fields; a cron expression has five", "--set schedule.jobs.tune.cron=0 20 1 *")]
    [InlineData("schedule.jobs.execute_trades.cron=30 25 * * 1-5", "schedule.jobs.execute_trades.cron", "'30 25 * * 1-5' is not a valid cron expression", "--set schedule.jobs.execute_trades.cron=30 25 * * 1-5")]
    [InlineData("schedule.time_zone=America/New_Yrok", "schedule.time_zone", "'America/New_Yrok' is not an IANA time zone (did you mean 'America/New_York'?)", "--set schedule.time_zone=America/New_Yrok")]
    [InlineData("system.time_zone=EST5EDTX", "system.time_zone", "is not an IANA time zone", "--set system.time_zone=EST5EDTX")]
    [InlineData("schedule.calendar=NYSEE", "schedule.calendar", "'NYSEE' is not a known calendar (did you mean 'NYSE'?); known: NYSE, CRYPTO", "--set schedule.calendar=NYSEE")]
    // Notification channels need their secret and target.
    [InlineData("notifications.slack.enabled=true", "notifications.slack.webhook_url", "is empty, but notifications.slack is enabled; set SLACK_WEBHOOK_URL", "config/base/notifications.yaml")]
    [InlineData("notifications.discord.enabled=true|notifications.discord.webhook_url=not a url", "notifications.discord.webhook_url", "is not an http(s) URL", "--set notifications.discord.webhook_url=****")]
    [InlineData("notifications.telegram.enabled=true|notifications.telegram.chat_id=-100123", "notifications.telegram.bot_token", "is empty, but telegram is enabled; set TELEGRAM_BOT_TOKEN", "config/base/notifications.yaml")]
    [InlineData("notifications.email.enabled=true", "notifications.email.to", "is empty, but email is enabled: list at least one recipient", "config/base/notifications.yaml")]
    // Database well-formed.
    [InlineData("system.database=Host=db;Username=u", "system.database", "'Host=db;Username=u' names no Database=", "--set system.database=Host=db;Username=u")]
    [InlineData("system.database=mysql://u@h/db", "system.database", "is a URL of an unsupported kind", "--set system.database=mysql://u@h/db")]
    [InlineData("system.database=postgresql://u:pw@/", "system.database", "is not a PostgreSQL URL", "--set system.database=postgresql://u:****@/")]
    // Object storage: an http(s) endpoint, both keys or neither.
    [InlineData("object_storage.endpoint_url=minio:9000", "object_storage.endpoint_url", "is not an absolute http:// or https:// URL", "--set object_storage.endpoint_url=minio:9000")]
    [InlineData("object_storage.access_key_id=AKIAEXAMPLE", "object_storage.secret_access_key", "is empty while the other key is set: set access_key_id and secret_access_key together", "config/base/object_storage.yaml")]
    [InlineData("object_storage.max_retries=11", "object_storage.max_retries", "11 is out of range: must be in [0, 10]", "--set object_storage.max_retries=11")]
    // Data providers.
    [InlineData("data.provider=alphavantage", "data.alphavantage.api_key", "is empty, but alphavantage is a data provider: set ALPHAVANTAGE_API_KEY", "config/base/data.yaml")]
    [InlineData("data.fallback[0]=sim", "data.fallback[0]", "sim is already the primary provider", "--set data.fallback[0]=sim")]
    [InlineData("data.fallback[0]=csv|data.fallback[1]=csv", "data.fallback[1]", "csv is listed twice", "--set data.fallback[1]=csv")]
    [InlineData("data.provider=csv|data.fallback[0]=sim", "data.fallback[0]", "sim cannot stand in for csv: simulated prices must never be stored among market data", "--set data.fallback[0]=sim")]
    // Strategy.
    [InlineData("strategy.capital_allocator.min_history_days=300", "strategy.capital_allocator.min_history_days", "300 is more than lookback_days (252)", "--set strategy.capital_allocator.min_history_days=300")]
    [InlineData("strategy.capital_allocator.assets[1]=QQQ QQQ", "strategy.capital_allocator.assets[1]", "'QQQ QQQ' is not a symbol", "--set strategy.capital_allocator.assets[1]=QQQ QQQ")]
    [InlineData("strategy.capital_allocator.assets[2]=spy", "strategy.capital_allocator.assets[2]", "'SPY' is listed twice; list each asset once", "--set strategy.capital_allocator.assets[2]=spy")]
    [InlineData("strategy.name=capital-allocater", "strategy.name", "'capital-allocater' is not a known strategy (did you mean 'capital-allocator'?)", "--set strategy.name=capital-allocater")]
    [InlineData("strategy.capital_allocator.daily_capital=0", "strategy.capital_allocator.daily_capital", "0 is out of range: must be > 0", "--set strategy.capital_allocator.daily_capital=0")]
    [InlineData("compliance.pdt.equity_threshold=-1", "compliance.pdt.equity_threshold", "-1 is out of range: must be >= 0", "--set compliance.pdt.equity_threshold=-1")]
    [InlineData("system.name=", "system.name", "must not be empty", "--set system.name=")]
    public void Each_rule_reports_the_key_the_rule_and_the_layer(string overrides, string path, string message, string origin)
    {
        var snapshot = _folder.Load(null, overrides.Split('|'));
        Assert.False(snapshot.IsValid);
        var error = Assert.Single(snapshot.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(origin, error.Origin);
        Assert.Contains($"error: {path}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_accept_the_edges_of_their_ranges()
    {
        var snapshot = _folder.Load(null,
            "assets.universe[0].max_weight=1", "assets.cash_buffer=0", "strategy.capital_allocator.allocation.low_risk=1",
            "strategy.capital_allocator.allocation.high_risk=0", "risk.levels[3].exposure=0", "risk.levels[0].exposure=1",
            "strategy.capital_allocator.momentum_weight=0.3", "strategy.capital_allocator.price_momentum_weight=0.7",
            "system.database=postgresql://trader:pw@db:5432/tradewind", "schedule.calendar=crypto", "schedule.time_zone=UTC");
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
    }

    [Fact]
    public void Weights_may_miss_one_by_floating_point_noise_only()
    {
        Assert.True(_folder.Load(null, "strategy.capital_allocator.momentum_weight=0.1", "strategy.capital_allocator.price_momentum_weight=0.9").IsValid);
        Assert.False(_folder.Load(null, "strategy.capital_allocator.momentum_weight=0.1", "strategy.capital_allocator.price_momentum_weight=0.900001").IsValid);
    }

    [Fact]
    public void Enabled_channels_with_their_secrets_are_valid()
    {
        _folder.Variables["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T/B/abcdefghijkl";
        _folder.Variables["TELEGRAM_BOT_TOKEN"] = "123456:ABCDEF-token-value";
        _folder.Variables["TELEGRAM_CHAT_ID"] = "-100123";
        var snapshot = _folder.Load(null,
            "notifications.slack.enabled=true", "notifications.telegram.enabled=true",
            "notifications.email.enabled=true", "notifications.email.to[0]=ops@example.com");
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
    }

    [Fact]
    public void Production_with_the_paper_broker_is_a_warning_not_an_error()
    {
        _folder.Variables["TRADEWIND_DATABASE_URL"] = "postgresql://trader@db/tw";
        _folder.Variables["ALPHAVANTAGE_API_KEY"] = "demo-key-123456";
        var snapshot = _folder.Load("production");
        Assert.True(snapshot.IsValid);
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Equal("system.broker", warning.Path);
        Assert.Contains("the production environment uses the paper broker", warning.Message, StringComparison.Ordinal);
        Assert.Equal("config/base/system.yaml", warning.Origin);
    }

    [Fact]
    public void A_live_broker_outside_production_is_a_warning()
    {
        var snapshot = _folder.Load("staging", "system.broker=binance_live");
        Assert.True(snapshot.IsValid);
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Contains("the staging environment uses the live broker binance_live", warning.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_literal_secret_in_a_committed_file_is_a_warning_with_the_value_masked()
    {
        _folder.Write("config/staging/notifications.yaml", "notifications:\n  telegram:\n    bot_token: 987654321:LITERAL-SECRET-TOKEN\n");
        _folder.Write("config/staging/system.yaml", "system:\n  database: Host=db;Database=tw;Username=u;Password=committed-password-1\n");
        var snapshot = _folder.Load("staging");
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal(2, snapshot.Warnings.Count);
        var token = snapshot.Warnings.Single(w => w.Path == "notifications.telegram.bot_token");
        Assert.Equal("config/staging/notifications.yaml", token.Origin);
        Assert.Contains("a secret is written literally in the committed file", token.Message, StringComparison.Ordinal);
        Assert.Equal("****OKEN", token.Value);
        Assert.Contains(snapshot.Warnings, w => w.Path == "system.database" && w.Value == "Host=db;Database=tw;Username=u;Password=****rd-1");
        Assert.DoesNotContain(snapshot.Problems, p => p.ToString().Contains("LITERAL-SECRET", StringComparison.Ordinal) || p.ToString().Contains("committed-password", StringComparison.Ordinal));
    }

    [Fact]
    public void A_literal_secret_in_local_is_not_a_warning()
    {
        _folder.Write("config/local/notifications.yaml", "notifications:\n  telegram:\n    bot_token: 987654321:LITERAL-SECRET-TOKEN\n");
        Assert.Empty(_folder.Load().Problems);
    }

    public void Dispose() => _folder.Dispose();
}
