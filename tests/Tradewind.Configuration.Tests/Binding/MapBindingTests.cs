using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Tests.Binding;

/// <summary>The open map shape (a bot logic's <c>params</c>): names the schema does not know, values kept as text.</summary>
public sealed class MapBindingTests
{
    private static readonly ConfigurationLayer File = new(LayerKind.Base, "bots", "config/bots/x.yaml");

    [Fact]
    public void A_map_binds_every_entry_as_text_in_file_order()
    {
        var (logic, problems) = Bind(("name", "RSIOrBB"), ("params:e_rsi_period", "14"), ("params:E_BB_DEV", "2.0"), ("params:flag", "True"));
        Assert.Empty(problems);
        Assert.Equal(["e_rsi_period", "E_BB_DEV", "flag"], logic.Params.Keys);
        Assert.Equal("2.0", logic.Params["e_bb_dev"]);
        Assert.Equal(SettingShape.Map, SettingsSchema.MembersOf(typeof(BotLogicSettings)).Single(m => m.Key == "params").Shape);
    }

    [Fact]
    public void An_empty_map_and_a_missing_map_bind_to_no_entries()
    {
        Assert.Empty(Bind(("name", "x"), ("params", "")).Logic.Params);
        Assert.Empty(Bind(("name", "x")).Logic.Params);
    }

    [Fact]
    public void A_value_where_the_map_belongs_and_a_section_inside_it_are_errors_and_the_other_entries_are_kept()
    {
        var (logic, problems) = Bind(("name", "x"), ("params", "14"), ("params:a:b", "1"), ("params:c", "2"));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "params" && p.Message == "expects a section of name: value pairs, not a value" && p.Origin == "config/bots/x.yaml");
        Assert.Contains(problems, p => p.Path == "params.a" && p.Message == "expects a single value, not a section or a list");
        Assert.Equal(["c"], logic.Params.Keys);
    }

    [Fact]
    public void A_map_flattens_back_to_its_keys()
    {
        var (logic, _) = Bind(("name", "x"), ("params:a", "1"));
        Assert.Contains(new KeyValuePair<string, string?>("params:a", "1"), SettingsSchema.Flatten(logic));
        Assert.Contains(new KeyValuePair<string, string?>("params", ""), SettingsSchema.Flatten(new BotLogicSettings { Name = "x" }));
    }

    private static (BotLogicSettings Logic, List<ConfigurationProblem> Problems) Bind(params (string Key, string Value)[] entries)
    {
        var values = entries.Select(e => new ConfigurationValue(e.Key, KeyPath.ToDisplay(e.Key), e.Value, e.Value, File, File.File!, []));
        var problems = new List<ConfigurationProblem>();
        return (SettingsBinder.Bind<BotLogicSettings>(ConfigurationNode.Build(values), problems), problems);
    }
}
