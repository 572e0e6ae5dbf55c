using System.Globalization;

namespace Tradewind.Data.Providers.AlphaVantage;

/// <summary>
/// How to reach Alpha Vantage: the endpoint, the API key, the pacing its quota needs and the time and retry budget.
/// <see cref="ToString"/> never prints the key.
/// </summary>
/// <remarks>The defaults fit the free tier: 5 requests a minute, 15 seconds apart (configuration: <c>data.alphavantage.*</c>).</remarks>
public sealed record AlphaVantageOptions
{
    /// <summary>The public Alpha Vantage endpoint.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://www.alphavantage.co/");

    /// <summary>The service root; requests go to <c>{BaseUrl}query?function=...</c>. Tests point it at a loopback server.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The API key (a secret). Empty means not configured: every request then fails with a message saying how to set it.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>The most requests started in any minute; the free tier allows 5.</summary>
    public int CallsPerMinute { get; init; } = 5;

    /// <summary>The least time between the starts of two requests (retries included); default 15 seconds.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one attempt may take, reading the whole answer included; default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt (HTTP 5xx, 429, timeout, network error) is retried; default 3.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's back-off; each further retry doubles it (the pause between requests still applies). Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the first bad one and its allowed range.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Alpha Vantage base URL '{BaseUrl}' is not an absolute http:// or https:// URL; leave it at {DefaultBaseUrl}");
        }

        if (CallsPerMinute is < 1 or > 1000)
        {
            throw new ArgumentException(Invariant($"Alpha Vantage calls per minute {CallsPerMinute} must be between 1 and 1000 (data.alphavantage.calls_per_minute)"));
        }

        if (Pause < TimeSpan.Zero || Pause > TimeSpan.FromHours(1))
        {
            throw new ArgumentException(Invariant($"Alpha Vantage pause {Pause.TotalSeconds} s must be between 0 and 3600 seconds (data.alphavantage.pause_seconds)"));
        }

        // Polly's timeout strategy accepts 10 ms to one day.
        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException(Invariant($"Alpha Vantage timeout {Timeout.TotalSeconds} s must be between 0.01 and 600 seconds (data.alphavantage.timeout_seconds)"));
        }

        if (Retries is < 0 or > 10)
        {
            throw new ArgumentException(Invariant($"Alpha Vantage retries {Retries} must be between 0 and 10 (data.alphavantage.retries)"));
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException(Invariant($"Alpha Vantage retry delay {RetryDelay.TotalSeconds} s must be between 0 and 300 seconds"));
        }
    }

    /// <summary>The options with the API key masked, for logs and messages.</summary>
    public override string ToString() => Invariant(
        $"AlphaVantageOptions {{ BaseUrl = {BaseUrl}, ApiKey = {(string.IsNullOrWhiteSpace(ApiKey) ? "(not set)" : "***")}, CallsPerMinute = {CallsPerMinute}, Pause = {Pause.TotalSeconds} s, Timeout = {Timeout.TotalSeconds} s, Retries = {Retries}, RetryDelay = {RetryDelay.TotalSeconds} s }}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
