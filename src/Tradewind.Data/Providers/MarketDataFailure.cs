namespace Tradewind.Data.Providers;

/// <summary>What kind of failure a <see cref="MarketDataProviderException"/> reports.</summary>
public enum MarketDataFailure
{
    /// <summary>Anything not covered below; the reason says what happened.</summary>
    Other,

    /// <summary>The provider needs an API key and none is configured.</summary>
    MissingCredentials,

    /// <summary>The provider refused the request itself: an unknown symbol or function, a refused key, an HTTP 4xx.</summary>
    InvalidRequest,

    /// <summary>The provider's rate limit (per minute or per day) was reached.</summary>
    RateLimited,

    /// <summary>The provider refused for another stated reason, for example a feature of a paid plan.</summary>
    Refused,

    /// <summary>The answer was empty or not in the provider's documented format.</summary>
    MalformedResponse,

    /// <summary>The answer was well-formed but held impossible bars (NaN, non-positive prices, high below low ...).</summary>
    InvalidBars,

    /// <summary>The provider could not be reached or kept failing (connection errors, HTTP 5xx) through every retry.</summary>
    Unavailable,

    /// <summary>Every attempt ran out of its time budget.</summary>
    Timeout,

    /// <summary>The provider has no data for the symbol (for the CSV folder: no file).</summary>
    NotFound,

    /// <summary>The dates asked for are outside what the provider can answer for.</summary>
    OutOfRange,

    /// <summary>A routing provider tried every provider it routes to and each one failed.</summary>
    AllProvidersFailed,
}
