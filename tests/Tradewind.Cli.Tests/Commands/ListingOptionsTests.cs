using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

/// <summary>The options the allocator's read-only commands share: --from/--to and --format.</summary>
public sealed class ListingOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("trades", "--from", "2024-13-01")]
    [InlineData("trades", "--to", "01/05/2024")]
    [InlineData("signals", "--from", "yesterday")]
    [InlineData("signals", "--to", "2024-02-30")]
    public async Task A_date_that_is_not_yyyy_MM_dd_fails_naming_the_option_and_the_form(string command, string option, string value)
    {
        var result = await CliRun.RunAsync(_dir.Path, "--db", _dir.File("t.db"), command, option, value);

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal($"error: {option}: '{value}' is not a date; write it as yyyy-MM-dd, e.g. 2024-07-03", result.Error.Trim());
        Assert.False(File.Exists(_dir.File("t.db")), "the options are checked before the database is opened");
    }

    [Theory]
    [InlineData("trades")]
    [InlineData("signals")]
    public async Task From_after_to_fails_and_says_how_to_order_them(string command)
    {
        var result = await CliRun.RunAsync(_dir.Path, "--db", _dir.File("t.db"), command, "--from", "2024-01-05", "--to", "2024-01-02");

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal("error: --from 2024-01-05 is after --to 2024-01-02; give a --from on or before --to (both dates are included)", result.Error.Trim());
    }

    [Fact]
    public async Task Show_of_a_malformed_date_fails_naming_the_argument()
    {
        var result = await CliRun.RunAsync(_dir.Path, "--db", _dir.File("t.db"), "signals", "show", "2024-1-5");

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal("error: DATE: '2024-1-5' is not a date; write it as yyyy-MM-dd, e.g. 2024-07-03", result.Error.Trim());
    }

    [Theory]
    [InlineData("xml", "trades")]
    [InlineData("xml", "signals")]
    [InlineData("yaml", "portfolio")]
    [InlineData("csv", "signals", "show", "2024-01-02")]
    public async Task A_format_the_command_does_not_write_is_a_usage_error(string format, params string[] command)
    {
        var result = await CliRun.RunAsync(_dir.Path, ["--db", _dir.File("t.db"), .. command, "--format", format]);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.Contains($"'{format}'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"usage: run 'tradewind {string.Join(' ', command.TakeWhile(c => !c.StartsWith("20", StringComparison.Ordinal)))} --help' for the options", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
