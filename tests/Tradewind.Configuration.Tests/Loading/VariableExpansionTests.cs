using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Tests.Loading;

public sealed class VariableExpansionTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Theory]
    [InlineData("${A}", "a")]
    [InlineData("x-${A}-${B}-y", "x-a-b-y")]
    [InlineData("${UNSET:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${A:-fallback}", "a")]
    [InlineData("${EMPTY}", "")]
    [InlineData("$${A}", "${A}")]
    [InlineData("cost $5", "cost $5")]
    [InlineData("${UNSET:-}", "")]
    public void Expands_references_defaults_and_escapes(string text, string expected)
    {
        var variables = new Dictionary<string, string> { ["A"] = "a", ["B"] = "b", ["EMPTY"] = "" };
        var result = VariableExpansion.Expand(text, variables.GetValueOrDefault);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void An_unset_variable_without_default_is_missing()
    {
        var result = VariableExpansion.Expand("${A}/${NOPE}", _ => null);
        Assert.Null(result.Value);
        Assert.Equal(["A", "NOPE"], result.Missing);
    }

    [Theory]
    [InlineData("${unterminated")]
    [InlineData("${1BAD}")]
    [InlineData("${}")]
    public void A_malformed_reference_is_reported(string text)
    {
        var result = VariableExpansion.Expand(text, _ => "x");
        Assert.Null(result.Value);
        Assert.NotNull(result.Malformed);
    }

    [Fact]
    public void An_unset_variable_is_an_error_naming_the_key_the_variable_and_the_file()
    {
        _folder.Write("config/local/notifications.yaml", "notifications:\n  telegram:\n    chat_id: ${TELEGRAM_CHAT}\n");
        var snapshot = _folder.Load();
        var error = Assert.Single(snapshot.Errors);
        Assert.Equal("notifications.telegram.chat_id", error.Path);
        Assert.Contains("variable TELEGRAM_CHAT is not set", error.Message, StringComparison.Ordinal);
        Assert.Equal("config/local/notifications.yaml", error.Origin);
        Assert.Equal(LayerKind.Local, error.Layer!.Kind);
    }

    [Fact]
    public void Variables_come_from_the_environment_and_dot_env_and_dot_env_never_overrides_a_set_variable()
    {
        _folder.Write("config/local/system.yaml", "system:\n  name: ${INSTANCE}-${REGION}\n");
        _folder.Write(".env", "INSTANCE=from-dotenv\nREGION=eu # a comment\n");
        Assert.Equal("from-dotenv-eu", _folder.Load().Settings.System.Name);

        _folder.Variables["INSTANCE"] = "from-environment";
        Assert.Equal("from-environment-eu", _folder.Load().Settings.System.Name);
    }

    [Fact]
    public void A_dot_env_key_variable_never_overrides_the_same_environment_variable()
    {
        _folder.Write(".env", "TRADEWIND__SYSTEM__NAME=from-dotenv\n");
        _folder.Variables["TRADEWIND__SYSTEM__NAME"] = "from-environment";
        var snapshot = _folder.Load();
        Assert.Equal("from-environment", snapshot.Settings.System.Name);
        Assert.Equal(LayerKind.EnvironmentVariables, snapshot.Find("system.name")!.Layer.Kind);
    }

    [Fact]
    public void An_escaped_reference_stays_literal_in_a_setting()
    {
        _folder.Write("config/local/system.yaml", "system:\n  name: price$${USD}\n");
        var snapshot = _folder.Load();
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal("price${USD}", snapshot.Settings.System.Name);
    }

    [Fact]
    public void Expansion_happens_before_validation()
    {
        _folder.Write("config/local/risk.yaml", "risk:\n  max_daily_turnover: ${TURNOVER:-0.3}\n");
        Assert.Equal(0.3, _folder.Load().Settings.Risk.MaxDailyTurnover);
        _folder.Variables["TURNOVER"] = "7";
        var error = Assert.Single(_folder.Load().Errors);
        Assert.Equal("risk.max_daily_turnover", error.Path);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
