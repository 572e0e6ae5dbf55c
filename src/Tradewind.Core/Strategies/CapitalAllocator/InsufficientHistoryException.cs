namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>An asset has fewer days of history than <c>min_history_days</c>: the allocator cannot decide for it.</summary>
/// <remarks>N days of history are N daily returns, that is N + 1 closes.</remarks>
public sealed class InsufficientHistoryException : Exception
{
    /// <summary>Creates the exception for <paramref name="symbol"/>, which has <paramref name="closes"/> closes but needs <paramref name="required"/> days.</summary>
    public InsufficientHistoryException(string symbol, int closes, int required)
        : base(Describe(symbol, closes, required))
    {
        Symbol = symbol;
        Closes = closes;
        Required = required;
    }

    /// <summary>Creates the exception with a message.</summary>
    public InsufficientHistoryException(string message)
        : base(message)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InsufficientHistoryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public InsufficientHistoryException()
        : this("an asset has too little price history for the capital allocator")
    {
    }

    /// <summary>The asset short of history.</summary>
    public string Symbol { get; }

    /// <summary>The closes it has.</summary>
    public int Closes { get; }

    /// <summary>Trading days of history it has: <see cref="Closes"/> − 1 (0 with no close).</summary>
    public int Days => Math.Max(0, Closes - 1);

    /// <summary>Trading days of history needed (<c>min_history_days</c>).</summary>
    public int Required { get; }

    /// <summary>Trading days missing: <see cref="Required"/> − <see cref="Days"/>.</summary>
    public int Missing => Required - Days;

    private static string Describe(string symbol, int closes, int required)
    {
        var days = Math.Max(0, closes - 1);
        var missing = required - days;
        var unit = missing == 1 ? "day" : "days";
        return $"{symbol} has {days} trading days of history ({closes} closes) but the capital allocator needs {required} "
            + $"(min_history_days; {required + 1} closes, because a day of history is one daily return from the previous close); "
            + $"{missing} trading {unit} {(missing == 1 ? "is" : "are")} missing: fetch at least {missing} more trading {unit} of {symbol} prices before this date";
    }
}
