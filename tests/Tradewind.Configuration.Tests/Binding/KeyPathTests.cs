using Tradewind.Configuration.Binding;

namespace Tradewind.Configuration.Tests.Binding;

public sealed class KeyPathTests
{
    [Theory]
    [InlineData("DrawdownPct", "drawdown_pct")]
    [InlineData("CsvDir", "csv_dir")]
    [InlineData("TimeZone", "time_zone")]
    [InlineData("Pdt", "pdt")]
    public void Property_names_become_snake_case(string name, string key) => Assert.Equal(key, KeyPath.ToSnakeCase(name));

    [Theory]
    [InlineData("risk:levels:2:drawdown_pct", "risk.levels[2].drawdown_pct")]
    [InlineData("RISK:LEVELS:0:EXPOSURE", "risk.levels[0].exposure")]
    [InlineData("data:fallback:1", "data.fallback[1]")]
    public void Colon_keys_display_in_file_spelling(string key, string display) => Assert.Equal(display, KeyPath.ToDisplay(key));

    [Theory]
    [InlineData("risk.levels[2].drawdown_pct", "risk:levels:2:drawdown_pct")]
    [InlineData("data.fallback[0]", "data:fallback:0")]
    [InlineData("system.name", "system:name")]
    public void File_spelling_parses_back(string display, string key)
    {
        Assert.True(KeyPath.TryParseDisplay(display, out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("risk..x")]
    [InlineData("risk.levels[x]")]
    [InlineData("risk.")]
    public void Malformed_keys_do_not_parse(string display) => Assert.False(KeyPath.TryParseDisplay(display, out _));

    [Theory]
    [InlineData("max_gros_exposure", "max_gross_exposure")]
    [InlineData("drawdwon_pct", "drawdown_pct")]
    [InlineData("TimeZone", "time_zone")]
    [InlineData("zzzzzz", null)]
    public void Suggestions_find_close_names_only(string typed, string? expected) =>
        Assert.Equal(expected, KeySuggestion.Closest(typed, ["max_gross_exposure", "drawdown_pct", "time_zone", "levels"]));
}
