using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reloading;
using Tradewind.Testing;

namespace Tradewind.Benchmarks;

/// <summary>
/// Hot-reload propagation, from a file write to the new settings in force, over many edits of a
/// config/local file watched by a <see cref="SettingsMonitor"/> with its default 50 ms quiet period.
/// Target (issue #3): p99 at most 100 ms. BenchmarkDotNet does not fit (each sample is a wait on the
/// file system watcher, not a loop of calls), so this is a plain harness:
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- reload-latency [--edits 200]
/// </summary>
public static class ConfigReloadLatency
{
    private const int WarmUpEdits = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var edits = args.Length >= 2 && args[0] == "--edits" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        using var dir = new TempDirectory();
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "config"), Path.Combine(dir.Path, "config"));
        var path = dir.Write("config/local/risk.yaml", Content(0));
        var source = SettingsSource.WithVariables(dir.Path, new Dictionary<string, string>()) with { ReloadOnChange = true };
        using var monitor = new SettingsMonitor(source);
        var applied = Channel.CreateUnbounded<SettingsChange>();
        using var subscription = monitor.OnApplied(change => applied.Writer.TryWrite(change));
        using var rejections = monitor.OnRejected(rejection => Console.Error.WriteLine($"unexpected rejection: {string.Join("; ", rejection.Errors)}"));

        var measured = new List<double>();
        var observed = new List<double>();
        for (var i = 1; i <= WarmUpEdits + edits; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await File.WriteAllTextAsync(path, Content(i));
            SettingsChange change;
            do
            {
                change = await applied.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            }
            while (change.Current.Settings.Risk.MaxDailyTurnover != Turnover(i));

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (i > WarmUpEdits)
            {
                measured.Add(change.Latency.TotalMilliseconds);
                observed.Add(elapsed.TotalMilliseconds);
            }

            // Separate saves, as an operator makes them, not one long burst.
            await Task.Delay(20);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"config reload latency over {edits} edits of config/local/risk.yaml (quiet period {SettingsMonitorOptions.DefaultQuietPeriod.TotalMilliseconds} ms, {Environment.ProcessorCount} cores)"));
        Console.WriteLine("                                     p50      p95      p99      max");
        Console.WriteLine(Row("monitor: file write time -> applied", measured));
        Console.WriteLine(Row("harness: before write -> notified", observed));
        var p99 = Percentile(measured.Order().ToList(), 99);
        Console.WriteLine(p99 <= 100 ? "p99 within the 100 ms target" : "p99 ABOVE the 100 ms target");
        return p99 <= 100 ? 0 : 1;
    }

    // Distinct values, so every edit changes a key and is applied (never 'no value changed').
    private static double Turnover(int edit) => 0.1 + ((edit % 2) * 0.1);

    private static string Content(int edit) =>
        string.Create(CultureInfo.InvariantCulture, $"# edit {edit}\nrisk:\n  max_daily_turnover: {Turnover(edit):0.0}\n");

    private static string Row(string name, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-35} {Percentile(sorted, 50),6:0.0}ms {Percentile(sorted, 95),6:0.0}ms {Percentile(sorted, 99),6:0.0}ms {sorted[^1],6:0.0}ms");
    }

    // Nearest rank: the smallest sample with at least p% of the samples at or below it.
    private static double Percentile(List<double> sorted, int p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) != "local"))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
