namespace Tradewind.Storage.PaperTrading;

/// <summary>How an executed date ended; stored as <c>traded</c> or <c>no_trades</c>.</summary>
public enum ExecutionStatus
{
    /// <summary>At least one trade was made.</summary>
    Traded,

    /// <summary>The date was executed without a trade (a hold, nothing to sell, or no signal): only its deposit was booked.</summary>
    NoTrades,
}
