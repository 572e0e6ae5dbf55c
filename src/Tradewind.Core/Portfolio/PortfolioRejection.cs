namespace Tradewind.Core.Portfolio;

/// <summary>A refused ledger operation: the reason code and a message naming the amounts involved.</summary>
/// <param name="Reason">The machine-readable reason.</param>
/// <param name="Message">What was refused and why, e.g. "buy of 10 SPY at 100 refused: costs 1001 with commission, cash is 500".</param>
public sealed record PortfolioRejection(PortfolioRejectReason Reason, string Message)
{
    /// <summary>The reason as the journal's snake_case code: insufficient_cash, leverage_exceeded, insufficient_quantity.</summary>
    public string Code => Reason switch
    {
        PortfolioRejectReason.InsufficientCash => "insufficient_cash",
        PortfolioRejectReason.LeverageExceeded => "leverage_exceeded",
        _ => "insufficient_quantity",
    };
}
