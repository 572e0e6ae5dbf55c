namespace Tradewind.Testing;

/// <summary>
/// Locates the real market data in <c>../shared/data</c> beside the repository (or in
/// TRADEWIND_SHARED_DATA). The data is for tests and benchmarks only and never copied into the repository.
/// </summary>
public static class SharedData
{
    /// <summary>The data folder, or null when it is not there.</summary>
    public static string? Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("TRADEWIND_SHARED_DATA");
            var path = !string.IsNullOrEmpty(configured)
                ? configured
                : Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data"));
            return System.IO.Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The data folder; skips the test when it is missing (fails it under CI).</summary>
    public static string Require()
    {
        var dir = Directory;
        if (dir is null)
        {
            TestEnvironment.SkipOrFail("the shared market data (../shared/data or TRADEWIND_SHARED_DATA) is not on this machine");
        }

        return dir!;
    }

    /// <summary>The full path of a file below the data folder, e.g. <c>daily/SPY.csv</c>; skips when missing.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(Require(), relativePath);
        if (!System.IO.File.Exists(path))
        {
            TestEnvironment.SkipOrFail($"shared data file {path} is missing");
        }

        return path;
    }
}
