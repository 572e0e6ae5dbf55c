namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>An asset must trade but the day's opening price for it is not known; nothing is executed.</summary>
public sealed class MissingOpeningPriceException : Exception
{
    /// <summary>Creates the exception for <paramref name="symbol"/> and what it had to do.</summary>
    public MissingOpeningPriceException(string symbol, AllocatorAction action)
        : base($"{symbol} must be {(action == AllocatorAction.Buy ? "bought" : "sold")} but there is no opening price for it on this date; "
               + $"fetch the day's bar for {symbol} and execute again (nothing was traded)")
    {
        Symbol = symbol;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MissingOpeningPriceException(string message)
        : base(message)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MissingOpeningPriceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public MissingOpeningPriceException()
        : this("an asset that must trade has no opening price")
    {
    }

    /// <summary>The asset without an opening price.</summary>
    public string Symbol { get; }
}
