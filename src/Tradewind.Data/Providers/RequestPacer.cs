using System.Globalization;

namespace Tradewind.Data.Providers;

/// <summary>
/// Spaces the requests to a rate-limited service: at least <see cref="MinimumInterval"/> between the starts of two
/// requests, and at most <see cref="MaxRequestsPerMinute"/> starts in any sliding minute. Time comes from the
/// <see cref="TimeProvider"/> it is given, so tests drive it with a manual clock instead of waiting.
/// </summary>
/// <remarks>
/// One pacer stands for one quota: share the instance between every client that spends the same API key.
/// A slot is reserved when a caller asks for its turn, so concurrent callers queue up in order; a caller
/// cancelled while waiting still counts against the quota, which errs on the side of the limit.
/// </remarks>
public sealed class RequestPacer
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _recentStarts = new();
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastStart;

    /// <summary>Creates a pacer.</summary>
    /// <param name="minimumInterval">The least time between the starts of two requests; zero for none.</param>
    /// <param name="maxRequestsPerMinute">The most request starts in any 60-second window; at least 1.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public RequestPacer(TimeSpan minimumInterval, int maxRequestsPerMinute, TimeProvider? timeProvider = null)
    {
        if (minimumInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumInterval), minimumInterval, "the pause between requests must not be negative");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequestsPerMinute, 1);
        MinimumInterval = minimumInterval;
        MaxRequestsPerMinute = maxRequestsPerMinute;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The least time between the starts of two requests.</summary>
    public TimeSpan MinimumInterval { get; }

    /// <summary>The most request starts in any 60-second window.</summary>
    public int MaxRequestsPerMinute { get; }

    /// <summary>
    /// Reserves the next free start time and returns how long from now the caller must wait for it (zero when it may
    /// start at once). Every call reserves a slot: call it once per request.
    /// </summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var start = now;
            if (_lastStart is { } last && last + MinimumInterval > start)
            {
                start = last + MinimumInterval;
            }

            // Starts that left the window before this one no longer count against the per-minute limit.
            while (_recentStarts.Count > 0 && _recentStarts.Peek() + Minute <= start)
            {
                _recentStarts.Dequeue();
            }

            if (_recentStarts.Count >= MaxRequestsPerMinute)
            {
                // The window is full: this start waits until the oldest start in it is a minute old.
                start = _recentStarts.ElementAt(_recentStarts.Count - MaxRequestsPerMinute) + Minute;
                while (_recentStarts.Count > 0 && _recentStarts.Peek() + Minute <= start)
                {
                    _recentStarts.Dequeue();
                }
            }

            _recentStarts.Enqueue(start);
            _lastStart = start;
            return start - now;
        }
    }

    /// <summary>Reserves the next start time (see <see cref="Reserve"/>) and waits for it on the pacer's clock.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RequestPacer {{ MinimumInterval = {MinimumInterval.TotalSeconds} s, MaxRequestsPerMinute = {MaxRequestsPerMinute} }}");
}
