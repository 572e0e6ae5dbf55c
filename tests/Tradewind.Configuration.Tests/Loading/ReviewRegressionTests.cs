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

    public void Dispose() => _folder.Dispose();
}
