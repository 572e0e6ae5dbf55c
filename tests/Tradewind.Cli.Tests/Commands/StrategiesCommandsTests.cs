using Tradewind.Core.Strategies.Catalog;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class StrategiesCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Strategies_lists_every_strategy_with_each_parameter()
    {
        var result = await CliRun.RunAsync(_dir.Path, "strategies");

        Assert.Equal(0, result.ExitCode);
        foreach (var definition in StrategyCatalog.All)
        {
            Assert.Contains($"{definition.Name}: {definition.Description}", result.Output, StringComparison.Ordinal);
            foreach (var parameter in definition.Parameters)
            {
                Assert.Contains(result.OutputLines, l => l.StartsWith($"│ {parameter.Name} ", StringComparison.Ordinal) && l.Contains(parameter.RangeText, StringComparison.Ordinal));
            }
        }

        Assert.Contains("(no parameters)", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.StartsWith("│ fast ", StringComparison.Ordinal) && l.Contains("│ integer │ 20 ", StringComparison.Ordinal) && l.Contains("fast moving-average length in bars", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_prints_one_strategy()
    {
        var result = await CliRun.RunAsync(_dir.Path, "strategies", "show", "RSI-BB");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("rsi-bb: ", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.StartsWith("│ entry ", StringComparison.Ordinal) && l.Contains("RSIOrBB|RSIBBVolume", StringComparison.Ordinal));
        Assert.DoesNotContain("sma-cross", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_strategy_lists_the_known_ones()
    {
        var result = await CliRun.RunAsync(_dir.Path, "strategies", "show", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: unknown strategy 'nope'; known: buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
