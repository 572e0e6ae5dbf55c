using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// The journal keeps orders as records updated in place while they live (a stop moves, an order fills or is
/// cancelled); a run of hundreds of orders spreads them over several storage blocks, and every update must land on
/// its own order.
/// </summary>
public sealed class EngineJournalTests
{
    private const int Bars = 600;

    [Fact]
    public void Hundreds_of_bracketed_round_trips_journal_every_order_with_its_final_status()
    {
        // Each round trip: an entry with a stop-loss and a take-profit (never reached on these quiet bars), then an exit
        // decided on the bar after the entry fills, which cancels both protective orders. Four orders a round trip.
        var closes = new double[Bars];
        for (var i = 0; i < Bars; i++)
        {
            closes[i] = 100 + (i % 7 * 0.25);
        }

        var strategy = new ScriptedStrategy
        {
            OnBarDo = (c, s) =>
            {
                if (c.PendingOrders(s) > 0 && c.IsFlat(s))
                {
                    return;
                }

                if (c.IsFlat(s))
                {
                    c.Buy(s, OrderSizing.Units(10), "entry", new Bracket(StopDistance: 50, TakeProfitDistance: 50));
                }
                else
                {
                    c.ClosePosition(s, "exit");
                }
            },
        };
        var engine = EngineRun.Run(strategy, Closes("SPY", closes));

        var orders = engine.Journal.Orders;
        var fills = engine.Journal.Fills.ToDictionary(f => f.Fill.OrderId);
        Assert.True(orders.Count > 700, $"only {orders.Count} orders");
        Assert.Equal(Enumerable.Range(1, orders.Count).Select(i => (long)i), orders.Select(o => o.Id));
        var roundTrips = engine.Journal.ClosedTrades.Count;
        Assert.Equal(roundTrips, orders.Count(o => o.Reason == "exit" && o.Status == OrderStatus.Filled));

        foreach (var order in orders)
        {
            switch (order.Reason)
            {
                case "entry" or "exit" when order.Status == OrderStatus.Filled:
                    var fill = fills[order.Id].Fill;
                    Assert.Equal((fill.Price, fill.Quantity, fill.Time), (order.FillPrice, order.Quantity, order.StatusTime));
                    Assert.Null(order.ParentId);
                    break;
                case "stop-loss" or "take-profit":
                    var entry = orders[(int)order.ParentId!.Value - 1];
                    Assert.Equal(("entry", OrderStatus.Filled), (entry.Reason, entry.Status));
                    Assert.Equal(order.Reason == "stop-loss" ? (double)entry.FillPrice!.Value - 50 : (double)entry.FillPrice!.Value + 50, order.Reason == "stop-loss" ? order.StopPrice : order.LimitPrice);
                    if (order.Status == OrderStatus.Cancelled)
                    {
                        Assert.Equal("position closed", order.Note);
                        Assert.NotNull(order.StatusTime);
                        Assert.Null(order.FillPrice);
                    }
                    else
                    {
                        // Only the protection of a position still open when the data ends is left pending.
                        Assert.Equal(OrderStatus.Pending, order.Status);
                        Assert.True(order.ParentId > orders.Count - 4, $"order {order.Id} is pending in the middle of the run");
                    }

                    break;
                default:
                    Assert.True(order.Id > orders.Count - 4, $"order {order.Id} ({order.Reason}) ended {order.Status} in the middle of the run");
                    break;
            }
        }

        Assert.True(engine.Ledger.Reconciles);
    }
}
