using Tradewind.Core.Market;
using Tradewind.Core.Time;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.AlphaVantage;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Providers.AlphaVantage;

/// <summary>The Alpha Vantage client over real HTTP against a loopback server replaying recorded answers.</summary>
public sealed class AlphaVantageDailyBarProviderTests : IAsyncDisposable
{
    private const string ApiKey = "TESTKEY-0123456789";

    // Friday 2024-01-12, 17:00 in New York: after the close of the compact file's newest session.
    private static readonly DateTimeOffset Now = new(2024, 1, 12, 22, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private static readonly HttpClient Http = new();

    private readonly ReplayHttpServer _server = ReplayHttpServer.Start();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static string Recorded(string name) => Path.Combine(AppContext.BaseDirectory, "Providers", "AlphaVantage", "Recorded", name);

    private AlphaVantageOptions Options(int retries = 2) => new()
    {
        BaseUrl = _server.BaseAddress,
        ApiKey = ApiKey,
        Pause = TimeSpan.Zero,
        CallsPerMinute = 1000,
        Retries = retries,
        RetryDelay = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static AlphaVantageDailyBarProvider Provider(AlphaVantageOptions options, TimeProvider? time = null) =>
        new(Http, options, time ?? new ManualTimeProvider(Now));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertKeyNeverShown(MarketDataProviderException ex)
    {
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.Reason, StringComparison.Ordinal);
    }

    private async Task<MarketDataProviderException> FailAsync(AlphaVantageDailyBarProvider provider, DateOnly from, DateOnly to)
    {
        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => provider.GetDailyBarsAsync(Spy, from, to, Cancel));
        Assert.Equal("alphavantage", ex.Provider);
        Assert.Equal("SPY", ex.Symbol);
        Assert.StartsWith("alphavantage: daily bars for SPY: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No bars were returned. Fix: ", ex.Message, StringComparison.Ordinal);
        AssertKeyNeverShown(ex);
        return ex;
    }

    [Fact]
    public async Task A_recent_range_asks_for_the_compact_series_and_returns_only_its_dates_oldest_first()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-compact.json")));

        var bars = await Provider(Options()).GetDailyBarsAsync(Spy, D("2024-01-03"), D("2024-01-11"), Cancel);

        Assert.Equal(Spy, bars.Symbol);
        Assert.Equal(Resolution.Daily, bars.Resolution);
        Assert.Equal(
            ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11"],
            Enumerable.Range(0, bars.Count).Select(i => bars[i].Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new Bar(new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc), 464.20, 466.90, 462.70, 465.95, 66543200), bars[2]);
        Assert.False(bars.HasAdjClose);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/query", request.Path);
        Assert.Equal("TIME_SERIES_DAILY", request.Query["function"]);
        Assert.Equal("SPY", request.Query["symbol"]);
        Assert.Equal("compact", request.Query["outputsize"]);
        Assert.Equal("json", request.Query["datatype"]);
        Assert.Equal(ApiKey, request.Query["apikey"]);
        Assert.Contains("application/json", request.Headers["Accept"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_older_than_the_last_100_sessions_asks_for_the_full_series_and_skips_the_holidays_it_lacks()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-full.json")));

        var bars = await Provider(Options()).GetDailyBarsAsync(Spy, D("2023-06-01"), D("2024-01-03"), Cancel);

        Assert.Equal("full", Assert.Single(_server.Requests).Query["outputsize"]);
        Assert.Equal(9, bars.Count);
        Assert.Equal(D("2023-12-20"), bars[0].Date);
        Assert.Equal(D("2024-01-03"), bars[bars.Count - 1].Date);
        Assert.DoesNotContain(D("2023-12-25"), Enumerable.Range(0, bars.Count).Select(i => bars[i].Date));
        Assert.DoesNotContain(D("2024-01-01"), Enumerable.Range(0, bars.Count).Select(i => bars[i].Date));
        for (var i = 1; i < bars.Count; i++)
        {
            Assert.True(bars.Time[i] > bars.Time[i - 1]);
        }
    }

    [Fact]
    public async Task A_range_without_sessions_in_the_answer_is_an_empty_series_not_an_error()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-compact.json")));

        var bars = await Provider(Options()).GetDailyBarsAsync(Spy, D("2024-01-06"), D("2024-01-07"), Cancel);

        Assert.Equal(0, bars.Count);
    }

