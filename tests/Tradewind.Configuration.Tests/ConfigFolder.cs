using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Loading;
using Tradewind.Testing;

namespace Tradewind.Configuration.Tests;

/// <summary>A temporary working directory holding a copy of the shipped config/ tree (or an empty one), with helpers to edit it and load it.</summary>
public sealed class ConfigFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ConfigFolder(bool shipped = true)
    {
        if (shipped)
        {
            Copy(System.IO.Path.Combine(TestEnvironment.RepositoryRoot, "config"), System.IO.Path.Combine(_dir.Path, "config"));
        }
        else
        {
            Directory.CreateDirectory(System.IO.Path.Combine(_dir.Path, "config", "base"));
        }
    }

    public string Path => _dir.Path;

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string Write(string relativePath, string content) => _dir.Write(relativePath, content);

    public SettingsSnapshot Load(string? environment = null, params string[] overrides) =>
        SettingsLoader.Load(SettingsSource.WithVariables(Path, Variables, environment) with { Overrides = overrides });

    public BotDocumentSet LoadBots(string? environment = null) =>
        BotDocumentLoader.Load(SettingsSource.WithVariables(Path, Variables, environment));

    public void Dispose() => _dir.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            if (System.IO.Path.GetFileName(dir) != "local")
            {
                Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
            }
        }
    }
}
