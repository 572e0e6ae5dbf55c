namespace Tradewind.Core.Execution;

/// <summary>Where an order stands; the journal records each order with its final status.</summary>
public enum OrderStatus
{
    /// <summary>Placed and not yet filled: a stop or limit that has not been reached is carried to the next bar.</summary>
    Pending,

    /// <summary>Executed in full.</summary>
    Filled,

    /// <summary>Refused before execution (invalid, or beyond the cash or leverage available); the journal holds the reason.</summary>
    Rejected,

    /// <summary>Withdrawn by the strategy or the engine before it filled.</summary>
    Cancelled,
}
