using Tradewind.Configuration.Settings;
using Tradewind.Core.Market;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.MarketData;
using Tradewind.Jobs.Tests.CapitalAllocator;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.MarketData;

/// <summary>
/// The fetch job with the Alpha Vantage provider the <c>data</c> settings build, over loopback against a server
/// replaying answers: every error payload, HTTP 500 until the retries run out and a cut-off body fail the job and
/// store nothing for ANY asset, also when the assets before the failing one were answered well.
/// </summary>
public sealed class AlphaVantageFetchTests(PostgresServer postgres) : IAsyncDisposable
{
    private const string ApiKey = "TESTKEY-JOBS-7F3A";
    private static readonly DateOnly Date = new(2024, 1, 10);

    private readonly TestDatabases _databases = new(postgres);
    private readonly ReplayHttpServer _server = ReplayHttpServer.Start();

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    public static TheoryData<DatabaseDialect, string, string> Failures
    {
        get
        {
            var data = new TheoryData<DatabaseDialect, string, string>();
            foreach (var dialect in new[] { DatabaseDialect.Sqlite, DatabaseDialect.Postgres })
            {
                data.Add(dialect, "error-message-unknown-symbol.json", "Alpha Vantage refused the request: \"Invalid API call.");
                data.Add(dialect, "note-call-frequency.json", "Alpha Vantage's rate limit was reached: \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute");
                data.Add(dialect, "information-daily-quota.json", "Alpha Vantage's request quota was reached: \"Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests per day.");
                data.Add(dialect, "malformed-cut-off.json", "is not JSON");
                data.Add(dialect, "HTTP 500", "Alpha Vantage answered HTTP 500 (Internal Server Error) to the last of 2 attempts");
            }

            return data;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_dates_window_of_every_asset_is_stored_from_the_answers(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        _server.Enqueue(Recorded("spy-daily-compact.json"), Recorded("qqq-daily-compact.json"), Recorded("dia-daily-compact.json"));

        var outcome = await FetchAsync(database, Date);

        Assert.Equal(DailyJobStatus.Completed, outcome.Status);
        Assert.Equal("stored 15 new daily bars from alphavantage (SPY 5, QQQ 5, DIA 5); 0 already stored", outcome.Message);
        Assert.Equal(["SPY", "QQQ", "DIA"], _server.Requests.Select(r => r.Query["symbol"]));
        Assert.All(_server.Requests, r => Assert.Equal(("TIME_SERIES_DAILY", ApiKey), (r.Query["function"], r.Query["apikey"])));
        var spy = await new PriceHistoryRepository(database).LoadAsync(Symbol.Parse("SPY"), Resolution.Daily, null, null, Ct);
        Assert.Equal([new(2024, 1, 4), new(2024, 1, 5), new(2024, 1, 8), new(2024, 1, 9), Date], Enumerable.Range(0, spy.Count).Select(i => spy[i].Date));
        // The answer's 2024-01-10: "476.1500", "477.4000", "475.2500", "476.6000", "61204300".
        Assert.Equal((476.15, 477.4, 475.25, 476.6, 61204300.0), (spy[^1].Open, spy[^1].High, spy[^1].Low, spy[^1].Close, spy[^1].Volume));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failing_second_asset_fails_the_fetch_and_stores_nothing_for_any_asset(DatabaseDialect dialect, string answer, string expected)
    {
        var database = await _databases.OpenAsync(dialect);
        var before = await TableDump.DumpAsync(database);
        _server.Enqueue(Recorded("spy-daily-compact.json"));
        if (answer == "HTTP 500")
        {
            _server.Enqueue(ReplayResponse.WithStatus(500, "upstream failed"), ReplayResponse.WithStatus(500, "upstream failed"));
        }
        else
        {
            _server.Enqueue(Recorded(answer));
        }

        var error = await Assert.ThrowsAsync<JobInputException>(() => FetchAsync(database, Date));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("QQQ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored for any asset.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.DumpAsync(database));
        Assert.Equal(0, await TableDump.CountAsync(database, "price_history"));
        // SPY was answered well and QQQ failed (twice for the 500s: one retry); DIA was never asked.
        Assert.Equal(answer == "HTTP 500" ? ["SPY", "QQQ", "QQQ"] : ["SPY", "QQQ"], _server.Requests.Select(r => r.Query["symbol"]));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_missing_api_key_says_how_to_set_one_and_asks_nothing(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var before = await TableDump.DumpAsync(database);

        var error = await Assert.ThrowsAsync<JobInputException>(() => FetchAsync(database, Date, apiKey: ""));

        Assert.Contains("no Alpha Vantage API key is configured (data.alphavantage.api_key is empty)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALPHAVANTAGE_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Equal(before, await TableDump.DumpAsync(database));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Answers_without_the_dates_bar_fail_the_fetch_and_store_nothing(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var before = await TableDump.DumpAsync(database);
        _server.Enqueue(Recorded("spy-daily-compact.json"), Recorded("qqq-daily-compact.json"), Recorded("dia-daily-compact.json"));

        var error = await Assert.ThrowsAsync<JobInputException>(() => FetchAsync(database, new DateOnly(2024, 1, 11)));

        Assert.StartsWith("alphavantage has no SPY bar for 2024-01-11 yet (latest: 2024-01-10); nothing was stored.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.DumpAsync(database));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Run_day_with_a_failing_fetch_on_a_fresh_database_stores_nothing_at_all(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var before = await TableDump.DumpAsync(database);
        _server.Enqueue(Recorded("spy-daily-compact.json"), Recorded("note-call-frequency.json"));
        using var providers = ProvidersFor(ApiKey);
        var jobs = new DailyJobs(database, providers.Provider);

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.RunDayAsync(Date));

        Assert.Contains("Alpha Vantage's rate limit was reached", error.Message, StringComparison.Ordinal);
        // Not even the registry's first version: the signal step seeds it, and it never ran.
        Assert.Equal(before, await TableDump.DumpAsync(database));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _databases.Dispose();
    }

    private static ReplayResponse Recorded(string name) => ReplayResponse.File(Path.Combine(AppContext.BaseDirectory, "MarketData", "Recorded", name));

    private async Task<DailyJobOutcome> FetchAsync(TradewindDatabase database, DateOnly date, string apiKey = ApiKey)
    {
        using var providers = ProvidersFor(apiKey);
        return await new FetchPricesJob(database, providers.Provider).RunAsync(date, ["SPY", "QQQ", "DIA"], Ct);
    }

    /// <summary>The provider set of <c>data.provider: alphavantage</c> pointed at the replay server, with no pause and one retry.</summary>
    private DailyBarProviderSet ProvidersFor(string apiKey)
    {
        var settings = new DataSettings
        {
            Provider = DataProviderKind.AlphaVantage,
            AlphaVantage = new AlphaVantageSettings { ApiKey = apiKey, PauseSeconds = 0, CallsPerMinute = 1000, TimeoutSeconds = 5, Retries = 1 },
        };
        return DailyBarProviderSet.Create(settings, new JobEnvironment { WorkingDirectory = _databases.Folder.Path }, alphaVantageBaseUrl: _server.BaseAddress);
    }
}
