using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reporting;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Validation;
using MicrosoftOptions = Microsoft.Extensions.Options.Options;

namespace Tradewind.Configuration.Reloading;

/// <summary>
/// Tradewind's settings kept current while the files change, as an <see cref="IOptionsMonitor{TOptions}"/>.
/// With <see cref="SettingsSource.ReloadOnChange"/> it watches every file layer (config/base, the environment's
/// folder, config/local, .env; files created or deleted after start included), waits for a quiet period
/// after each burst of file events, then reloads all layers, binds and validates. A valid load is put in
/// force at once and announced to <see cref="OnChange"/> and <see cref="OnApplied"/> listeners; an invalid
/// one is announced to <see cref="OnRejected"/> listeners only, and the previous settings stay in force.
/// </summary>
/// <remarks>
/// The environment is fixed at start: an edit of TRADEWIND_ENVIRONMENT in .env applies at the next start,
/// so a hot edit can never move a running process from staging to production. Listeners are called one
/// at a time, on a timer thread, never after <see cref="Dispose"/> has returned. A listener that throws
/// does not keep the others from hearing; its exception is then thrown on the timer thread, unhandled,
/// as from any background callback.
/// </remarks>
public sealed class SettingsMonitor : IOptionsMonitor<TradewindSettings>, IDisposable
{
    // A file moved into config/ keeps its old write time; one that old was not written by this burst.
    private static readonly TimeSpan WriteTimeTolerance = TimeSpan.FromSeconds(1);

    // A file rewritten without pause (a log, a sync tool) must not postpone the reload forever.
    private const int MaxQuietPeriodsPerBurst = 20;

    private readonly SettingsSource _source;
    private readonly SettingsMonitorOptions _options;
    private readonly Lock _burstGate = new();
    private readonly Lock _reloadGate = new();
    private readonly SubscriberList<TradewindSettings> _changed = new();
    private readonly SubscriberList<SettingsChange> _applied = new();
    private readonly SubscriberList<SettingsRejection> _rejected = new();
    private readonly ITimer? _quietTimer;
    private readonly LayerFileWatcher? _watcher;
    private readonly string? _environment;
    private volatile SettingsSnapshot? _inForce;
    private volatile SettingsSnapshot _latest;
    private volatile bool _disposed;
    private ReloadBurst? _burst;

    /// <summary>Loads the settings of <paramref name="source"/> and, with <see cref="SettingsSource.ReloadOnChange"/>, starts watching them.</summary>
    /// <exception cref="ConfigurationException">No config/base folder, or an unknown environment.</exception>
    public SettingsMonitor(SettingsSource source)
        : this(source, new SettingsMonitorOptions())
    {
    }

    /// <summary>Loads the settings of <paramref name="source"/> and, with <see cref="SettingsSource.ReloadOnChange"/>, starts watching them.</summary>
    /// <exception cref="ConfigurationException">No config/base folder, or an unknown environment.</exception>
    public SettingsMonitor(SettingsSource source, SettingsMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QuietPeriod, TimeSpan.Zero);
        _options = options;

