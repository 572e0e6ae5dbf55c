using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.AlphaVantage;
using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Data.Providers.Simulated;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Providers;

public sealed class FallbackDailyBarProviderTests
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private static readonly DateOnly From = new(2024, 1, 2);
    private static readonly DateOnly To = new(2024, 1, 5);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A provider that answers with one bar per call or fails as told, and counts its calls.</summary>
    private sealed class ScriptedProvider(string name, Func<Exception?> failure) : IDailyBarProvider
    {
        public int Calls { get; private set; }

        public string Name => name;

        public string Description => $"scripted {name}";

        public Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (failure() is { } ex)
            {
                throw ex;
            }

            var series = new BarSeries(symbol, Resolution.Daily, 1);
            series.Add(new Bar(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 10, 11, 9, 10.5, Calls));
            return Task.FromResult(series);
        }

        public static ScriptedProvider Answering(string name) => new(name, () => null);

        public static ScriptedProvider Failing(string name, MarketDataFailure failure = MarketDataFailure.Unavailable) =>
            new(name, () => new MarketDataProviderException(name, "SPY", failure, $"{name} is down", $"revive {name}"));
    }

    [Fact]
    public async Task The_primary_answers_and_the_fallbacks_are_not_asked()
    {
        var primary = ScriptedProvider.Answering("first");
        var fallback = ScriptedProvider.Answering("second");
        var route = new FallbackDailyBarProvider(primary, [fallback]);

        var bars = await route.GetDailyBarsAsync(Spy, From, To, Cancel);

        Assert.Equal(1, bars.Count);
        Assert.Equal((1, 0), (primary.Calls, fallback.Calls));
        Assert.Equal("first>second", route.Name);
        Assert.Equal("scripted first; when it fails: scripted second", route.Description);
    }

    [Fact]
    public async Task A_failing_primary_hands_over_to_the_fallbacks_in_order_each_asked_once()
    {
        var primary = ScriptedProvider.Failing("first");
        var second = ScriptedProvider.Failing("second");
        var third = ScriptedProvider.Answering("third");
        var fourth = ScriptedProvider.Answering("fourth");
        var told = new List<string>();
        var route = new FallbackDailyBarProvider(primary, [second, third, fourth], ex => told.Add(ex.Provider));

        var bars = await route.GetDailyBarsAsync(Spy, From, To, Cancel);

        Assert.Equal(1, bars.Count);
        Assert.Equal((1, 1, 1, 0), (primary.Calls, second.Calls, third.Calls, fourth.Calls));
        Assert.Equal(["first", "second"], told);
    }

    [Fact]
    public async Task When_every_provider_fails_the_error_lists_what_each_one_said_in_order()
    {
        var told = new List<string>();
        var route = new FallbackDailyBarProvider(
            ScriptedProvider.Failing("first", MarketDataFailure.RateLimited), [ScriptedProvider.Failing("second", MarketDataFailure.NotFound)], ex => told.Add(ex.Provider));

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => route.GetDailyBarsAsync(Spy, From, To, Cancel));

        Assert.Equal(MarketDataFailure.AllProvidersFailed, ex.Failure);
        Assert.Equal("first>second", ex.Provider);
        Assert.Equal("SPY", ex.Symbol);
        Assert.Equal([MarketDataFailure.RateLimited, MarketDataFailure.NotFound], ex.Attempts.Select(a => a.Failure));
        Assert.Equal("every provider failed: (1) first: first is down; (2) second: second is down", ex.Reason);
        Assert.Equal("make one of them work: (1) first: revive first (2) second: revive second", ex.Fix);
        Assert.StartsWith("first>second: daily bars for SPY: every provider failed", ex.Message, StringComparison.Ordinal);
        // The last failure is thrown, not reported as a hand-over.
        Assert.Equal(["first"], told);
    }

    [Fact]
    public async Task An_unexpected_error_or_a_cancellation_is_not_hidden_behind_a_fallback()
    {
        var fallback = ScriptedProvider.Answering("second");
        var buggy = new FallbackDailyBarProvider(new ScriptedProvider("first", () => new InvalidOperationException("bug")), [fallback]);
        var cancelled = new FallbackDailyBarProvider(new ScriptedProvider("first", () => new OperationCanceledException()), [fallback]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => buggy.GetDailyBarsAsync(Spy, From, To, Cancel));
        await Assert.ThrowsAsync<OperationCanceledException>(() => cancelled.GetDailyBarsAsync(Spy, From, To, Cancel));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => buggy.GetDailyBarsAsync(Spy, From, To, new CancellationToken(true)));
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public void A_provider_listed_twice_is_refused()
    {
        var sim = ScriptedProvider.Answering("sim");

        var ex = Assert.Throws<ArgumentException>(() => new FallbackDailyBarProvider(sim, [ScriptedProvider.Answering("csv"), ScriptedProvider.Answering("SIM")]));

        Assert.Contains("'SIM' is listed more than once (sim, csv, SIM)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.fallback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_before_any_provider_is_asked()
    {
        var primary = ScriptedProvider.Answering("first");

        await Assert.ThrowsAsync<ArgumentException>(() => new FallbackDailyBarProvider(primary, []).GetDailyBarsAsync(Spy, To, From, Cancel));

        Assert.Equal(0, primary.Calls);
    }

    [Fact]
    public async Task Alpha_vantage_without_a_key_falls_back_to_the_csv_folder_then_the_simulated_market()
    {
        using var folder = new TempDirectory();
        folder.Write("QQQ.csv", "date,open,high,low,close,volume\n2024-01-02,400.1,402.5,398.7,401.9,41000000\n");
        using var http = new HttpClient();
        var alphaVantage = new AlphaVantageDailyBarProvider(http, new AlphaVantageOptions { ApiKey = "" });
        var csv = new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = folder.Path });
        var sim = new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = 42 });
        var told = new List<MarketDataProviderException>();
        var route = new FallbackDailyBarProvider(alphaVantage, [csv, sim], told.Add);

        var qqq = await route.GetDailyBarsAsync(Symbol.Parse("QQQ"), From, To, Cancel);
        var spy = await route.GetDailyBarsAsync(Spy, From, To, Cancel);

        Assert.Equal(401.9, Assert.Single(Enumerable.Range(0, qqq.Count).Select(i => qqq[i])).Close);
        Assert.Equal(4, spy.Count);
        Assert.Equal(
            [MarketDataFailure.MissingCredentials, MarketDataFailure.MissingCredentials, MarketDataFailure.NotFound],
            told.Select(e => e.Failure));
        Assert.Equal("alphavantage>csv>sim", route.Name);
        Assert.Contains("SIMULATED", route.Description, StringComparison.Ordinal);
        Assert.Equal(
            (await sim.GetDailyBarsAsync(Spy, From, To, Cancel)).Close.ToArray(),
            spy.Close.ToArray());
        Assert.Equal("2024-01-02", qqq[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
