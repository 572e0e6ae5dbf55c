namespace Tradewind.Core.Portfolio;

/// <summary>What a <see cref="LedgerEntry"/> records.</summary>
public enum LedgerEntryKind
{
    /// <summary>Cash paid in (initial capital or a periodic contribution).</summary>
    Deposit,

    /// <summary>Cash taken out.</summary>
    Withdrawal,

    /// <summary>A buy fill: cash paid for quantity × price.</summary>
    Buy,

    /// <summary>A sell fill: cash received for quantity × price, and the realized P&amp;L.</summary>
    Sell,

    /// <summary>A commission paid on a fill (booked right after the fill's buy or sell entry).</summary>
    Fee,
}
