namespace Tradewind.Storage.StrategyConfig;

/// <summary>
/// A change to a strategy's versions was refused because the stored versions moved under it: another
/// writer activated a version at the same moment, or the active version starts after the given time.
/// Nothing of the refused change was stored.
/// </summary>
public sealed class TradingConfigConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TradingConfigConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the database error that revealed the conflict.</summary>
    public TradingConfigConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
