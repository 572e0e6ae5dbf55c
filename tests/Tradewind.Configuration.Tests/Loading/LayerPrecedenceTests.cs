using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Tests.Loading;

public sealed class LayerPrecedenceTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Fact]
    public void Each_layer_overrides_the_one_before_it()
    {
        AssertTurnover("0.5", LayerKind.Base, "config/base/risk.yaml");

        _folder.Write("config/development/risk.yaml", "risk:\n  max_daily_turnover: 0.4\n");
        AssertTurnover("0.4", LayerKind.Environment, "config/development/risk.yaml");

        _folder.Write("config/local/risk.yaml", "risk:\n  max_daily_turnover: 0.3\n");
        AssertTurnover("0.3", LayerKind.Local, "config/local/risk.yaml");

        _folder.Write(".env", "TRADEWIND__RISK__MAX_DAILY_TURNOVER=0.2\n");
        AssertTurnover("0.2", LayerKind.DotEnv, "TRADEWIND__RISK__MAX_DAILY_TURNOVER in .env");

        _folder.Variables["TRADEWIND__Risk__Max_Daily_Turnover"] = "0.1";
        AssertTurnover("0.1", LayerKind.EnvironmentVariables, "environment variable TRADEWIND__Risk__Max_Daily_Turnover");

        var snapshot = _folder.Load(null, "risk.max_daily_turnover=0.05");
        Assert.Equal(0.05, snapshot.Settings.Risk.MaxDailyTurnover);
        Assert.Equal(LayerKind.CommandLine, snapshot.Find("risk.max_daily_turnover")!.Layer.Kind);
        Assert.Equal("--set risk.max_daily_turnover=0.05", snapshot.Find("risk.max_daily_turnover")!.Origin);
    }

    [Fact]
    public void A_later_set_wins_over_an_earlier_one()
    {
        var snapshot = _folder.Load(null, "risk.max_daily_turnover=0.1", "risk.max_daily_turnover=0.2");
        Assert.Equal(0.2, snapshot.Settings.Risk.MaxDailyTurnover);
    }

    [Fact]
    public void Records_defaults_fill_keys_no_file_sets_and_say_so()
    {
        File.Delete(Path.Combine(_folder.Path, "config/base/compliance.yaml"));
        var snapshot = _folder.Load();
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal(25000m, snapshot.Settings.Compliance.Pdt.EquityThreshold);
        Assert.Equal(LayerKind.Defaults, snapshot.Find("compliance.pdt.equity_threshold")!.Layer.Kind);
    }

    [Fact]
    public void Json_files_are_a_layer_like_yaml()
    {
        _folder.Write("config/local/risk.json", """{ "risk": { "max_daily_turnover": 0.25 } }""");
        var snapshot = _folder.Load();
        Assert.Equal(0.25, snapshot.Settings.Risk.MaxDailyTurnover);
        Assert.Equal("config/local/risk.json", snapshot.Find("risk.max_daily_turnover")!.Origin);
    }

    [Fact]
    public void A_list_in_a_higher_file_replaces_the_lower_list_whole()
    {
        _folder.Write("config/local/risk.yaml", "risk:\n  levels:\n    - drawdown_pct: 10\n      exposure: 0.5\n");
        var snapshot = _folder.Load();
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        var level = Assert.Single(snapshot.Settings.Risk.Levels);
        Assert.Equal(10, level.DrawdownPct);
        Assert.Null(snapshot.Find("risk.levels[1].drawdown_pct"));
    }

    [Fact]
    public void An_empty_list_in_a_higher_file_empties_the_list()
    {
        _folder.Write("config/production/data.yaml", "data:\n  provider: csv\n  fallback: []\n");
        _folder.Variables["TRADEWIND_DATABASE_URL"] = "postgresql://u@db/tw";
        var snapshot = _folder.Load("production");
        Assert.Empty(snapshot.Settings.Data.Fallback);
    }

    [Fact]
    public void Variables_and_set_override_single_list_items()
    {
        _folder.Variables["TRADEWIND__RISK__LEVELS__0__EXPOSURE"] = "0.7";
        var snapshot = _folder.Load(null, "risk.levels[3].exposure=0.1");
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal([0.7, 0.5, 0.25, 0.1], snapshot.Settings.Risk.Levels.Select(l => l.Exposure));
        Assert.Equal(4, snapshot.Settings.Risk.Levels.Count);
    }

    [Fact]
    public void A_list_of_values_can_be_given_comma_separated_in_a_variable()
    {
        _folder.Variables["TRADEWIND__DATA__FALLBACK"] = "csv, alphavantage";
        _folder.Variables["ALPHAVANTAGE_API_KEY"] = "demo-key-123456";
        var snapshot = _folder.Load();
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal([Settings.DataProviderKind.Csv, Settings.DataProviderKind.AlphaVantage], snapshot.Settings.Data.Fallback);
    }

    [Fact]
    public void The_environment_comes_from_the_argument_then_the_variable_then_development()
    {
        Assert.Equal("development", _folder.Load().Environment);
        _folder.Variables["TRADEWIND_ENVIRONMENT"] = "staging";
        Assert.Equal("staging", _folder.Load().Environment);
        _folder.Variables["TRADEWIND_DATABASE_URL"] = "postgresql://u@db/tw";
        _folder.Variables["ALPHAVANTAGE_API_KEY"] = "demo-key-123456";
        Assert.Equal("production", _folder.Load("Production").Environment);
    }

    [Fact]
    public void The_environment_may_come_from_dot_env()
    {
        _folder.Write(".env", "TRADEWIND_ENVIRONMENT=staging\n");
        Assert.Equal("staging", _folder.Load().Environment);
    }

    [Fact]
    public void An_unknown_environment_is_an_error_listing_the_known_ones()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "config", "qa"));
        var ex = Assert.Throws<ConfigurationException>(() => _folder.Load("prodution"));
        Assert.Contains("unknown environment 'prodution'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'production'?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("development, production, qa, staging", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigurationException>(() => _folder.Load("base"));
        Assert.Throws<ConfigurationException>(() => _folder.Load("../x"));
        Assert.Equal("qa", _folder.Load("qa").Environment);
    }

    [Fact]
    public void A_standard_environment_without_a_folder_is_known()
    {
        Directory.Delete(Path.Combine(_folder.Path, "config", "staging"), recursive: true);
        Assert.Equal("staging", _folder.Load("staging").Environment);
    }

    [Fact]
    public void A_working_directory_without_config_base_cannot_be_loaded()
    {
        using var empty = new Tradewind.Testing.TempDirectory();
        var ex = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(new SettingsSource { WorkingDirectory = empty.Path }));
        Assert.Contains("config", ex.Message, StringComparison.Ordinal);
    }

    private void AssertTurnover(string expected, LayerKind kind, string origin)
    {
        var snapshot = _folder.Load();
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        var value = snapshot.Find("risk.max_daily_turnover")!;
        Assert.Equal(expected, value.Value);
        Assert.Equal(kind, value.Layer.Kind);
        Assert.Equal(origin, value.Origin);
        Assert.Equal(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), snapshot.Settings.Risk.MaxDailyTurnover);
    }

    public void Dispose() => _folder.Dispose();
}
