namespace Tradewind.Configuration.Reloading;

/// <summary>
/// Watches what a configuration load reads: the folder layers under <c>config/</c> and the <c>.env</c>
/// file. The whole <c>config/</c> folder is watched (recursively) rather than the files that exist, so a
/// file or a <c>config/local</c> folder created after start is seen too. Reports each relevant path.
/// </summary>
internal sealed class LayerFileWatcher : IDisposable
{
    private static readonly string[] FileExtensions = [".yaml", ".yml", ".json"];
    private static readonly char[] Separators = ['/', '\\'];

    private readonly string _configDirectory;
    private readonly Func<string?> _environment;
    private readonly Action<string?> _changed;
    private readonly FileSystemWatcher _config;
    private readonly FileSystemWatcher _dotEnv;

    /// <summary>Starts watching.</summary>
    /// <param name="workingDirectory">The folder holding <c>config/</c> and <c>.env</c>.</param>
    /// <param name="environment">The environment whose folder is a layer; null while unknown (every folder counts then).</param>
    /// <param name="changed">Called with the full path of a relevant file or folder, or null when the watcher lost events.</param>
    public LayerFileWatcher(string workingDirectory, Func<string?> environment, Action<string?> changed)
    {
        _configDirectory = Path.GetFullPath(Path.Combine(workingDirectory, "config"));
        _environment = environment;
        _changed = changed;
        _config = new FileSystemWatcher(_configDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _dotEnv = new FileSystemWatcher(Path.GetFullPath(workingDirectory), ".env")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        try
        {
            Subscribe(_config, IsLayerPath);
            Subscribe(_dotEnv, _ => true);
            _config.EnableRaisingEvents = true;
            _dotEnv.EnableRaisingEvents = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _config.Dispose();
        _dotEnv.Dispose();
    }

    private void Subscribe(FileSystemWatcher watcher, Func<string, bool> relevant)
    {
        void Report(string path)
        {
            if (relevant(path))
            {
                _changed(path);
            }
        }

        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Created += (_, e) => Report(e.FullPath);
        watcher.Deleted += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            // An editor's atomic save renames a temporary file over the real one: either name may matter.
            Report(e.OldFullPath);
            Report(e.FullPath);
        };

        // An overflowing event buffer means changes were lost: reload anyway rather than miss one.
        watcher.Error += (_, _) => _changed(null);
    }

    // A layer file (config/<layer>/<name>.yaml|yml|json) or a layer folder itself (created, deleted, renamed).
    private bool IsLayerPath(string fullPath)
    {
        var parts = Path.GetRelativePath(_configDirectory, fullPath).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || !IsLayerFolder(parts[0]))
        {
            return false;
        }

        return parts.Length == 1 || FileExtensions.Contains(Path.GetExtension(parts[1]), StringComparer.OrdinalIgnoreCase);
    }

    private bool IsLayerFolder(string name) =>
        name is "base" or "local"
        || (_environment() is { } environment ? name == environment : name is not ("bots" or "templates" or ".."));
}
