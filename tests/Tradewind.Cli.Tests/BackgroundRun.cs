namespace Tradewind.Cli.Tests;

/// <summary>
/// A tradewind command running in-process until stopped (e.g. <c>config watch</c>): its output can be
/// polled while it runs, and stopping it cancels its token like Ctrl+C does.
/// </summary>
public sealed class BackgroundRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly SharedStringWriter _output = new();
    private readonly SharedStringWriter _error = new();
    private readonly Task<int> _run;

    private BackgroundRun(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        _run = Task.Run(() => TradewindCommandLine.RunAsync(
            args, _output, _error, workingDirectory, name => environment.GetValueOrDefault(name), environment.Keys.ToList(), _stop.Token));
    }

    public string Output => _output.Text;

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static BackgroundRun Start(string workingDirectory, params string[] args) =>
        new(workingDirectory, new Dictionary<string, string>(), args);

    public static BackgroundRun Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(workingDirectory, environment, args);

    /// <summary>Waits until an output line satisfies <paramref name="condition"/> and returns it; fails if the command ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> condition, int skip = 0)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var line = OutputLines.Where(condition).Skip(skip).FirstOrDefault();
            if (line is not null)
            {
                return line;
            }

            if (_run.IsCompleted)
            {
                Assert.Fail($"the command ended (exit code {await _run}) before the expected line; output:\n{Output}\nerror:\n{_error.Text}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no expected line within {Patience.TotalSeconds} s; output:\n{Output}\nerror:\n{_error.Text}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Stops the command (as Ctrl+C does) and returns its outcome.</summary>
    public async Task<CliResult> StopAsync()
    {
        await _stop.CancelAsync();
        var code = await _run.WaitAsync(Patience, TestContext.Current.CancellationToken);
        return new CliResult(code, Output, _error.Text);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(Patience);
        }
        catch (Exception) when (TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // The test run itself is being cancelled; its outcome no longer matters.
        }

        _stop.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
