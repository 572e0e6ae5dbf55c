using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Writes_the_date_column_then_one_named_column_per_output_with_empty_warm_up_cells()
    {
        // Closes 1..6 with high = close + 1, low = close - 1: SMA(3) = close - 1 from the third bar;
        // ROC(2) = (c / c[-2] - 1) * 100; Bollinger(3, 2) middle = SMA, population σ of three consecutive integers = sqrt(2/3).
        _dir.Write("TEST.csv", "date,open,high,low,close,volume\n" + string.Join('\n',
            Enumerable.Range(1, 6).Select(c => $"2024-01-0{c + 1},{c},{c + 1},{c - 1 + 0.5},{c},100")) + "\n");

        var result = await CliRun.RunAsync(_dir.Path, "indicators", "--input", "TEST.csv", "--indicator", "sma:3", "--indicator", "roc:2", "--indicator", "bb:3,2", "--output", "out/ind.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(_dir.File("out/ind.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("date,sma_3,roc_2,bb_3_2_middle,bb_3_2_upper,bb_3_2_lower", lines[0]);
        Assert.Equal("2024-01-02,,,,,", lines[1]);
        Assert.Equal("2024-01-03,,,,,", lines[2]);
        var sigma = Math.Sqrt(2.0 / 3.0);
        Assert.Equal($"2024-01-04,2,200,2,{2 + (2 * sigma):R},{2 - (2 * sigma):R}", lines[3]);
        Assert.Equal($"2024-01-07,5,{((6.0 / 4) - 1) * 100:R},5,{5 + (2 * sigma):R},{5 - (2 * sigma):R}", lines[6]);
        Assert.Equal(7, lines.Length);
        Assert.Contains("wrote 6 rows of TEST 1d", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intraday_files_keep_exchange_local_timestamps_and_vwap_restarts_each_session()
    {
        _dir.Write("XLK_1m.csv", """
            timestamp,open,high,low,close,volume
            2024-03-08T15:59:00-05:00,10,12,8,10,100
            2024-03-11T09:30:00-04:00,20,23,17,20,100
            2024-03-11T09:31:00-04:00,20,26,20,23,300
            """);

        var result = await CliRun.RunAsync(_dir.Path, "indicators", "--input", "XLK_1m.csv", "--indicator", "vwap", "--output", "v.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(_dir.File("v.csv"), TestContext.Current.CancellationToken);
        // Typical prices 10; 20; 23 → second session: (20·100 + 23·300) / 400 = 22.25.
        Assert.Equal(["timestamp,vwap", "2024-03-08T15:59:00-05:00,10", "2024-03-11T09:30:00-04:00,20", "2024-03-11T09:31:00-04:00,22.25"], lines);
    }

    [Theory]
    [InlineData("sma:x", "--indicator: indicator 'sma:x': period must be")]
    [InlineData("foo:3", "unknown indicator 'foo'; known indicators: ")]
    [InlineData("macd:26,12,9", "fast period must be shorter than slow period")]
    public async Task A_bad_spec_is_an_error_that_names_it_and_writes_nothing(string spec, string message)
    {
        _dir.Write("SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n");

        var result = await CliRun.RunAsync(_dir.Path, "indicators", "--input", "SPY.csv", "--indicator", spec, "--output", "o.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("o.csv")));
    }

    [Fact]
    public async Task A_bad_input_file_is_an_error_with_its_line_and_no_output_file()
    {
        _dir.Write("SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n2024-01-03,1,2,0.5,abc,100\n");

        var result = await CliRun.RunAsync(_dir.Path, "indicators", "--input", "SPY.csv", "--indicator", "sma:2", "--output", "o.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SPY.csv:3: column 'close'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("o.csv")));
    }

    [Theory]
    [InlineData(1, "--input: missing.csv: file not found", "indicators", "--input", "missing.csv", "--indicator", "sma:2", "--output", "o.csv")]
    [InlineData(1, "sma_2 would be written twice", "indicators", "--input", "SPY.csv", "--indicator", "sma:2", "--indicator", "SMA:2.0", "--output", "o.csv")]
    [InlineData(2, "Option '--indicator' is required", "indicators", "--input", "SPY.csv", "--output", "o.csv")]
    public async Task Command_line_mistakes_are_named(int exitCode, string message, params string[] args)
    {
        _dir.Write("SPY.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,100\n");
        var result = await CliRun.RunAsync(_dir.Path, args);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_quickstart_command_runs_on_the_shipped_sample()
    {
        var sample = Path.Combine(TestEnvironment.RepositoryRoot, "samples", "SAMPLE.csv");
        var output = _dir.File("indicators.csv");

        var result = await CliRun.RunAsync(TestEnvironment.RepositoryRoot, "indicators", "--input", sample, "--indicator", "sma:20", "--indicator", "rsi:14", "--indicator", "bb:20,2", "--indicator", "macd:12,26,9", "--output", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllLines(sample).Length, lines.Length);
        // MACD's signal needs 26 + 9 - 1 bars: the first full row is the 34th bar.
        Assert.EndsWith(",,", lines[33], StringComparison.Ordinal);
        Assert.DoesNotContain(",,", lines[34], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbol_option_keeps_the_resolution_the_file_name_states()
    {
        // Two hourly bars 4 hours apart: inference alone would say 4h; the name says 1h.
        _dir.Write("prices_1h.csv", "timestamp,open,high,low,close,volume\n2024-01-02T10:00:00-05:00,1,2,0.5,1,10\n2024-01-02T14:00:00-05:00,1,2,0.5,1,10\n");

        var result = await CliRun.RunAsync(_dir.Path, "indicators", "--input", "prices_1h.csv", "--symbol", "SPY", "--indicator", "obv", "--output", "o.csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("wrote 2 rows of SPY 1h", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
