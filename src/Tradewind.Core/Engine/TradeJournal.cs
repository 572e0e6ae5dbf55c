using Tradewind.Core.Analytics;
using Tradewind.Core.Collections;

namespace Tradewind.Core.Engine;

/// <summary>
/// Everything a run did: every order with its final status and reason, every fill, every closed round trip and
/// the equity curve (one point per time slice). Appended to by the engine only.
/// </summary>
public sealed class TradeJournal
{
    private readonly AppendOnlyLog<OrderTicket> _orders = new();
    private readonly AppendOnlyLog<JournalFill> _fills = new();
    private readonly List<ClosedTrade> _trades = [];

    internal TradeJournal(int capacity) => Equity = new EquityCurve(capacity);

    /// <summary>A journal whose equity curve reads its times from <paramref name="times"/> (a one-series run's bars).</summary>
    internal TradeJournal(int capacity, DateTime[] times, int count) => Equity = new EquityCurve(capacity, times, count);

    /// <summary>Every order in placement order, as it stands now.</summary>
    public IReadOnlyList<JournalOrder> Orders
    {
        get
        {
            var records = new JournalOrder[_orders.Count];
            for (var i = 0; i < records.Length; i++)
            {
                records[i] = _orders.GetRef(i).ToRecord();
            }

            return records;
        }
    }

    /// <summary>Number of orders placed.</summary>
    public int OrderCount => _orders.Count;

    /// <summary>Every fill in execution order.</summary>
    public IReadOnlyList<JournalFill> Fills => _fills;

    /// <summary>Every closed round trip (flat → long → flat) in closing order.</summary>
    public IReadOnlyList<ClosedTrade> ClosedTrades => _trades;

    /// <summary>The equity curve.</summary>
    public EquityCurve Equity { get; }

    /// <summary>Appends an order placed now; its id must be <see cref="OrderCount"/> + 1.</summary>
    internal void Add(in OrderTicket order)
    {
        if (order.Id != _orders.Count + 1)
        {
            throw new InvalidOperationException($"order ids are the journal's sequence: expected {_orders.Count + 1}, got {order.Id}");
        }

        _orders.Add(order);
    }

    /// <summary>The order <paramref name="id"/>, to update in place.</summary>
    internal ref OrderTicket Order(long id) => ref _orders.GetRef((int)(id - 1));

    internal void Add(JournalFill fill) => _fills.Add(fill);

    internal void Add(ClosedTrade trade) => _trades.Add(trade);
}
