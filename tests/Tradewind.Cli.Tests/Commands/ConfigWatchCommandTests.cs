using System.Text.RegularExpressions;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

/// <summary><c>tradewind config watch</c> end to end, in process, on real files. Latencies are printed, never asserted.</summary>
public sealed partial class ConfigWatchCommandTests : IDisposable
{
    // Each wait looks for the line of the edit itself: a file's truncation and its write may reach the
    // watcher as two reloads on a busy machine, which is the monitor's business (tested there), not the printing's.
    private readonly TempDirectory _dir = new();

    public ConfigWatchCommandTests()
    {
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "config"), Path.Combine(_dir.Path, "config"));
    }

    [Fact]
    public async Task Watch_prints_each_applied_edit_with_its_changed_keys_and_exits_0_when_stopped()
    {
        await using var watch = BackgroundRun.Start(_dir.Path, "config", "watch");
        var start = await watch.WaitForLineAsync(l => l.StartsWith("watching ", StringComparison.Ordinal));
        Assert.Matches(StartLine(), start);
        Assert.Contains("(environment development)", start, StringComparison.Ordinal);

        Edit("config/base/risk.yaml", "max_gross_exposure: 1.0", "max_gross_exposure: 0.8");
        var applied = await watch.WaitForLineAsync(l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("risk.", StringComparison.Ordinal));
        Assert.Matches(AppliedLine("risk.max_gross_exposure 1.0 -> 0.8"), applied);

        Write("config/local/risk.yaml", "risk:\n  max_daily_turnover: 0.3\n  max_position_weight: 0.5\n");
        var second = await watch.WaitForLineAsync(l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("risk.", StringComparison.Ordinal), skip: 1);
        Assert.Matches(AppliedLine("risk.max_position_weight 0.6 -> 0.5, risk.max_daily_turnover 0.5 -> 0.3"), second);

        var result = await watch.StopAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("stopped watching config/", result.OutputLines[^1]);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Watch_prints_every_error_of_a_rejected_edit_keeps_watching_and_applies_the_fix()
    {
        await using var watch = BackgroundRun.Start(_dir.Path, "config", "watch", "--env", "staging");
        Assert.Contains("(environment staging)", await watch.WaitForLineAsync(l => l.StartsWith("watching ", StringComparison.Ordinal)), StringComparison.Ordinal);

        Write("config/local/risk.yaml", "risk:\n  max_gross_exposure: 1.5\n  max_gros_exposure: 1\n");
        var rejected = await watch.WaitForLineAsync(l => l.StartsWith("rejected", StringComparison.Ordinal));
        Assert.Matches(@"^rejected in \d+ ms \(2 errors\); the previous settings stay in force:$", rejected);
        var lines = watch.OutputLines.ToList();
        var errors = lines.Skip(lines.IndexOf(rejected) + 1).Take(2).ToList();
        Assert.Contains(errors, l => l.StartsWith("  error: risk.max_gross_exposure: ", StringComparison.Ordinal) && l.EndsWith("(from config/local/risk.yaml)", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("  error: risk.max_gros_exposure: unknown key", StringComparison.Ordinal));

        Write("config/local/risk.yaml", "risk:\n  max_gross_exposure: 0.9\n");
        var applied = await watch.WaitForLineAsync(l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("risk.", StringComparison.Ordinal));
        Assert.Matches(AppliedLine("risk.max_gross_exposure 1.0 -> 0.9"), applied);

        Assert.Equal(0, (await watch.StopAsync()).ExitCode);
    }

    [Fact]
    public async Task Watch_masks_secrets_in_the_changed_keys()
    {
        Write(".env", "ALPHAVANTAGE_API_KEY=FIRST-SECRET-KEY-1111\n");
        await using var watch = BackgroundRun.Start(_dir.Path, "config", "watch");
        await watch.WaitForLineAsync(l => l.StartsWith("watching ", StringComparison.Ordinal));

        Write(".env", "ALPHAVANTAGE_API_KEY=SECOND-SECRET-KEY-2222\n");
        var applied = await watch.WaitForLineAsync(l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("api_key", StringComparison.Ordinal));
        Assert.Matches(AppliedLine(@"data\.alphavantage\.api_key \*\*\*\*1111 -> \*\*\*\*2222", escape: false), applied);

        var result = await watch.StopAsync();
        Assert.DoesNotContain("SECRET", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_exits_1_with_the_problems_when_the_configuration_is_invalid_at_start()
    {
        Write("config/local/assets.yaml", "assets:\n  cash_buffer: 2\n");
        var result = await CliRun.RunAsync(_dir.Path, "config", "watch");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: assets.cash_buffer:", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("invalid: 1 error; fix the configuration", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_of_an_unknown_environment_is_a_user_error()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "watch", "--env", "qa");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown environment 'qa'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^watching config/ \(environment [a-z]+\): \d+ keys, valid$")]
    private static partial Regex StartLine();

    private static string AppliedLine(string changes, bool escape = true) => $@"^applied in \d+ ms: {(escape ? Regex.Escape(changes) : changes)}$";

    private void Write(string relativePath, string content) => _dir.Write(relativePath, content);

    private void Edit(string relativePath, string from, string to)
    {
        var path = Path.Combine(_dir.Path, relativePath);
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }

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
