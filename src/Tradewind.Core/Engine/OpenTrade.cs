using Tradewind.Core.Analytics;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>
/// The round trip a symbol is in, from its first buy until it is flat again. The engine keeps one per symbol and
/// <see cref="Start"/>s it again for the next round trip.
/// </summary>
internal sealed class OpenTrade
{
    public Symbol Symbol { get; private set; }

    public DateTime EntryTime { get; private set; }

    public int EntryBar { get; private set; }

    public decimal? InitialRiskPerUnit { get; set; }

    public decimal BoughtQuantity { get; private set; }

    public decimal BoughtNotional { get; private set; }

    public decimal SoldQuantity { get; private set; }

    public decimal SoldNotional { get; private set; }

    public decimal Commissions { get; private set; }

    /// <summary>Begins a round trip: everything from the previous one is cleared.</summary>
    public void Start(Symbol symbol, DateTime entryTime, int entryBar)
    {
        Symbol = symbol;
        EntryTime = entryTime;
        EntryBar = entryBar;
        InitialRiskPerUnit = null;
        BoughtQuantity = 0m;
        BoughtNotional = 0m;
        SoldQuantity = 0m;
        SoldNotional = 0m;
        Commissions = 0m;
    }

    public void Buy(decimal quantity, decimal price, decimal commission)
    {
        BoughtQuantity += quantity;
        BoughtNotional += quantity * price;
        Commissions += commission;
    }

    public void Sell(decimal quantity, decimal price, decimal commission)
    {
        SoldQuantity += quantity;
        SoldNotional += quantity * price;
        Commissions += commission;
    }

    public ClosedTrade Close(DateTime exitTime, int exitBar, string exitReason) => new(
        Symbol,
        EntryTime,
        BoughtNotional / BoughtQuantity,
        exitTime,
        SoldNotional / SoldQuantity,
        BoughtQuantity,
        SoldNotional - BoughtNotional - Commissions,
        exitBar - EntryBar,
        exitReason,
        InitialRiskPerUnit);
}