    [Fact]
    public void Compact_is_chosen_exactly_when_the_range_starts_within_the_latest_100_sessions()
    {
        var calendar = TradingCalendars.Nyse;
        var today = D("2024-01-12");
        // Walk back to the session that makes the range from it to today (inclusive) exactly 100 sessions long.
        var from = today;
        for (var sessions = 1; sessions < 100; sessions++)
        {
            from = calendar.PreviousTradingDay(from);
        }

        Assert.Equal(100, calendar.TradingDays(from, today).Count());
        Assert.Equal("compact", AlphaVantageDailyBarProvider.ChooseOutputSize(from, calendar, Now));
        Assert.Equal("full", AlphaVantageDailyBarProvider.ChooseOutputSize(calendar.PreviousTradingDay(from), calendar, Now));
        Assert.Equal("compact", AlphaVantageDailyBarProvider.ChooseOutputSize(today.AddDays(30), calendar, Now));
        Assert.Equal("full", AlphaVantageDailyBarProvider.ChooseOutputSize(D("1980-01-02"), calendar, Now));
    }

    [Fact]
    public async Task An_error_message_payload_is_an_invalid_request_that_is_not_retried()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("error-message.json")));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-03"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.InvalidRequest, ex.Failure);
        Assert.Contains("Invalid API call", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("SYMBOL_SEARCH", ex.Fix, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_note_payload_is_the_per_minute_rate_limit_and_is_not_retried()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("note-rate-limit.json")));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-03"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.RateLimited, ex.Failure);
        Assert.Contains("5 calls per minute", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("calls_per_minute", ex.Fix, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_information_payload_about_the_daily_quota_is_a_rate_limit_and_the_key_it_quotes_is_masked()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("information-daily-limit.json")));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-03"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.RateLimited, ex.Failure);
        Assert.Contains("25 requests per day", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("detected your API key as ***", ex.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_information_payload_about_a_premium_feature_says_to_ask_for_less_or_use_csv()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("information-premium-endpoint.json")));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2020-01-02"), D("2024-01-11"));

        Assert.Equal("full", Assert.Single(_server.Requests).Query["outputsize"]);
        Assert.Equal(MarketDataFailure.Refused, ex.Failure);
        Assert.Contains("premium feature", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("100 trading days", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("data.provider: csv", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_information_payload_about_the_key_says_to_check_the_key()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("information-invalid-key.json")));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-03"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.InvalidRequest, ex.Failure);
        Assert.Contains("did not accept the API key", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("ALPHAVANTAGE_API_KEY", ex.Fix, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Any_other_information_payload_is_quoted_as_a_refusal()
    {
        _server.Enqueue(ReplayResponse.Json("""{"Information": "Scheduled maintenance until 02:00 UTC."}"""));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-03"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.Refused, ex.Failure);
        Assert.Contains("\"Scheduled maintenance until 02:00 UTC.\"", ex.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("malformed-truncated.json", "is not JSON")]
    [InlineData("empty.json", "was empty")]
    [InlineData("html-error-page.html", "is not JSON")]
    [InlineData("spy-daily-missing-volume.json", "has no \"5. volume\" for 2024-01-03")]
    [InlineData("qqq-daily-for-spy.json", "is for symbol 'QQQ', not SPY")]
    public async Task A_body_that_is_not_a_daily_series_is_a_malformed_response_naming_the_problem(string file, string expected)
    {
        _server.Enqueue(ReplayResponse.File(Recorded(file)));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-02"), D("2024-01-11"));

        Assert.Equal(MarketDataFailure.MalformedResponse, ex.Failure);
        Assert.Contains(expected, ex.Reason, StringComparison.Ordinal);
        Assert.Contains("query?function=TIME_SERIES_DAILY&symbol=SPY&outputsize=compact", ex.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_bar_with_its_high_below_its_low_fails_the_answer_and_names_the_date()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-high-below-close.json")));

        var ex = await FailAsync(Provider(Options()), D("2024-01-02"), D("2024-01-05"));

        Assert.Equal(MarketDataFailure.InvalidBars, ex.Failure);
        Assert.Contains("the bar of 2024-01-04", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("is not sound: high 462 is below low 463.1", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_bar_outside_the_range_asked_for_does_not_fail_the_answer()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-high-below-close.json")));

        var bars = await Provider(Options()).GetDailyBarsAsync(Spy, D("2024-01-05"), D("2024-01-05"), Cancel);

        Assert.Equal(465.95, Assert.Single(Enumerable.Range(0, bars.Count).Select(i => bars[i])).Close);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_later_success_is_returned()
    {
        _server.Enqueue(
            ReplayResponse.WithStatus(503, "try later"),
            ReplayResponse.WithStatus(500, "oops"),
            ReplayResponse.File(Recorded("spy-daily-compact.json")));

        var bars = await Provider(Options(retries: 2)).GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);

        Assert.Equal(9, bars.Count);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(_server.Requests[0].Target, r.Target));
    }

    [Fact]
    public async Task A_429_is_retried()
    {
        _server.Enqueue(ReplayResponse.WithStatus(429), ReplayResponse.File(Recorded("spy-daily-compact.json")));

        var bars = await Provider(Options(retries: 1)).GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);

        Assert.Equal(9, bars.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_fail_naming_the_attempts_and_the_last_status()
    {
        _server.Enqueue(ReplayResponse.WithStatus(500), ReplayResponse.WithStatus(502), ReplayResponse.WithStatus(503));

        var ex = await FailAsync(Provider(Options(retries: 2)), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.Unavailable, ex.Failure);
        Assert.Contains("HTTP 503 (Service Unavailable) to the last of 3 attempts", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_429_on_every_attempt_is_a_rate_limit()
    {
        _server.Enqueue(ReplayResponse.WithStatus(429), ReplayResponse.WithStatus(429));

        var ex = await FailAsync(Provider(Options(retries: 1)), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.RateLimited, ex.Failure);
        Assert.Contains("HTTP 429", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("2 attempts", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_status_is_not_retried()
    {
        _server.Enqueue(ReplayResponse.WithStatus(404, "no such page"));

        var ex = await FailAsync(Provider(Options(retries: 3)), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.InvalidRequest, ex.Failure);
        Assert.Contains("HTTP 404 (Not Found)", ex.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Without_retries_one_server_error_is_final()
    {
        _server.Enqueue(ReplayResponse.WithStatus(503));

        var ex = await FailAsync(Provider(Options(retries: 0)), D("2024-01-02"), D("2024-01-12"));

        Assert.Contains("to the last of 1 attempt for", ex.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Retries_back_off_exponentially_on_the_given_clock()
    {
        var clock = new ManualTimeProvider(Now);
        _server.Enqueue(ReplayResponse.WithStatus(503), ReplayResponse.WithStatus(503), ReplayResponse.File(Recorded("spy-daily-compact.json")));
        var provider = Provider(Options(retries: 2) with { RetryDelay = TimeSpan.FromSeconds(2) }, clock);

        var fetch = provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);
        await clock.WaitForPendingAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Single(_server.Requests);
        clock.Advance(TimeSpan.FromSeconds(2));
        await clock.WaitForPendingAsync(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));
        Assert.Equal(2, _server.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(9, (await fetch.WaitAsync(TimeSpan.FromSeconds(10), Cancel)).Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_retried_then_fails_as_a_timeout()
    {
        var slow = ReplayResponse.File(Recorded("spy-daily-compact.json")).After(TimeSpan.FromSeconds(20));
        _server.Enqueue(slow, slow);
        var options = Options(retries: 1) with { Timeout = TimeSpan.FromMilliseconds(300) };
        var started = DateTime.UtcNow;

        var ex = await FailAsync(Provider(options, TimeProvider.System), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.Timeout, ex.Failure);
        Assert.Contains("within 0.3 s to any of 2 attempts", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("timeout_seconds", ex.Fix, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "the client waited for the slow answer instead of timing out");
    }

    [Fact]
    public async Task A_slow_answer_then_a_fast_one_succeeds()
    {
        _server.Enqueue(
            ReplayResponse.File(Recorded("spy-daily-compact.json")).After(TimeSpan.FromSeconds(20)),
            ReplayResponse.File(Recorded("spy-daily-compact.json")));
        var options = Options(retries: 1) with { Timeout = TimeSpan.FromMilliseconds(300) };

        var bars = await Provider(options, TimeProvider.System).GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);

        Assert.Equal(9, bars.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_server_fails_as_unavailable_after_every_attempt()
    {
        var closed = ReplayHttpServer.Start();
        var address = closed.BaseAddress;
        await closed.DisposeAsync();

        var ex = await FailAsync(Provider(Options(retries: 1) with { BaseUrl = address }), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.Unavailable, ex.Failure);
        Assert.Contains($"could not reach Alpha Vantage at {address}", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("on any of 2 attempts", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_api_key_fails_before_any_request_and_says_how_to_set_it(string key)
    {
        var ex = await FailAsync(Provider(Options() with { ApiKey = key }), D("2024-01-02"), D("2024-01-12"));

        Assert.Equal(MarketDataFailure.MissingCredentials, ex.Failure);
        Assert.Contains("ALPHAVANTAGE_API_KEY", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("data.alphavantage.api_key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.provider: sim or csv", ex.Fix, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Consecutive_requests_are_paced_by_the_pause_on_the_given_clock()
    {
        var clock = new ManualTimeProvider(Now);
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-compact.json")), ReplayResponse.File(Recorded("spy-daily-compact.json")));
        var provider = Provider(Options() with { Pause = TimeSpan.FromSeconds(15), CallsPerMinute = 5 }, clock);

        await provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);
        var second = provider.GetDailyBarsAsync(Symbol.Parse("SPY"), D("2024-01-02"), D("2024-01-12"), Cancel);
        await clock.WaitForPendingAsync(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10));
        Assert.False(second.IsCompleted);
        Assert.Single(_server.Requests);

        clock.Advance(TimeSpan.FromSeconds(15));
        await second.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(15), clock.RequestedDelays);
    }

    [Fact]
    public async Task The_calls_per_minute_limit_holds_the_third_call_of_two_a_minute()
    {
        var clock = new ManualTimeProvider(Now);
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-compact.json")));
        }

        var provider = Provider(Options() with { Pause = TimeSpan.Zero, CallsPerMinute = 2 }, clock);
        await provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);
        await provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);

        var third = provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);
        await clock.WaitForPendingAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));
        Assert.Equal(2, _server.Requests.Count);
        clock.Advance(TimeSpan.FromMinutes(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_retry_waits_for_the_back_off_and_then_for_the_rest_of_the_pause()
    {
        var clock = new ManualTimeProvider(Now);
        _server.Enqueue(ReplayResponse.WithStatus(503), ReplayResponse.File(Recorded("spy-daily-compact.json")));
        var provider = Provider(Options(retries: 1) with { Pause = TimeSpan.FromSeconds(15), CallsPerMinute = 5, RetryDelay = TimeSpan.FromSeconds(1) }, clock);

        var fetch = provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);
        await clock.WaitForPendingAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(1));
        // The retry spends the same quota, so it still keeps 15 s from the first attempt's start.
        await clock.WaitForPendingAsync(TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(10));
        Assert.Single(_server.Requests);
        clock.Advance(TimeSpan.FromSeconds(14));

        Assert.Equal(9, (await fetch.WaitAsync(TimeSpan.FromSeconds(10), Cancel)).Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_key_with_surrounding_white_space_is_sent_trimmed()
    {
        _server.Enqueue(ReplayResponse.File(Recorded("spy-daily-compact.json")));

        await Provider(Options() with { ApiKey = $" {ApiKey}\n" }).GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-12"), Cancel);

        Assert.Equal(ApiKey, Assert.Single(_server.Requests).Query["apikey"]);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_without_a_request()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Provider(Options()).GetDailyBarsAsync(Spy, D("2024-01-12"), D("2024-01-02"), Cancel));

        Assert.Contains("2024-01-12..2024-01-02 ends before it starts", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void The_options_mask_the_key_and_refuse_out_of_range_values()
    {
        var options = Options();

        Assert.DoesNotContain(ApiKey, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = (not set)", (options with { ApiKey = "" }).ToString(), StringComparison.Ordinal);
        Assert.Contains("retries 11", Assert.Throws<ArgumentException>(() => (options with { Retries = 11 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("calls_per_minute", Assert.Throws<ArgumentException>(() => (options with { CallsPerMinute = 0 }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("pause_seconds", Assert.Throws<ArgumentException>(() => (options with { Pause = TimeSpan.FromSeconds(-1) }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("timeout_seconds", Assert.Throws<ArgumentException>(() => (options with { Timeout = TimeSpan.Zero }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute", Assert.Throws<ArgumentException>(() => (options with { BaseUrl = new Uri("ftp://example.com/") }).Validate()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AlphaVantageDailyBarProvider(Http, options with { Retries = -1 }));
    }
}
