using Tradewind.Core.Collections;

namespace Tradewind.Core.Tests.Collections;

public sealed class AppendOnlyLogTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(191)]
    [InlineData(192)]
    [InlineData(193)]
    [InlineData(448)]
    [InlineData(5_000)]
    [InlineData(300_000)]
    public void Keeps_every_record_in_order_across_blocks(int count)
    {
        var log = new AppendOnlyLog<(int Index, decimal Amount)>();
        for (var i = 0; i < count; i++)
        {
            log.Add((i, i * 1.25m));
        }

        Assert.Equal(count, log.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((i, i * 1.25m), log[i]);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => (i, i * 1.25m)), log);
    }

    [Fact]
    public void Refuses_an_index_outside_the_records()
    {
        var log = new AppendOnlyLog<int>();
        log.Add(7);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }

    [Fact]
    public void A_record_updated_through_its_reference_keeps_the_update_while_the_log_grows()
    {
        var log = new AppendOnlyLog<(int Id, string Status)>();
        for (var i = 0; i < 100; i++)
        {
            log.Add((i, "pending"));
        }

        ref var order = ref log.GetRef(70);
        for (var i = 100; i < 10_000; i++)
        {
            log.Add((i, "pending"));
        }

        order.Status = "filled";
        Assert.Equal((70, "filled"), log[70]);
        Assert.Equal((9_999, "pending"), log[9_999]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.GetRef(10_000));
    }

    [Fact]
    public void Earlier_records_are_not_moved_by_later_appends()
    {
        // A List<T> would copy its array while doubling; the log's blocks stay where they are, so a reader that
        // enumerated before an append still sees the same values.
        var log = new AppendOnlyLog<long>();
        for (var i = 0; i < 300; i++)
        {
            log.Add(i);
        }

        var before = log.Take(300).ToArray();
        for (var i = 300; i < 3_000; i++)
        {
            log.Add(i);
        }

        Assert.Equal(before, log.Take(300));
    }
}
