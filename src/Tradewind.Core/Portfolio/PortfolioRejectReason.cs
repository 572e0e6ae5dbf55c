namespace Tradewind.Core.Portfolio;

/// <summary>Why the portfolio refused a fill or a withdrawal; the engine records it as the order's reject reason.</summary>
public enum PortfolioRejectReason
{
    /// <summary>A buy (or a withdrawal) would take cash below zero without leverage.</summary>
    InsufficientCash,

    /// <summary>A buy would take gross exposure at cost above <see cref="PortfolioLedger.MaxLeverage"/> × equity at cost.</summary>
    LeverageExceeded,

    /// <summary>A sell of more than is held (long only), or of a symbol not held.</summary>
    InsufficientQuantity,
}
