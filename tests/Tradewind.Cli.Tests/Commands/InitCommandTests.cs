using System.Text.RegularExpressions;
using Tradewind.Configuration.Templates;
using Tradewind.Testing;

namespace Tradewind.Cli.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Templates => new(ConfigTemplates.All.Select(t => t.Name));

    [Fact]
    public void The_four_templates_of_the_issue_exist()
    {
        Assert.Equal(["capital-allocator", "live-bot", "multi-asset", "paper-bot"], ConfigTemplates.All.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_template_validates_unchanged_right_after_init(string template)
    {
        var init = await CliRun.RunAsync(_dir.Path, "init", "app", "--template", template);
        var validate = await CliRun.RunAsync(_dir.File("app"), "config", "validate");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);
        Assert.StartsWith("valid: environment development", validate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", validate.Output + validate.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_template_validates_in_production_once_the_variables_of_env_example_are_set(string template)
    {
        await CliRun.RunAsync(_dir.Path, "init", "app", "--template", template);
        var variables = File.ReadAllLines(_dir.File("app/.env.example"))
            .Where(l => l.EndsWith('=') && !l.StartsWith('#'))
            .ToDictionary(l => l.TrimEnd('='), l => l.Contains("URL", StringComparison.Ordinal) && l.StartsWith("TRADEWIND", StringComparison.Ordinal) ? "data/prod.db" : "value-of-" + l.TrimEnd('=').ToLowerInvariant() + "@example.com");

        var validate = await CliRun.RunWithEnvironmentAsync(_dir.File("app"), variables, "config", "validate", "--env", "production");

        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);
        Assert.DoesNotContain("value-of-", validate.Output + validate.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Env_example_lists_every_variable_the_files_reference(string template)
    {
        var files = ConfigTemplates.Find(template)!.Files;
        var listed = files[".env.example"].Split('\n').Where(l => l.EndsWith('=') && !l.StartsWith('#')).Select(l => l.TrimEnd('=')).ToHashSet();
        var referenced = files.Where(f => f.Key != ".env.example")
            .SelectMany(f => Regex.Matches(f.Value, @"\$\{([A-Z0-9_]+)").Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Equal(referenced.Order(), listed.Order());
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_and_writes_nothing_unless_forced()
    {
        await CliRun.RunAsync(_dir.Path, "init", "app", "--template", "paper-bot");
        var risk = _dir.File("app/config/base/risk.yaml");
        await File.WriteAllTextAsync(risk, "# my edits\n", TestContext.Current.CancellationToken);
        var bot = _dir.File("app/config/bots/paper_bot_001.yaml");
        File.Delete(bot);

        var refused = await CliRun.RunAsync(_dir.Path, "init", "app", "--template", "paper-bot");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already has", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written. Use another folder, or --force to overwrite them", refused.Error, StringComparison.Ordinal);
        Assert.Equal("# my edits\n", await File.ReadAllTextAsync(risk, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(bot));

        var forced = await CliRun.RunAsync(_dir.Path, "init", "app", "--template", "paper-bot", "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("# my edits\n", await File.ReadAllTextAsync(risk, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(bot));
    }

    [Fact]
    public async Task An_unknown_template_is_named_with_the_known_ones()
    {
        var result = await CliRun.RunAsync(_dir.Path, "init", "app", "--template", "scalper");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--template: 'scalper' is not a template; use one of capital-allocator, live-bot, multi-asset, paper-bot", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("app")));
    }

    [Fact]
    public async Task Config_templates_lists_each_with_its_description()
    {
        var result = await CliRun.RunAsync(_dir.Path, "config", "templates");
        Assert.Equal(0, result.ExitCode);
        foreach (var template in ConfigTemplates.All)
        {
            Assert.Contains(template.Name, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Momentum and volatility-targeting portfolio over GLD, SPY, QQQ and BTC-USD", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
