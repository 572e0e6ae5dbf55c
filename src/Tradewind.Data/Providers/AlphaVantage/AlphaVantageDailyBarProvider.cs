using System.Globalization;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Data.Providers.AlphaVantage;

/// <summary>
/// Daily bars from Alpha Vantage's <c>TIME_SERIES_DAILY</c> over HTTP: prices as traded (not adjusted for splits or
/// dividends), paced to the key's quota, each attempt under a timeout, HTTP 5xx/429/timeouts retried with back-off.
/// </summary>
/// <remarks>
/// <para>
/// <c>outputsize=compact</c> (the latest 100 sessions) is asked for when the range starts within the last 100 NYSE
/// sessions before today (New York date of the clock); <c>full</c> (the whole history) otherwise.
/// </para>
/// <para>
/// Alpha Vantage answers most errors with HTTP 200 and a JSON payload: <c>"Error Message"</c> (unknown symbol or
/// function), <c>"Note"</c> (per-minute limit), <c>"Information"</c> (daily quota, premium feature, bad key). Those
/// fail at once without a retry, because the same request would get the same answer. The API key is sent as the
/// <c>apikey</c> query parameter and is masked (<c>***</c>) in every message.
/// </para>
/// </remarks>
public sealed class AlphaVantageDailyBarProvider : IDailyBarProvider
{
    /// <summary>The provider's name in configuration (<c>data.provider: alphavantage</c>).</summary>
    public const string ProviderName = "alphavantage";

    /// <summary>How many sessions <c>outputsize=compact</c> returns.</summary>
    public const int CompactSessions = 100;

    private const string Function = "TIME_SERIES_DAILY";

    private readonly HttpClient _http;
    private readonly AlphaVantageOptions _options;
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline<Reply> _retry;
    private readonly ResiliencePipeline _attemptTimeout;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">The HTTP client; the provider does not dispose it. Its own timeout should exceed <see cref="AlphaVantageOptions.Timeout"/>.</param>
    /// <param name="options">Endpoint, key, pacing, timeout and retries; validated here.</param>
    /// <param name="timeProvider">The clock for pacing, timeouts, back-off and today's date; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="pacer">
    /// The pacer to share with other clients of the same key; when null the provider paces itself with
    /// <see cref="AlphaVantageOptions.Pause"/> and <see cref="AlphaVantageOptions.CallsPerMinute"/>.
    /// </param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public AlphaVantageDailyBarProvider(HttpClient httpClient, AlphaVantageOptions options, TimeProvider? timeProvider = null, RequestPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _options = options;
        // A key pasted into .env with a trailing space or newline is still the key.
        _apiKey = options.ApiKey.Trim();
        _time = timeProvider ?? TimeProvider.System;
        _pacer = pacer ?? new RequestPacer(options.Pause, options.CallsPerMinute, _time);