        // Held until the monitor is complete: a burst arriving during the first load waits for it.
        using var building = _reloadGate.EnterScope();
        try
        {
            // Watch before the first load, so an edit made while it runs is not missed.
            if (source.ReloadOnChange && Directory.Exists(source.ConfigDirectory))
            {
                _quietTimer = options.TimeProvider.CreateTimer(_ => ReloadAfterQuietPeriod(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _watcher = new LayerFileWatcher(source.WorkingDirectory, () => _environment, FileChanged);
            }

            // Our own watcher sees created files too; the providers' per-file watchers would only be in the way.
            _latest = Load(source with { ReloadOnChange = false });
        }
        catch
        {
            _watcher?.Dispose();
            _quietTimer?.Dispose();
            throw;
        }

        _environment = _latest.Environment;
        _source = source with { Environment = _latest.Environment, ReloadOnChange = false };
        _inForce = _latest.IsValid ? _latest : null;
    }

    /// <summary>The environment's name, fixed for the monitor's life.</summary>
    public string Environment => _latest.Environment;

    /// <summary>True when file changes are watched (<see cref="SettingsSource.ReloadOnChange"/>).</summary>
    public bool IsWatching => _watcher is not null;

    /// <summary>The settings in force: the last valid load; null when no load has been valid yet.</summary>
    public SettingsSnapshot? InForce => _inForce;

    /// <summary>The last load, valid or not (the first load until a file changes).</summary>
    public SettingsSnapshot Latest => _latest;

    /// <summary>The settings in force (the last valid load).</summary>
    /// <exception cref="OptionsValidationException">No load has been valid yet; the failures are its errors, secrets masked.</exception>
    public TradewindSettings CurrentValue =>
        _inForce?.Settings
        ?? throw new OptionsValidationException(MicrosoftOptions.DefaultName, typeof(TradewindSettings), _latest.Errors.Select(e => e.ToString()));

    /// <summary>The settings in force, whatever the name: Tradewind has one settings object.</summary>
    /// <exception cref="OptionsValidationException">No load has been valid yet.</exception>
    public TradewindSettings Get(string? name) => CurrentValue;

    /// <summary>Calls <paramref name="listener"/> with the new settings each time a valid edit changes a value; never for an invalid one.</summary>
    /// <returns>Dispose it to stop listening.</returns>
    public IDisposable OnChange(Action<TradewindSettings, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return _changed.Add(settings => listener(settings, MicrosoftOptions.DefaultName));
    }

    /// <summary>Calls <paramref name="listener"/> after each valid reload, with the keys that changed (possibly none) and the latency.</summary>
    /// <returns>Dispose it to stop listening.</returns>
    public IDisposable OnApplied(Action<SettingsChange> listener) => _applied.Add(listener);

    /// <summary>Calls <paramref name="listener"/> after each invalid reload, with its errors; the previous settings stay in force.</summary>
    /// <returns>Dispose it to stop listening.</returns>
    public IDisposable OnRejected(Action<SettingsRejection> listener) => _rejected.Add(listener);

    /// <summary>Stops watching. A reload in progress finishes first; no listener is called after this returns.</summary>
    public void Dispose()
    {
        lock (_burstGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _burst = null;
        }

        _watcher?.Dispose();
        _quietTimer?.Dispose();

        // Taking the reload lock waits for a reload in progress (it checks _disposed before each listener).
        lock (_reloadGate)
        {
            _changed.Clear();
            _applied.Clear();
            _rejected.Clear();
        }
    }

    private void FileChanged(string? path)
    {
        var now = _options.TimeProvider.GetUtcNow();
        lock (_burstGate)
        {
            if (_disposed)
            {
                return;
            }

            _burst ??= new ReloadBurst(now);
            _burst.Add(path, now);

            // Each event restarts the quiet period, but a burst never waits more than a few of them.
            var deadline = _burst.FirstEventAt + (_options.QuietPeriod * MaxQuietPeriodsPerBurst);
            var due = TimeSpan.FromTicks(Math.Clamp((deadline - now).Ticks, 0, _options.QuietPeriod.Ticks));
            _quietTimer!.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReloadAfterQuietPeriod()
    {
        ReloadBurst? burst;
        lock (_burstGate)
        {
            burst = _burst;
            _burst = null;
        }

        if (burst is null)
        {
            return;
        }

        lock (_reloadGate)
        {
            if (!_disposed)
            {
                Reload(burst);
            }
        }
    }

    private void Reload(ReloadBurst burst)
    {
        SettingsSnapshot? loaded = null;
        IReadOnlyList<ConfigurationProblem> errors;
        try
        {
            loaded = Load(_source);
            errors = loaded.Errors;
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException or ThreadAbortException))
        {
            // Whatever a reload meets (config/base removed, a folder vanishing mid-read, a file rewritten
            // while a provider parses it) is a rejection: the settings in force stay, and a long-running
            // process must not die on the timer thread because of an edit.
            errors = [new ConfigurationProblem(ProblemSeverity.Error, "", null, ex.Message.ReplaceLineEndings(" "), null, "config/")];
        }

        var now = _options.TimeProvider.GetUtcNow();
        var latency = Latency(burst, now);
        var files = burst.Paths.Select(Display).Concat(burst.LostEvents ? ["(events lost: everything reloaded)"] : []).ToList();
        var previousLoad = _latest;
        if (loaded is not null)
        {
            _latest = loaded;
        }

        if (loaded is null || errors.Count > 0)
        {
            _rejected.Notify(new SettingsRejection(_inForce, errors, files, latency), () => _disposed);
            return;
        }

        var previous = _inForce;
        _inForce = loaded;

        // Before any valid load there is nothing in force: the change is told against the load it replaces.
        var changes = ConfigurationDiff.Compare(previous ?? previousLoad, loaded);
        try
        {
            if (previous is null || changes.Count > 0)
            {
                _changed.Notify(loaded.Settings, () => _disposed);
            }
        }
        finally
        {
            // A failing OnChange listener must not hide the change from the OnApplied ones (the watch command, logs).
            _applied.Notify(new SettingsChange(previous, loaded, changes, files, latency), () => _disposed);
        }
    }

    private SettingsSnapshot Load(SettingsSource source)
    {
        using var configuration = TradewindConfiguration.Open(source);
        var snapshot = configuration.Evaluate();
        if (_options.Validators.Count == 0 || !snapshot.IsValid)
        {
            return snapshot;
        }

        var extra = new List<ConfigurationProblem>();
        foreach (var validator in _options.Validators)
        {
            var result = validator.Validate(MicrosoftOptions.DefaultName, snapshot.Settings);
            if (result.Failed)
            {
                extra.AddRange((result.Failures ?? [result.FailureMessage]).Select(failure =>
                    new ConfigurationProblem(ProblemSeverity.Error, "", null, failure, null, $"validator {validator.GetType().Name}")));
            }
        }

        return extra.Count == 0
            ? snapshot
            : new SettingsSnapshot(snapshot.Environment, snapshot.Layers, snapshot.Values, snapshot.Settings, [.. extra, .. snapshot.Problems]);
    }

    // From the last write of a changed file to now; the last event stands in when no file has a usable write time.
    private static TimeSpan Latency(ReloadBurst burst, DateTimeOffset now)
    {
        DateTimeOffset? written = null;
        foreach (var path in burst.Paths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            var at = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if (at >= burst.FirstEventAt - WriteTimeTolerance && at <= now && (written is null || at > written))
            {
                written = at;
            }
        }

        var latency = now - (written ?? burst.LastEventAt);
        return latency < TimeSpan.Zero ? TimeSpan.Zero : latency;
    }

    private string Display(string path) => Path.GetRelativePath(_source.WorkingDirectory, path).Replace('\\', '/');
}
