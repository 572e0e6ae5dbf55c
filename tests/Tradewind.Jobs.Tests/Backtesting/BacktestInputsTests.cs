using Tradewind.Core.Execution;
using Tradewind.Jobs.Backtesting;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed class BacktestInputsTests : IDisposable
{
    private readonly JobRun _job = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_gives_its_bars_and_engine_options()
    {
        var settings = JobRun.Example() with { Cash = "25000", SlippageBps = "5", Fill = "next-close", Start = "2024-01-03" };

        var inputs = await BacktestInputs.LoadAsync(BacktestRequest.Parse(settings), _job.Environment, cancellationToken: Ct);

        var series = Assert.Single(inputs.Series);
        Assert.Equal("TEST", series.Symbol.Ticker);
        Assert.Equal(25_000m, inputs.Options.InitialCash);
        Assert.Equal(FillRule.NextClose, inputs.Options.FillRule);
        Assert.Equal(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), inputs.Options.Start);
        Assert.Null(inputs.Options.End);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_problem_naming_the_option()
    {
        var settings = JobRun.Example() with { Data = ["nope.csv"] };

        var ex = await Assert.ThrowsAsync<JobInputException>(() => BacktestInputs.LoadAsync(BacktestRequest.Parse(settings), _job.Environment, cancellationToken: Ct));

        Assert.Contains("--data: nope.csv: file not found", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _job.Dispose();
}
