using Tradewind.Data.ObjectStorage;
using Tradewind.Jobs.Backtesting;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.Backtesting;

/// <summary>A folder with the small example file, a SQLite database in it and a fixed clock: what a job needs to run in a test.</summary>
public sealed class JobRun : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public JobRun()
    {
        _dir.Write("TEST.csv", BacktestExamples.SmallDailyCsv);
    }

    public string Folder => _dir.Path;

    public ObjectStorageOptions ObjectStorage { get; set; } = new();

    public JobEnvironment Environment => new()
    {
        WorkingDirectory = _dir.Path,
        Time = new FixedTime(Now),
        OpenDatabaseAsync = ct => TradewindDatabase.OpenAsync(DatabaseTarget.Parse("data/test.db", _dir.Path), ct),
        ObjectStorage = () => ObjectStorage,
    };

    /// <summary>The hand-worked example: sma-cross fast=1 slow=2 size=10 over TEST.csv.</summary>
    public static BacktestSettings Example(BacktestOutputs? outputs = null) => new()
    {
        Strategy = "sma-cross",
        Data = ["TEST.csv"],
        Parameters = [new("fast", "1"), new("slow", "2"), new("size", "10")],
        Outputs = outputs ?? new BacktestOutputs(),
    };

    public string File(string name) => _dir.File(name);

    public string Write(string name, string content) => _dir.Write(name, content);

    public Task<BacktestRun> RunAsync(BacktestSettings settings) =>
        new BacktestJob(Environment).RunAsync(BacktestRequest.Parse(settings), null, TestContext.Current.CancellationToken);

    /// <summary>Every file below the folder, as relative paths.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir.Path, f)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => _dir.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
