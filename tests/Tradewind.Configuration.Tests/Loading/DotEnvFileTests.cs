using Tradewind.Configuration.Loading;

namespace Tradewind.Configuration.Tests.Loading;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_names_values_quotes_comments_and_export()
    {
        var file = DotEnvFile.Parse("""
            # secrets
            A=plain
            export B = spaced value  # comment
            C='single # quoted'
            D="double \"escaped\"\nline"
            E=
            F=pa#ss
            """);
        Assert.Empty(file.Problems);
        Assert.Equal("plain", file.Variables["A"]);
        Assert.Equal("spaced value", file.Variables["B"]);
        Assert.Equal("single # quoted", file.Variables["C"]);
        Assert.Equal("double \"escaped\"\nline", file.Variables["D"]);
        Assert.Equal("", file.Variables["E"]);
        Assert.Equal("pa#ss", file.Variables["F"]);
    }

    [Fact]
    public void Bad_lines_are_reported_by_number_without_their_text()
    {
        var file = DotEnvFile.Parse("GOOD=1\nnot a line SECRETVALUE\nQ=\"unterminated SECRETVALUE\n");
        Assert.Equal(2, file.Problems.Count);
        Assert.StartsWith("line 2", file.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3", file.Problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain(file.Problems, p => p.Contains("SECRETVALUE", StringComparison.Ordinal));
    }
}
