using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Reports_the_engine_the_bare_loop_their_ratio_and_the_optimizer()
    {
        var result = await CliRun.RunAsync(_dir.Path, "bench", "--bars", "5000", "--seconds", "0.05", "--optimize");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("engine sma-cross", result.Output, StringComparison.Ordinal);
        Assert.Contains("bare loop, same arithmetic", result.Output, StringComparison.Ordinal);
        Assert.Contains("optimize sma-cross (kernel)", result.Output, StringComparison.Ordinal);
        Assert.Contains("engine / bare loop:", result.Output, StringComparison.Ordinal);
        Assert.Contains("bench: 5,000 one-minute bars (seed 20261121)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bars: 10 is too few; give at least 52", "--bars", "10")]
    [InlineData("--seconds: 0 must be more than 0 and at most 600", "--seconds", "0")]
    public async Task Refuses_a_bench_that_measures_nothing(string message, params string[] args)
    {
        var result = await CliRun.RunAsync(_dir.Path, ["bench", .. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
