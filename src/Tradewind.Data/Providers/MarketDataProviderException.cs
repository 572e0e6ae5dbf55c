using System.Text;

namespace Tradewind.Data.Providers;

/// <summary>
/// A market-data provider could not give valid bars for a symbol. No bars were returned, so the caller stores
/// nothing. The message names the provider, the symbol, the reason and the fix, and never holds a secret.
/// </summary>
public sealed class MarketDataProviderException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public MarketDataProviderException()
        : this("a market-data provider failed")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public MarketDataProviderException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and the underlying error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public MarketDataProviderException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Provider = string.Empty;
        Symbol = string.Empty;
        Reason = message;
        Fix = string.Empty;
        Attempts = [];
    }

    /// <summary>Creates the exception for a failed request.</summary>
    /// <param name="provider">The provider's name (<see cref="IDailyBarProvider.Name"/>).</param>
    /// <param name="symbol">The ticker asked for.</param>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="reason">What went wrong, one sentence without a final period, secrets already masked.</param>
    /// <param name="fix">What the user can do about it, one or more sentences.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public MarketDataProviderException(string provider, string symbol, MarketDataFailure failure, string reason, string fix, Exception? innerException = null)
        : this(provider, symbol, failure, reason, fix, [], innerException)
    {
    }

    /// <summary>Creates the exception of a routing provider whose every provider failed.</summary>
    /// <param name="provider">The routing provider's name.</param>
    /// <param name="symbol">The ticker asked for.</param>
    /// <param name="attempts">What each provider said, in the order they were tried.</param>
    public MarketDataProviderException(string provider, string symbol, IReadOnlyList<MarketDataProviderException> attempts)
        : this(provider, symbol, MarketDataFailure.AllProvidersFailed, SummarizeReasons(attempts), SummarizeFixes(attempts), attempts, null)
    {
    }

    private MarketDataProviderException(
        string provider, string symbol, MarketDataFailure failure, string reason, string fix, IReadOnlyList<MarketDataProviderException> attempts, Exception? innerException)
        : base(BuildMessage(provider, symbol, reason, fix), innerException)
    {
        Provider = provider;
        Symbol = symbol;
        Failure = failure;
        Reason = reason;
        Fix = fix;
        Attempts = attempts;
    }

    /// <summary>The provider that failed (for a routing provider, its own name).</summary>
    public string Provider { get; }

    /// <summary>The ticker that was asked for.</summary>
    public string Symbol { get; }

    /// <summary>The kind of failure.</summary>
    public MarketDataFailure Failure { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }

    /// <summary>What the user can do about it.</summary>
    public string Fix { get; }

    /// <summary>For <see cref="MarketDataFailure.AllProvidersFailed"/>: each provider's own failure, in the order tried; otherwise empty.</summary>
    public IReadOnlyList<MarketDataProviderException> Attempts { get; }

    private static string BuildMessage(string provider, string symbol, string reason, string fix)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(fix);
        return $"{provider}: daily bars for {symbol}: {reason}. No bars were returned. Fix: {fix}";
    }

    private static string SummarizeReasons(IReadOnlyList<MarketDataProviderException> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count == 0)
        {
            throw new ArgumentException("a routing failure needs at least one provider's failure", nameof(attempts));
        }

        var text = new StringBuilder("every provider failed");
        for (var i = 0; i < attempts.Count; i++)
        {
            text.Append(i == 0 ? ": (" : "; (").Append(i + 1).Append(") ").Append(attempts[i].Provider).Append(": ").Append(attempts[i].Reason);
        }

        return text.ToString();
    }

    private static string SummarizeFixes(IReadOnlyList<MarketDataProviderException> attempts)
    {
        var text = new StringBuilder("make one of them work:");
        for (var i = 0; i < attempts.Count; i++)
        {
            text.Append(" (").Append(i + 1).Append(") ").Append(attempts[i].Provider).Append(": ").Append(attempts[i].Fix);
        }

        return text.ToString();
    }
}
