using BenchmarkDotNet.Attributes;
using Tradewind.Configuration.Loading;
using Tradewind.Testing;

namespace Tradewind.Benchmarks;

/// <summary>
/// Load + validate the full shipped configuration in process, every layer present: config/base,
/// an environment overlay, config/local, .env, TRADEWIND__ variables and --set. Target: at most 20 ms warm.
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*ConfigLoad*'
/// </summary>
[MemoryDiagnoser]
public class ConfigLoadBenchmarks
{
    private TempDirectory? _dir;
    private SettingsSource _development = null!;
    private SettingsSource _production = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = new TempDirectory();
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "config"), Path.Combine(_dir.Path, "config"));
        _dir.Write("config/local/risk.yaml", "risk:\n  max_daily_turnover: 0.4\n");
        _dir.Write(".env", "TRADEWIND_DATABASE_URL=postgresql://trader:secret-password-1@db:5432/tradewind\nTRADEWIND__DATA__SIM__SEED=7\n");
        var variables = new Dictionary<string, string>
        {
            ["ALPHAVANTAGE_API_KEY"] = "ABCDEFGH12345678",
            ["TRADEWIND__NOTIFICATIONS__MIN_LEVEL"] = "error",
        };
        _development = SettingsSource.WithVariables(_dir.Path, variables, "development") with { Overrides = ["risk.levels[0].exposure=0.7"] };
        _production = _development with { Environment = "production" };
        if (!SettingsLoader.Load(_production).IsValid)
        {
            throw new InvalidOperationException("the benchmark's production configuration must be valid");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _dir?.Dispose();

    [Benchmark(Description = "load+validate development")]
    public bool Development() => SettingsLoader.Load(_development).IsValid;

    [Benchmark(Description = "load+validate production")]
    public bool Production() => SettingsLoader.Load(_production).IsValid;

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
