namespace Tradewind.Core.Execution;

/// <summary>What evaluating a pending order against one bar did to it.</summary>
public enum FillOutcomeKind
{
    /// <summary>Nothing: the bar did not reach the order's price; it stays pending for the next bar.</summary>
    Pending,

    /// <summary>The order filled at <see cref="FillOutcome.Price"/>.</summary>
    Filled,

    /// <summary>
    /// A stop-limit's stop was reached but its limit could not be had on this bar: from the next bar on
    /// it rests as a limit order (carry it as <c>order with { StopTriggered = true }</c>).
    /// </summary>
    Triggered,
}
