namespace Tradewind.Testing;

/// <summary>
/// A clock that only moves when the test says so. Timers (and so <c>Task.Delay(d, clock)</c>, Polly's waits,
/// cancellation timeouts) fire when <see cref="Advance"/> passes their due time; every due time ever asked for is
/// kept in <see cref="RequestedDelays"/> so a test can assert how long code wanted to wait without waiting.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _requested = [];
    private DateTimeOffset _now;

    /// <summary>Creates the clock at <paramref name="start"/>.</summary>
    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    /// <summary>Every finite due time passed to a timer (creation or change), in the order asked.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requested];
            }
        }
    }

    /// <summary>How long from now each armed timer is due, soonest first.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - _now).Order()];
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is { } due && due <= target).MinBy(t => t.Due!.Value);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }

            // Outside the lock: a callback may create or change timers.
            next.Fire();
        }
    }

    /// <summary>Waits (in real time, up to <paramref name="timeout"/>) until a timer due in exactly <paramref name="dueIn"/> is armed.</summary>
    public async Task WaitForPendingAsync(TimeSpan dueIn, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!PendingDelays.Contains(dueIn))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no timer due in {dueIn} was armed within {timeout}; pending: [{string.Join(", ", PendingDelays)}]");
            }

            await Task.Delay(5);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }

            timer.Period = period == Timeout.InfiniteTimeSpan ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Due = null;
                return;
            }

            _requested.Add(dueTime);
            timer.Due = _now + dueTime;
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
