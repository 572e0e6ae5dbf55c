using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Tests.Binding;

public sealed class BindingErrorTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Fact]
    public void An_unknown_key_is_an_error_with_a_suggestion_and_no_fallback_to_the_default()
    {
        _folder.Write("config/local/risk.yaml", "risk:\n  max_gros_exposure: 0.5\n");
        var snapshot = _folder.Load();
        var error = Assert.Single(snapshot.Errors);
        Assert.Equal("risk.max_gros_exposure", error.Path);
        Assert.Contains("unknown key 'max_gros_exposure' (did you mean 'max_gross_exposure'?)", error.Message, StringComparison.Ordinal);
        Assert.Equal("config/local/risk.yaml", error.Origin);
        Assert.Equal("0.5", error.Value);
    }

    [Fact]
    public void Unknown_sections_list_item_keys_and_variables_are_errors_too()
    {
        _folder.Write("config/local/extra.yaml", "notification:\n  min_level: info\nassets:\n  universe:\n    - symbol: SPY\n      max_weigth: 0.6\n");
        _folder.Variables["TRADEWIND__SYSTEM__TIMEZONE"] = "UTC";
        var snapshot = _folder.Load();
        Assert.Equal(4, snapshot.Errors.Count);
        Assert.Contains(snapshot.Errors, e => e.Path == "notification" && e.Message.Contains("(did you mean 'notifications'?)", StringComparison.Ordinal));
        Assert.Contains(snapshot.Errors, e => e.Path == "assets.universe[0].max_weigth" && e.Message.Contains("did you mean 'max_weight'?", StringComparison.Ordinal));
        Assert.Contains(snapshot.Errors, e => e.Path == "assets.universe[0].max_weight" && e.Message.Contains("missing required key 'max_weight'", StringComparison.Ordinal) && e.Origin == "config/local/extra.yaml");
        Assert.Contains(snapshot.Errors, e => e.Path == "system.timezone" && e.Message.Contains("did you mean 'time_zone'?", StringComparison.Ordinal) && e.Origin == "environment variable TRADEWIND__SYSTEM__TIMEZONE");
    }

    [Fact]
    public void A_key_far_from_any_known_one_gets_no_suggestion()
    {
        var snapshot = _folder.Load(null, "risk.completely_different=1");
        var error = Assert.Single(snapshot.Errors);
        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("risk has the keys max_position_weight", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("risk.levels[2].drawdown_pct=abc", "risk.levels[2].drawdown_pct", "'abc' is not a number")]
    [InlineData("compliance.pdt.max_day_trades=2.5", "compliance.pdt.max_day_trades", "'2.5' is not a whole number")]
    [InlineData("compliance.pdt.enabled=yes", "compliance.pdt.enabled", "'yes' is not true or false")]
    [InlineData("system.log_level=informaton", "system.log_level", "'informaton' is not one of trace, debug, information, warning, error (did you mean 'information'?)")]
    [InlineData("strategy.capital_allocator.daily_capital=1e400x", "strategy.capital_allocator.daily_capital", "is not a number")]
    [InlineData("risk.levels=oops", "risk.levels", "expects a list of sections, not a value")]
    [InlineData("risk.levels[5].exposure=0.1", "risk.levels[5]", "item [4] is missing")]
    [InlineData("risk.max_daily_turnover.x=1", "risk.max_daily_turnover", "expects a single value (a number), not a section")]
    public void Type_errors_name_the_key_the_value_and_the_rule(string setting, string path, string message)
    {
        var snapshot = _folder.Load(null, setting);
        var error = Assert.Single(snapshot.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(LayerKind.CommandLine, error.Layer!.Kind);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        _folder.Write("config/local/everything.yaml", """
            risk:
              levels:
                - drawdown_pct: 5
                  exposure: 0.5
                - drawdown_pct: abc
                  exposure: 0.7
                - drawdown_pct: 3
                  exposure: 0.2
            schedule:
              time_zone: Mars/Olympus
              jobs:
                tune:
                  cron: "every day"
            strategy:
              capital_allocator:
                regime:
                  bearish_threshold: 0.5
            assets:
              universe:
                - symbol: SPY
                  max_weight: 0.4
                - symbol: SPY
                  max_weight: 0.4
            """);
        var snapshot = _folder.Load(null, "system.broker=robinhood");
        var paths = snapshot.Errors.Select(e => e.Path).ToList();
        Assert.Equal(
            new[] { "system.broker", "risk.levels[1].drawdown_pct", "strategy.capital_allocator.regime.bearish_threshold", "assets.universe[1].symbol", "assets.universe",
                    "risk.levels[1].exposure", "schedule.time_zone", "schedule.jobs.tune.cron" }.Order(StringComparer.Ordinal),
            paths.Order(StringComparer.Ordinal));
        // levels[2] (3 after the unreadable 'abc') is not judged against a default: only what bound is checked.
        Assert.DoesNotContain(snapshot.Errors, e => e.Path == "risk.levels[2].drawdown_pct");
    }

    [Fact]
    public void An_unreadable_file_is_reported_with_its_name_and_the_other_files_still_load()
    {
        _folder.Write("config/local/broken.yaml", "risk:\n  levels: [unclosed\n");
        _folder.Write("config/local/fine.yaml", "system:\n  name: still-read\n");
        var snapshot = _folder.Load();
        var error = Assert.Single(snapshot.Errors);
        Assert.Contains("cannot read config/local/broken.yaml: line", error.Message, StringComparison.Ordinal);
        Assert.Equal("still-read", snapshot.Settings.System.Name);
    }

    [Fact]
    public void A_key_written_twice_in_one_file_is_an_error()
    {
        _folder.Write("config/local/twice.yaml", "system:\n  name: a\n  name: b\n");
        var error = Assert.Single(_folder.Load().Errors);
        Assert.Contains("config/local/twice.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_set_or_variable_name_is_an_error()
    {
        _folder.Variables["TRADEWIND__"] = "x";
        var snapshot = _folder.Load(null, "no-equals-sign", "=value");
        Assert.Equal(3, snapshot.Errors.Count);
        Assert.Contains(snapshot.Errors, e => e.Message.Contains("expected section.key=value", StringComparison.Ordinal));
        Assert.Contains(snapshot.Errors, e => e.Message.Contains("does not name a key", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
