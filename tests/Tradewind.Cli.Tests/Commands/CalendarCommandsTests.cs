using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class CalendarCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Days_prints_one_iso_date_per_trading_day_skipping_holidays()
    {
        var result = await CliRun.RunAsync(_dir.Path, "calendar", "days", "--exchange", "NYSE", "--from", "2024-12-20", "--to", "2025-01-10");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["2024-12-20", "2024-12-23", "2024-12-24", "2024-12-26", "2024-12-27", "2024-12-30", "2024-12-31",
             "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-10"],
            result.OutputLines);
    }

    [Fact]
    public async Task Crypto_days_include_weekends_and_holidays()
    {
        var result = await CliRun.RunAsync(_dir.Path, "calendar", "days", "--exchange", "crypto", "--from", "2024-12-24", "--to", "2024-12-26");
        Assert.Equal(["2024-12-24", "2024-12-25", "2024-12-26"], result.OutputLines);
    }

    [Theory]
    [InlineData("2024-07-03", "open: NYSE trades on 2024-07-03, session 09:30-13:00 -04:00 (13:30-17:00 UTC), early close")]
    [InlineData("2024-01-16", "open: NYSE trades on 2024-01-16, session 09:30-16:00 -05:00 (14:30-21:00 UTC)")]
    [InlineData("2025-01-09", "closed: NYSE does not trade on 2025-01-09 (Funeral of President Jimmy Carter)")]
    [InlineData("2024-03-29", "closed: NYSE does not trade on 2024-03-29 (Good Friday)")]
    public async Task Is_open_names_the_session_or_the_reason_it_is_closed(string date, string expected)
    {
        var result = await CliRun.RunAsync(_dir.Path, "calendar", "is-open", "--exchange", "NYSE", "--date", date);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(expected, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-07-03T12:59:59-04:00", "open")]
    [InlineData("2024-07-03T13:00:00-04:00", "closed")]
    [InlineData("2024-07-03T13:29:00Z", "closed")]
    [InlineData("2024-07-03T13:30:00Z", "open")]
    public async Task Is_open_at_an_instant_respects_early_closes_and_offsets(string at, string expected)
    {
        var result = await CliRun.RunAsync(_dir.Path, "calendar", "is-open", "--at", at);
        Assert.StartsWith(expected + ":", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next", "2001-09-10", "2001-09-17")]
    [InlineData("next", "2024-12-24", "2024-12-26")]
    [InlineData("previous", "2024-12-26", "2024-12-24")]
    [InlineData("previous", "2012-10-31", "2012-10-26")]
    public async Task Next_and_previous_step_over_closures(string verb, string date, string expected)
    {
        var result = await CliRun.RunAsync(_dir.Path, "calendar", verb, "--exchange", "NYSE", "--date", date);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expected], result.OutputLines);
    }

    [Theory]
    [InlineData(1, "--exchange: 'LSE' is not a known calendar; use one of NYSE, CRYPTO", "calendar", "next", "--exchange", "LSE", "--date", "2024-01-02")]
    [InlineData(1, "--date: '2024-13-01' is not a date; write it as yyyy-MM-dd", "calendar", "next", "--date", "2024-13-01")]
    [InlineData(1, "outside the NYSE calendar's supported range 1990-01-01..2035-12-31", "calendar", "days", "--from", "1985-01-01", "--to", "1990-02-01")]
    [InlineData(1, "--to 2024-01-01 is before --from 2024-02-01", "calendar", "days", "--from", "2024-02-01", "--to", "2024-01-01")]
    [InlineData(1, "--at: '2024-07-03' is not an ISO 8601 instant with an offset", "calendar", "is-open", "--at", "2024-07-03")]
    [InlineData(1, "--at: '2024-07-03T10:00:00' is not an ISO 8601 instant with an offset", "calendar", "is-open", "--at", "2024-07-03T10:00:00")]
    [InlineData(1, "give either --date yyyy-MM-dd or --at INSTANT", "calendar", "is-open", "--at", "2024-07-03T10:00:00Z", "--date", "2024-07-03")]
    [InlineData(2, "Option '--date' is required", "calendar", "next")]
    [InlineData(2, "Unrecognized command or argument 'tomorrow'", "calendar", "tomorrow")]
    public async Task Bad_input_gets_a_clear_message_and_the_right_exit_code(int exitCode, string message, params string[] args)
    {
        var result = await CliRun.RunAsync(_dir.Path, args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
