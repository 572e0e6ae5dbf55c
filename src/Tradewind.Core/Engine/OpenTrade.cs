using Tradewind.Core.Analytics;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>The round trip a symbol is in, from its first buy until it is flat again.</summary>
internal sealed class OpenTrade
{
    public required Symbol Symbol { get; init; }

    public required DateTime EntryTime { get; init; }

    public required int EntryBar { get; init; }

    public decimal? InitialRiskPerUnit { get; set; }

    public decimal BoughtQuantity { get; private set; }

    public decimal BoughtNotional { get; private set; }

    public decimal SoldQuantity { get; private set; }

    public decimal SoldNotional { get; private set; }

    public decimal Commissions { get; private set; }

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
