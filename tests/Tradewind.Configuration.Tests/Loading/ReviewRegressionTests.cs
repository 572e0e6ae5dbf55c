using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Tests.Loading;

/// <summary>Cases a review found: nested defaults, secrets hidden in defaults, JSON errors without a line.</summary>
public sealed class ReviewRegressionTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Fact]
    public void A_nested_default_is_malformed_not_literal_text()
    {
        var result = VariableExpansion.Expand("${DB:-${FALLBACK}}", _ => null);

        Assert.Null(result.Value);
        Assert.Contains("nested references are not supported", result.Malformed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_reference_does_not_quote_the_text_it_may_be_part_of()
    {
        var result = VariableExpansion.Expand("pa${x!}d-secret", _ => null);

        Assert.NotNull(result.Malformed);
        Assert.DoesNotContain("x!", result.Malformed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_secret_given_as_a_default_in_a_committed_file_is_warned_about()
    {
        _folder.Write("config/base/notifications.yaml", "notifications:\n  email:\n    password: ${SMTP_PASSWORD:-hunter2hunter2}\n");

        var snapshot = _folder.Load();

        var warning = Assert.Single(snapshot.Warnings, w => w.Path == "notifications.email.password");
        Assert.Contains("written literally (as a default or around a variable)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_default_for_a_secret_is_fine()
    {
        var snapshot = _folder.Load();
        Assert.DoesNotContain(snapshot.Warnings, w => w.Path.StartsWith("notifications.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_json_layer_reports_its_line()
    {
        _folder.Write("config/local/risk.json", "{\n  \"risk\": {\n    \"max_gross_exposure\": ,\n  }\n}\n");

        var snapshot = _folder.Load();

        var error = Assert.Single(snapshot.Errors);
        Assert.Contains("(line 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_asset_top_n_must_be_able_to_hold_the_invested_part()
    {
        _folder.Write("config/local/strategy.yaml", "strategy:\n  name: multi-asset\n  multi_asset:\n    top_n: 1\n");

        var snapshot = _folder.Load();

        var error = Assert.Single(snapshot.Errors);
        Assert.Equal("strategy.multi_asset.top_n", error.Path);
        Assert.Contains("the 1 smallest max_weight values add up to 0.5, less than 1 - cash_buffer = 0.95", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_asset_top_n_cannot_exceed_the_universe()
    {
        _folder.Write("config/local/strategy.yaml", "strategy:\n  name: multi-asset\n  multi_asset:\n    top_n: 4\n");

        var error = Assert.Single(_folder.Load().Errors);
        Assert.Contains("top_n is 4 but assets.universe lists 3 symbols", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_carry_only_the_committed_layers_of_the_shipped_tree()
    {
        var files = Tradewind.Configuration.Templates.ConfigTemplates.Find("capital-allocator")!.Files.Keys;
        Assert.All(files.Where(f => f.StartsWith("config/", StringComparison.Ordinal)), f =>
            Assert.Matches(@"^config/(base|development|staging|production)/[a-z_]+\.yaml$|^config/bots/README\.md$", f));
        Assert.Contains("config/base/risk.yaml", files);
        Assert.Contains("config/production/system.yaml", files);
    }

    [Theory]
    [InlineData("the max_weight values of assets.universe add up to 0.5", "asset", false)]
    [InlineData("risk.levels[1].drawdown_pct (5) is not above risk.levels[0].drawdown_pct", "risk.levels[1]", true)]
    [InlineData("risk.levels[1].drawdown_pct (5) is not above risk.levels[0].drawdown_pct", "risk.levels[0].drawdown_pct", true)]
    [InlineData("risk.levels[10].exposure is out of range", "risk.levels[1]", false)]
    public void A_rule_is_dropped_only_for_the_whole_failed_path(string message, string failedPath, bool concerns)
    {
        var problem = new Tradewind.Configuration.Validation.ConfigurationProblem(
            Tradewind.Configuration.Validation.ProblemSeverity.Error, "other.path", null, message, null, "test");
        Assert.Equal(concerns, TradewindConfiguration.Concerns(problem, failedPath));
    }

    public void Dispose() => _folder.Dispose();
}
