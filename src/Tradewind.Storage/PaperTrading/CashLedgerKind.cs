namespace Tradewind.Storage.PaperTrading;

/// <summary>What moved cash in a paper account; stored as <c>deposit</c>, <c>buy</c> or <c>sell</c>.</summary>
public enum CashLedgerKind
{
    /// <summary>Fresh capital paid in (+).</summary>
    Deposit,

    /// <summary>Cash paid for a buy (−).</summary>
    Buy,

    /// <summary>Cash received for a sell (+).</summary>
    Sell,
}
