using Tradewind.Data.Providers;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Providers;

public sealed class RequestPacerTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 12, 21, 35, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_request_starts_at_once_and_each_next_one_a_pause_after_the_previous_start()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(15), 5, clock);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(15), pacer.Reserve());
        // Callers that queue up get successive slots.
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve());

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.Reserve());

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
    }

    [Fact]
    public void Without_a_pause_the_per_minute_limit_holds_the_next_start_until_the_oldest_is_a_minute_old()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.Zero, 2, clock);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        Assert.Equal(TimeSpan.FromMinutes(1), pacer.Reserve());
        Assert.Equal(TimeSpan.FromMinutes(1), pacer.Reserve());
        Assert.Equal(TimeSpan.FromMinutes(2), pacer.Reserve());

        clock.Advance(TimeSpan.FromSeconds(150));
        // Of the reserved starts (0, 0, 60, 60, 120 s) only the one at 120 s is less than a minute before 150 s.
        Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve());
    }

    [Fact]
    public void The_five_a_minute_free_tier_with_a_15_second_pause_never_puts_more_than_five_starts_in_a_minute()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(15), 5, clock);
        var starts = Enumerable.Range(0, 20).Select(_ => pacer.Reserve()).ToList();

        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromSeconds(15), $"start {i} is {starts[i] - starts[i - 1]} after the previous one");
        }

        foreach (var start in starts)
        {
            Assert.InRange(starts.Count(s => s >= start && s < start + TimeSpan.FromMinutes(1)), 1, 5);
        }
    }

    [Fact]
    public async Task Waiting_for_a_turn_completes_only_when_the_clock_reaches_the_reserved_start()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(15), 5, clock);
        await pacer.WaitForTurnAsync(TestContext.Current.CancellationToken);

        var second = pacer.WaitForTurnAsync(TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        Assert.Equal([TimeSpan.FromSeconds(15)], clock.PendingDelays);

        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([TimeSpan.FromSeconds(15)], clock.RequestedDelays);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_with_cancellation()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(15), 5, clock);
        pacer.Reserve();
        using var cancel = new CancellationTokenSource();

        var wait = pacer.WaitForTurnAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void A_negative_pause_or_a_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(TimeSpan.FromSeconds(-1), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(TimeSpan.Zero, 0));
    }
}
