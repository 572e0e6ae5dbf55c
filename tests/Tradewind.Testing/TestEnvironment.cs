using Xunit;

namespace Tradewind.Testing;

/// <summary>Facts about where the tests run: the repository root and whether this is CI.</summary>
public static class TestEnvironment
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>True under CI (CI=true or CI=1): a missing prerequisite is then a failure, never a skip.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The folder that holds Tradewind.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>
    /// Skips the running test with <paramref name="reason"/>, except under CI, where the missing
    /// prerequisite fails the test so that a green CI run always means the test really ran.
    /// </summary>
    public static void SkipOrFail(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"{reason} (CI=true: a missing prerequisite is a failure, not a skip)");
        }

        Assert.Skip(reason);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tradewind.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Tradewind.slnx above {AppContext.BaseDirectory}");
    }
}