        var retry = new ResiliencePipelineBuilder<Reply> { TimeProvider = _time };
        if (options.Retries > 0)
        {
            retry.AddRetry(new RetryStrategyOptions<Reply>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                // The pacer already spreads requests; jitter would only make the waits harder to reason about.
                UseJitter = false,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        _retry = retry.Build();
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = _time }.AddTimeout(options.Timeout).Build();
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string Description => $"Alpha Vantage {Function} at {_options.BaseUrl} (market data as traded, not adjusted for splits or dividends)";

    /// <inheritdoc />
    public async Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var range = DailyRange.Create(from, to);
        cancellationToken.ThrowIfCancellationRequested();
        var ticker = symbol.Ticker;
        if (_apiKey.Length == 0)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.MissingCredentials,
                "no Alpha Vantage API key is configured (data.alphavantage.api_key is empty)",
                "set the ALPHAVANTAGE_API_KEY environment variable or put ALPHAVANTAGE_API_KEY=... in the .env file (config/base/data.yaml reads data.alphavantage.api_key from it); "
                + "a free key is issued at https://www.alphavantage.co/support/#api-key. Or use data.provider: sim or csv, which need no key");
        }

        var outputSize = ChooseOutputSize(from, TradingCalendars.Nyse, _time.GetUtcNow());
        var query = $"query?function={Function}&symbol={Uri.EscapeDataString(ticker)}&outputsize={outputSize}&datatype=json";
        var origin = $"{BaseUrlWithSlash()}{query}";
        var state = new RequestState(_http, new Uri(new Uri(BaseUrlWithSlash()), $"{query}&apikey={Uri.EscapeDataString(_apiKey)}"), _pacer, _attemptTimeout);

        Reply reply;
        try
        {
            reply = await _retry.ExecuteAsync(static (s, token) => s.AttemptAsync(token), state, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw TimedOut(ticker, origin, state.Attempts, ex);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout ran out before the attempt's own timeout did.
            throw TimedOut(ticker, origin, state.Attempts, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.Unavailable,
                Invariant($"could not reach Alpha Vantage at {_options.BaseUrl} ({Mask(ex.Message)}) on any of {state.Attempts} {Plural(state.Attempts, "attempt")}"),
                "check the network connection and the base URL, then fetch again; or configure a fallback provider (data.fallback: [csv])", ex);
        }

        if (reply.Status is 429)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.RateLimited,
                Invariant($"Alpha Vantage answered HTTP 429 (Too Many Requests) to the last of {state.Attempts} {Plural(state.Attempts, "attempt")} for {origin}"),
                "wait a minute and fetch again; lower data.alphavantage.calls_per_minute or raise pause_seconds to stay within your plan");
        }

        if (reply.Status >= 500)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.Unavailable,
                Invariant($"Alpha Vantage answered HTTP {reply.Status} ({Mask(reply.ReasonPhrase)}) to the last of {state.Attempts} {Plural(state.Attempts, "attempt")} for {origin}"),
                "the service is failing; fetch again later (data.alphavantage.retries sets how often a request is retried), or configure a fallback provider (data.fallback: [csv])");
        }

        if (reply.Status is < 200 or > 299)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.InvalidRequest,
                Invariant($"Alpha Vantage answered HTTP {reply.Status} ({Mask(reply.ReasonPhrase)}) for {origin}"),
                $"check that the base URL ({_options.BaseUrl}) is Alpha Vantage's and that the key is valid");
        }

        var all = AlphaVantageDailyResponse.Parse(reply.Body, symbol, origin, Mask);
        return range.Slice(all, ProviderName, origin);
    }

    /// <summary>
    /// <c>compact</c> when every session from <paramref name="from"/> on is among the latest
    /// <see cref="CompactSessions"/> sessions the service can have at <paramref name="now"/>, else <c>full</c>.
    /// </summary>
    /// <remarks>
    /// The newest bar is today's at the latest, so compact's oldest bar is no later than the 99th NYSE session before
    /// today; a vendor that lags or skips a day only reaches further back. Outside the calendar's years: full.
    /// </remarks>
    internal static string ChooseOutputSize(DateOnly from, TradingCalendar calendar, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!calendar.IsSupported(today) || !calendar.IsSupported(from))
        {
            return "full";
        }

        today = calendar.ToExchangeDate(now);
        var oldestCompact = calendar.AddTradingDays(today, -(CompactSessions - 1));
        return from >= oldestCompact ? "compact" : "full";
    }

    private static bool IsTransient(Outcome<Reply> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException or HttpRequestException or IOException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        null => outcome.Result is { Status: >= 500 or 429 },
        _ => false,
    };

    private MarketDataProviderException TimedOut(string ticker, string origin, int attempts, Exception ex) =>
        new(ProviderName, ticker, MarketDataFailure.Timeout,
            Invariant($"no complete answer within {_options.Timeout.TotalSeconds} s to any of {attempts} {Plural(attempts, "attempt")} for {origin}"),
            "check the network connection, or raise data.alphavantage.timeout_seconds; then fetch again", ex);

    private string BaseUrlWithSlash()
    {
        var text = _options.BaseUrl.ToString();
        return text.EndsWith('/') ? text : text + "/";
    }

    /// <summary>The text with the API key replaced by <c>***</c>, for anything quoted in a message.</summary>
    private string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = text;
        foreach (var form in new[] { _apiKey, Uri.EscapeDataString(_apiKey) })
        {
            if (form.Length > 0)
            {
                masked = masked.Replace(form, "***", StringComparison.Ordinal);
            }
        }

        return masked;
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An attempt's answer: status, reason phrase and the whole body, read within the attempt's timeout.</summary>
    private sealed record Reply(int Status, string? ReasonPhrase, string Body);

    /// <summary>One request's state across its attempts.</summary>
    private sealed class RequestState(HttpClient http, Uri uri, RequestPacer pacer, ResiliencePipeline attemptTimeout)
    {
        public int Attempts { get; private set; }

        public async ValueTask<Reply> AttemptAsync(CancellationToken cancellationToken)
        {
            // The wait for a turn is outside the attempt's timeout: a 15-second pause must not eat a 10-second budget.
            await pacer.WaitForTurnAsync(cancellationToken);
            Attempts++;
            return await attemptTimeout.ExecuteAsync(static async (s, token) => await s.SendAsync(token), this, cancellationToken);
        }

        private async ValueTask<Reply> SendAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Reply((int)response.StatusCode, response.ReasonPhrase, body);
        }
    }
}
