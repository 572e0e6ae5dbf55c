using Tradewind.Core.Market;

namespace Tradewind.Core.Analytics;

/// <summary>
/// One closed round trip of a long position: bought at the entry, sold at the exit. Money is <c>decimal</c>
/// as in the ledger; the return and the R multiple are derived from it so they cannot disagree with the P&amp;L.
/// </summary>
public sealed record ClosedTrade
{
    /// <summary>Creates a closed trade; see the properties for what each value means and must satisfy.</summary>
    /// <exception cref="ArgumentException">A price or quantity is not positive, the exit is before the entry, bars held is negative, the exit reason is empty or the initial risk is not positive.</exception>
    public ClosedTrade(
        Symbol symbol,
        DateTime entryTime,
        decimal entryPrice,
        DateTime exitTime,
        decimal exitPrice,
        decimal quantity,
        decimal profitLoss,
        int barsHeld,
        string exitReason,
        decimal? initialRiskPerUnit = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exitPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(barsHeld);
        ArgumentException.ThrowIfNullOrWhiteSpace(exitReason);
        if (exitTime < entryTime)
        {
            throw new ArgumentException($"exit time {exitTime:O} is before entry time {entryTime:O}", nameof(exitTime));
        }

        if (initialRiskPerUnit is { } risk && risk <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(initialRiskPerUnit), risk, "the initial risk per unit (entry − stop) must be > 0 when known");
        }

        Symbol = symbol;
        EntryTime = entryTime;
        EntryPrice = entryPrice;
        ExitTime = exitTime;
        ExitPrice = exitPrice;
        Quantity = quantity;
        ProfitLoss = profitLoss;
        BarsHeld = barsHeld;
        ExitReason = exitReason;
        InitialRiskPerUnit = initialRiskPerUnit;
    }

    /// <summary>The instrument.</summary>
    public Symbol Symbol { get; }

    /// <summary>When the entry filled (UTC).</summary>
    public DateTime EntryTime { get; }

    /// <summary>The average entry fill price per unit, slippage included.</summary>
    public decimal EntryPrice { get; }

    /// <summary>When the exit filled (UTC).</summary>
    public DateTime ExitTime { get; }

    /// <summary>The average exit fill price per unit, slippage included.</summary>
    public decimal ExitPrice { get; }

    /// <summary>The quantity bought and sold, &gt; 0.</summary>
    public decimal Quantity { get; }

    /// <summary>Realized profit or loss in money after all commissions of the entry and the exit.</summary>
    public decimal ProfitLoss { get; }

    /// <summary>Bars from the entry bar to the exit bar (0 when both filled on the same bar).</summary>
    public int BarsHeld { get; }

    /// <summary>Why the position was closed: "exit", "stop-loss", "take-profit", "trailing-stop", "end-of-data" ...</summary>
    public string ExitReason { get; }

    /// <summary>Entry price − initial stop price (&gt; 0) when a stop defined the risk; null otherwise.</summary>
    public decimal? InitialRiskPerUnit { get; }

    /// <summary>The entry notional: entry price × quantity.</summary>
    public decimal EntryNotional => EntryPrice * Quantity;

    /// <summary>The return as a fraction of the entry notional: P&amp;L (after commissions) / (entry price × quantity).</summary>
    public double Return => (double)(ProfitLoss / EntryNotional);

    /// <summary>
    /// The R multiple: P&amp;L (after commissions) / (initial risk per unit × quantity); null when the initial risk is unknown.
    /// </summary>
    public double? RMultiple => InitialRiskPerUnit is { } risk ? (double)(ProfitLoss / (risk * Quantity)) : null;

    /// <summary>True when the P&amp;L is &gt; 0.</summary>
    public bool IsWin => ProfitLoss > 0;

    /// <summary>True when the P&amp;L is &lt; 0 (a trade at exactly 0 is neither a win nor a loss).</summary>
    public bool IsLoss => ProfitLoss < 0;
}
