namespace Tradewind.Configuration.Reloading;

/// <summary>
/// Listeners of one kind of notification. Adding and removing are thread-safe and never block a
/// notification in progress (copy on write); each registration is removed by disposing its token.
/// </summary>
/// <typeparam name="T">What a notification carries.</typeparam>
internal sealed class SubscriberList<T>
{
    private readonly Lock _gate = new();
    private Registration[] _registrations = [];

    /// <summary>Adds a listener; dispose the result to remove it.</summary>
    public IDisposable Add(Action<T> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var registration = new Registration(this, listener);
        lock (_gate)
        {
            _registrations = [.. _registrations, registration];
        }

        return registration;
    }

    /// <summary>Removes every listener.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _registrations = [];
        }
    }

    /// <summary>
    /// Calls every listener with <paramref name="value"/> until <paramref name="stopped"/> says so.
    /// A throwing listener does not keep the others from hearing; its exception is thrown afterwards.
    /// </summary>
    /// <exception cref="AggregateException">One or more listeners threw.</exception>
    public void Notify(T value, Func<bool> stopped)
    {
        List<Exception>? failures = null;
        foreach (var registration in Volatile.Read(ref _registrations))
        {
            if (stopped())
            {
                break;
            }

            if (!registration.IsActive)
            {
                continue;
            }

            try
            {
                registration.Listener(value);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("a settings listener failed", failures);
        }
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            _registrations = Array.FindAll(_registrations, r => !ReferenceEquals(r, registration));
        }
    }

    private sealed class Registration(SubscriberList<T> owner, Action<T> listener) : IDisposable
    {
        private volatile bool _disposed;

        public Action<T> Listener => listener;

        // A notification already iterating its copy must not call a listener removed meanwhile.
        public bool IsActive => !_disposed;

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }
    }
}
