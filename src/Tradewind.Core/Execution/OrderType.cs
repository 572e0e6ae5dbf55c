namespace Tradewind.Core.Execution;

/// <summary>How an order asks to be executed; see docs/execution.md for the exact fill rules.</summary>
public enum OrderType
{
    /// <summary>At the market: fills on the next bar at the price the run's <see cref="FillRule"/> names (its open by default).</summary>
    Market,

    /// <summary>At the limit price or better: a buy fills at or below it, a sell at or above it.</summary>
    Limit,

    /// <summary>Becomes a market order when the price reaches the stop: a buy stop at or above it, a sell stop at or below it.</summary>
    Stop,

    /// <summary>Becomes a limit order at the limit price once the stop price is reached.</summary>
    StopLimit,

    /// <summary>At the next bar's open, whatever the run's fill rule.</summary>
    MarketOnOpen,

    /// <summary>At the next bar's close, whatever the run's fill rule.</summary>
    MarketOnClose,
}
