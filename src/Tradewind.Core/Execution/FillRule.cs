namespace Tradewind.Core.Execution;

/// <summary>
/// Which price of the next bar a market order takes. A decision is made on a bar's close, so the
/// earliest price it can have is the next bar's. Recorded in a run's output by <see cref="FillRuleNames"/>.
/// </summary>
public enum FillRule
{
    /// <summary>The next bar's open (<c>next-open</c>); the default.</summary>
    NextOpen,

    /// <summary>The next bar's close (<c>next-close</c>).</summary>
    NextClose,
}
