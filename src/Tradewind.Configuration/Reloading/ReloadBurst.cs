namespace Tradewind.Configuration.Reloading;

/// <summary>The file events since the last reload: which paths, and when the first and the last arrived.</summary>
internal sealed class ReloadBurst
{
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>Starts a burst with its first event.</summary>
    public ReloadBurst(DateTimeOffset firstEventAt)
    {
        FirstEventAt = firstEventAt;
        LastEventAt = firstEventAt;
    }

    /// <summary>When the first event arrived.</summary>
    public DateTimeOffset FirstEventAt { get; }

    /// <summary>When the last event arrived.</summary>
    public DateTimeOffset LastEventAt { get; private set; }

    /// <summary>The full paths of the files and folders the events named.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    /// <summary>True when the watcher lost events, so the paths may not be all that changed.</summary>
    public bool LostEvents { get; private set; }

    /// <summary>Adds one event; a null path means events were lost.</summary>
    public void Add(string? path, DateTimeOffset at)
    {
        if (path is null)
        {
            LostEvents = true;
        }
        else
        {
            _paths.Add(path);
        }

        LastEventAt = at;
    }
}
