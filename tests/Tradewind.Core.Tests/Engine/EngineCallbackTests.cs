using Tradewind.Core.Engine;

namespace Tradewind.Core.Tests.Engine;

public sealed class EngineCallbackTests
{
    [Fact]
    public void A_fill_at_the_open_is_reported_after_the_bar_is_complete_and_before_OnBar()
    {
        var calls = new List<string>();
        var strategy = new ScriptedStrategy
        {
            OnFillDo = (ctx, fill) => calls.Add($"fill {fill.Fill.Time:MM-dd} seen at {ctx.Time:MM-dd} bars {ctx.History(0).Count}"),
            OnBarDo = (ctx, s) => calls.Add($"bar {ctx.Time:MM-dd}"),
        }.At(0, ctx => ctx.Buy(0, OrderSizing.Units(1)));
        var series = TestBars.Closes("SPY", 100, 101, 102);

        EngineRun.Run(strategy, series);

        // The buy decided on bar 0 fills at bar 1's open; the strategy hears of it on bar 1's close, with bar 1
        // complete, and before bar 1's OnBar: the callback is never in the middle of a bar.
        var day1 = TestBars.Day(1).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fillIndex = calls.IndexOf($"fill {day1} seen at {day1} bars 2");
        Assert.True(fillIndex >= 0, string.Join(" | ", calls));
        Assert.Equal($"bar {day1}", calls[fillIndex + 1]);
    }

    [Fact]
    public void An_order_placed_before_the_first_bar_is_refused_with_the_reason()
    {
        var strategy = new PlacesInOnStart();
        var series = TestBars.Closes("SPY", 100, 101);

        var error = Assert.Throws<InvalidOperationException>(() => EngineRun.Run(strategy, series));

        Assert.Contains("before the first bar", error.Message, StringComparison.Ordinal);
    }

    private sealed class PlacesInOnStart : Strategy
    {
        public override void OnStart(StrategyContext context) => context.Buy(0, OrderSizing.Units(1));

        public override void OnBar(StrategyContext context, int symbol)
        {
        }
    }
}

public sealed class EngineOverflowTests
{
    [Fact]
    public void An_order_beyond_the_range_of_decimal_is_rejected_with_the_reason_not_a_crash()
    {
        long id = 0;
        var strategy = new ScriptedStrategy().At(0, ctx => id = ctx.Buy(0, OrderSizing.Units(10_000_000_000_000_000_000_000_000m)));
        var engine = EngineRun.Run(strategy, TestBars.Closes("SPY", 10_000, 10_000, 10_000));

        var order = engine.Order(id);
        Assert.Equal(Tradewind.Core.Execution.OrderStatus.Rejected, order.Status);
        Assert.Contains("exceed what the ledger's decimal can hold", order.Note, StringComparison.Ordinal);
        Assert.True(engine.Ledger.Reconciles);
        Assert.Equal(100_000m, engine.Ledger.Cash);
    }
}

public sealed class EngineProtectionAndTargetTests
{
    [Fact]
    public void A_stop_that_would_be_below_zero_is_not_placed_and_the_entry_says_so()
    {
        long id = 0;
        var strategy = new ScriptedStrategy().At(0, ctx => id = ctx.Buy(0, OrderSizing.Units(1), bracket: new Bracket(StopDistance: 500)));
        var engine = EngineRun.Run(strategy, TestBars.Closes("SPY", 100, 100, 100));

        var entry = engine.Order(id);
        Assert.Equal(Tradewind.Core.Execution.OrderStatus.Filled, entry.Status);
        Assert.Contains("no stop placed", entry.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Journal.Orders, o => o.ParentId == id);
    }

    [Fact]
    public void A_negative_target_changes_nothing_even_for_the_symbols_before_it()
    {
        var strategy = new ScriptedStrategy()
            .At(0, ctx => ctx.Buy(0, OrderSizing.Units(1)))
            .At(1, ctx => ctx.Buy(0, OrderSizing.Units(1)));
        var caught = false;
        strategy = strategy.At(1, ctx =>
        {
            try
            {
                ctx.SetTargetValues([0m, -1m]);
            }
            catch (ArgumentOutOfRangeException)
            {
                caught = true;
            }
        });
        var engine = EngineRun.Run(strategy, TestBars.Closes("SPY", 100, 100, 100, 100), TestBars.Closes("QQQ", 50, 50, 50, 50));

        Assert.True(caught);
        Assert.DoesNotContain(engine.Journal.Orders, o => o.Status == Tradewind.Core.Execution.OrderStatus.Cancelled);
        Assert.Equal(2m, engine.Ledger.QuantityOf(engine.Symbols[0]));
    }
}
