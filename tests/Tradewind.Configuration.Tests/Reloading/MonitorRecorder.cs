using System.Collections.Concurrent;
using System.Threading.Channels;
using Tradewind.Configuration.Reloading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Tests.Reloading;

/// <summary>Records every notification of a monitor, in order, and lets a test wait for the next one.</summary>
public sealed class MonitorRecorder : IDisposable
{
    /// <summary>How long a test waits for a notification that must come (a loaded CI machine can be slow).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Channel<object> _notifications = Channel.CreateUnbounded<object>();
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public MonitorRecorder(SettingsMonitor monitor)
    {
        _subscriptions.Add(monitor.OnChange((settings, _) => ChangedSettings.Enqueue(settings)));
        _subscriptions.Add(monitor.OnApplied(Record));
        _subscriptions.Add(monitor.OnRejected(Record));
    }

    /// <summary>What OnChange listeners received.</summary>
    public ConcurrentQueue<TradewindSettings> ChangedSettings { get; } = new();

    /// <summary>Applied and rejected notifications so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public async Task<object> NextAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        return await _notifications.Reader.ReadAsync(ct).AsTask().WaitAsync(Patience, ct);
    }

    public async Task<SettingsChange> AppliedAsync()
    {
        var next = await NextAsync();
        return next as SettingsChange ?? throw new Xunit.Sdk.XunitException($"expected applied, got rejected: {string.Join(" | ", ((SettingsRejection)next).Errors)}");
    }

    public async Task<SettingsRejection> RejectedAsync() => Assert.IsType<SettingsRejection>(await NextAsync());

    /// <summary>The notifications recorded but not yet read.</summary>
    public List<object> Pending()
    {
        var pending = new List<object>();
        while (_notifications.Reader.TryRead(out var item))
        {
            pending.Add(item);
        }

        return pending;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Record(object notification)
    {
        Interlocked.Increment(ref _count);
        _notifications.Writer.TryWrite(notification);
    }
}
