namespace Tradewind.Core.Portfolio;

/// <summary>
/// Thrown when the ledger refuses a fill or a withdrawal (not enough cash, leverage, or quantity).
/// Nothing has changed when it is thrown; <see cref="Rejection"/> is what the engine journals.
/// </summary>
public sealed class PortfolioRejectedException : InvalidOperationException
{
    /// <summary>Creates the exception for a rejection.</summary>
    public PortfolioRejectedException(PortfolioRejection rejection)
        : base(rejection?.Message)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        Rejection = rejection;
    }

    /// <summary>The reason and message.</summary>
    public PortfolioRejection Rejection { get; }

    /// <summary>The reason code.</summary>
    public PortfolioRejectReason Reason => Rejection.Reason;
}
