using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Market;
using Tradewind.Core.Time;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.Simulated;

namespace Tradewind.Data.Tests.Providers.Simulated;

public sealed class SimulatedDailyBarProviderTests
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private static readonly Symbol Qqq = Symbol.Parse("QQQ");
    private static readonly Symbol Dia = Symbol.Parse("DIA");
    private static readonly DateOnly First = new(2000, 1, 3);
    private static readonly DateOnly End = new(2030, 12, 31);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A provider over a market nobody else has touched, so nothing cached can make two answers agree.</summary>
    private static SimulatedDailyBarProvider Fresh(int seed = 42) => new(new SimulatedMarket(seed));

    private static BarSeries Fetch(SimulatedDailyBarProvider provider, Symbol symbol, DateOnly from, DateOnly to) =>
        provider.GetDailyBarsAsync(symbol, from, to, Cancel).GetAwaiter().GetResult();

    private static List<Bar> BarsOf(BarSeries series) => [.. Enumerable.Range(0, series.Count).Select(i => series[i])];

    private static void AssertSameBars(List<Bar> expected, List<Bar> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Record equality on doubles is exact: the same bits, not merely close.
            Assert.True(expected[i] == actual[i], $"bar {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static double[] LogReturns(BarSeries series)
    {
        var close = series.Close;
        var returns = new double[close.Length - 1];
        for (var i = 1; i < close.Length; i++)
        {
            returns[i - 1] = Math.Log(close[i] / close[i - 1]);
        }

        return returns;
    }

    private static double Mean(IReadOnlyList<double> x) => x.Average();

    private static double StdDev(IReadOnlyList<double> x)
    {
        var mean = Mean(x);
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
    }

    private static double Covariance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = Mean(x);
        var my = Mean(y);
        return Enumerable.Range(0, x.Count).Sum(i => (x[i] - mx) * (y[i] - my)) / (x.Count - 1);
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y) => Covariance(x, y) / (StdDev(x) * StdDev(y));

    private static double MaxDrawdown(ReadOnlySpan<double> close)
    {
        var peak = close[0];
        var worst = 0.0;
        foreach (var c in close)
        {
            peak = Math.Max(peak, c);
            worst = Math.Max(worst, 1 - (c / peak));
        }

        return worst;
    }

    [Fact]
    public void A_day_is_the_same_whether_fetched_alone_in_a_month_or_in_thirty_years()
    {
        var whole = BarsOf(Fetch(Fresh(), Spy, First, End));
        var month = BarsOf(Fetch(Fresh(), Spy, D("2024-07-01"), D("2024-07-31")));
        var day = BarsOf(Fetch(Fresh(), Spy, D("2024-07-15"), D("2024-07-15")));

        AssertSameBars(whole.Where(b => b.Date >= D("2024-07-01") && b.Date <= D("2024-07-31")).ToList(), month);
        AssertSameBars([whole.Single(b => b.Date == D("2024-07-15"))], day);
    }

    [Fact]
    public void Any_sub_range_fetched_from_a_fresh_market_matches_the_long_series()
    {
        var whole = BarsOf(Fetch(Fresh(7), Qqq, First, End));
        var span = End.DayNumber - First.DayNumber;
        var ranges = from start in Gen.Choose(0, span)
                     from length in Gen.Choose(0, 400)
                     select (From: DateOnly.FromDayNumber(First.DayNumber + start), To: DateOnly.FromDayNumber(Math.Min(End.DayNumber, First.DayNumber + start + length)));

        Prop.ForAll(Arb.From(ranges), range =>
        {
            var part = BarsOf(Fetch(Fresh(7), Qqq, range.From, range.To));
            AssertSameBars(whole.Where(b => b.Date >= range.From && b.Date <= range.To).ToList(), part);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void Walking_forward_one_session_at_a_time_gives_the_bars_of_one_fetch()
    {
        var provider = Fresh(3);
        var sessions = TradingCalendars.Nyse.TradingDays(D("2023-01-03"), D("2024-12-31")).ToList();
        var walked = sessions.Select(d => Assert.Single(BarsOf(Fetch(provider, Dia, d, d)))).ToList();

        AssertSameBars(BarsOf(Fetch(Fresh(3), Dia, D("2023-01-01"), D("2024-12-31"))), walked);
    }

    [Fact]
    public void A_symbols_bars_do_not_depend_on_which_other_symbols_were_fetched_or_in_what_order()
    {
        var crowded = Fresh();
        Fetch(crowded, Qqq, First, D("2010-12-31"));
        Fetch(crowded, Symbol.Parse("ABC"), D("2005-01-01"), End);
        Fetch(crowded, Dia, First, End);
        var afterOthers = BarsOf(Fetch(crowded, Spy, First, End));

        var alone = BarsOf(Fetch(Fresh(), Spy, First, End));
        var shared = BarsOf(Fetch(new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = 42 }), Spy, First, End));

        AssertSameBars(alone, afterOthers);
        AssertSameBars(alone, shared);
    }

    [Fact]
    public void The_seed_changes_the_market_and_the_same_seed_repeats_it()
    {
        var a = BarsOf(Fetch(Fresh(1), Spy, D("2020-01-01"), D("2020-12-31")));
        var b = BarsOf(Fetch(Fresh(2), Spy, D("2020-01-01"), D("2020-12-31")));
        var again = BarsOf(Fetch(Fresh(1), Spy, D("2020-01-01"), D("2020-12-31")));

        AssertSameBars(a, again);
        Assert.NotEqual(a.Select(x => x.Close), b.Select(x => x.Close));
    }

    [Fact]
    public void Bars_fall_on_nyse_sessions_only_from_the_first_session_on()
    {
        var bars = BarsOf(Fetch(Fresh(), Spy, D("1999-06-01"), End));

        Assert.Equal(TradingCalendars.Nyse.TradingDays(First, End), bars.Select(b => b.Date));
        Assert.Equal(First, bars[0].Date);
        Assert.DoesNotContain(bars, b => b.Date == D("2024-07-04") || b.Date == D("2001-09-11") || b.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.All(bars, b => Assert.Equal(DateTimeKind.Utc, b.Time.Kind));
        Assert.All(bars, b => Assert.Equal(TimeSpan.Zero, b.Time.TimeOfDay));

        var july = BarsOf(Fetch(Fresh(), Spy, D("2024-07-01"), D("2024-07-07")));
        Assert.Equal([D("2024-07-01"), D("2024-07-02"), D("2024-07-03"), D("2024-07-05")], july.Select(b => b.Date));
    }

    [Fact]
    public void Dates_before_the_first_session_or_without_sessions_give_an_empty_series()
    {
        Assert.Equal(0, Fetch(Fresh(), Spy, D("1995-01-01"), D("1999-12-31")).Count);
        Assert.Equal(0, Fetch(Fresh(), Spy, D("2024-07-06"), D("2024-07-07")).Count);
        Assert.Equal(0, Fetch(Fresh(), Spy, D("2024-07-04"), D("2024-07-04")).Count);
    }

    [Fact]
    public async Task Dates_after_the_calendars_last_year_are_refused_with_the_last_date()
    {
        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => Fresh().GetDailyBarsAsync(Spy, D("2035-12-01"), D("2036-01-31"), Cancel));

        Assert.Equal(MarketDataFailure.OutOfRange, ex.Failure);
        Assert.Equal("sim", ex.Provider);
        Assert.Contains("from 2000-01-03 to 2035-12-31", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("up to 2035-12-31", ex.Fix, StringComparison.Ordinal);
        Assert.Equal(D("2035-12-31"), BarsOf(Fetch(Fresh(), Spy, D("2035-12-01"), D("2035-12-31")))[^1].Date);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_and_a_cancelled_request_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Fresh().GetDailyBarsAsync(Spy, D("2024-02-01"), D("2024-01-01"), Cancel));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fresh().GetDailyBarsAsync(Spy, D("2024-01-01"), D("2024-02-01"), new CancellationToken(true)));
    }

    [Theory]
    [InlineData("SPY")]
    [InlineData("QQQ")]
    [InlineData("DIA")]
    [InlineData("XYZ")]
    [InlineData("BRK.B")]
    public void Every_bar_is_sound_in_whole_cents_with_whole_positive_volumes(string ticker)
    {
        var bars = BarsOf(Fetch(Fresh(11), Symbol.Parse(ticker), First, D("2035-12-31")));

        Assert.All(bars, bar =>
        {
            Assert.Null(bar.Validate());
            foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close })
            {
                Assert.Equal(Math.Round(price * 100), price * 100, 6);
            }

            Assert.True(bar.Volume >= 1 && bar.Volume == Math.Floor(bar.Volume), $"{bar.Date}: volume {bar.Volume}");
            Assert.Null(bar.AdjClose);
        });
    }

    [Fact]
    public void Volumes_are_plausible_for_each_etf()
    {
        double MedianVolume(Symbol symbol)
        {
            var volumes = BarsOf(Fetch(Fresh(), symbol, First, End)).Select(b => b.Volume).Order().ToList();
            return volumes[volumes.Count / 2];
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"median volume SPY {MedianVolume(Spy):N0}, QQQ {MedianVolume(Qqq):N0}, DIA {MedianVolume(Dia):N0}");
        Assert.InRange(MedianVolume(Spy), 40e6, 160e6);
        Assert.InRange(MedianVolume(Qqq), 20e6, 90e6);
        Assert.InRange(MedianVolume(Dia), 2e6, 8e6);
    }

    [Fact]
    public void Over_the_long_run_volatility_correlation_and_beta_are_as_documented()
    {
        var seeds = Enumerable.Range(1, 8).ToList();
        var stats = seeds.Select(seed =>
        {
            var provider = Fresh(seed);
            var spy = Fetch(provider, Spy, First, D("2035-12-31"));
            var qqq = Fetch(provider, Qqq, First, D("2035-12-31"));
            var dia = Fetch(provider, Dia, First, D("2035-12-31"));
            var (s, q, d) = (LogReturns(spy), LogReturns(qqq), LogReturns(dia));
            return new
            {
                SpyVol = StdDev(s) * Math.Sqrt(252),
                QqqVol = StdDev(q) * Math.Sqrt(252),
                DiaVol = StdDev(d) * Math.Sqrt(252),
                SpyDrift = Mean(s) * 252,
                SpyQqq = Correlation(s, q),
                SpyDia = Correlation(s, d),
                QqqDia = Correlation(q, d),
                QqqBeta = Covariance(q, s) / Covariance(s, s),
                DiaBeta = Covariance(d, s) / Covariance(s, s),
                SpyDrawdown = MaxDrawdown(spy.Close),
            };
        }).ToList();

        foreach (var s in stats)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"vol SPY {s.SpyVol:P1} QQQ {s.QqqVol:P1} DIA {s.DiaVol:P1}; drift SPY {s.SpyDrift:P1}; corr SPY/QQQ {s.SpyQqq:F3} SPY/DIA {s.SpyDia:F3} QQQ/DIA {s.QqqDia:F3}; beta QQQ {s.QqqBeta:F2} DIA {s.DiaBeta:F2}; SPY max drawdown {s.SpyDrawdown:P0}");
            Assert.InRange(s.SpyVol, 0.13, 0.21);
            Assert.True(s.QqqVol > s.SpyVol && s.SpyVol > s.DiaVol, "QQQ should swing more than SPY, and SPY more than DIA");
            Assert.InRange(s.SpyQqq, 0.83, 0.93);
            Assert.InRange(s.SpyDia, 0.90, 0.97);
            Assert.InRange(s.QqqDia, 0.75, 0.90);
            Assert.InRange(s.QqqBeta, 1.05, 1.19);
            Assert.InRange(s.DiaBeta, 0.87, 0.97);
            Assert.InRange(s.SpyDrawdown, 0.20, 0.80);
        }

        // One seed's 36 years say little about the drift; eight seeds together pin it near the documented 8-10%.
        Assert.InRange(stats.Average(s => s.SpyDrift), 0.06, 0.12);
    }

    [Fact]
    public void Regimes_occur_about_as_often_and_move_the_market_as_documented()
    {
        var stationary = RegimeModel.Stationary;
        var counts = new double[4];
        var returns = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        var sessions = SimulatedMarket.Sessions.Length;
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var market = new SimulatedMarket(seed);
            for (var t = 0; t < sessions; t++)
            {
                var regime = (int)market.RegimeAt(t);
                counts[regime]++;
                returns[regime].Add(market.MarketReturnAt(t));
            }
        }

        for (var r = 0; r < 4; r++)
        {
            var share = counts[r] / counts.Sum();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{RegimeModel.Regimes[r]}: {share:P1} of sessions (stationary {stationary[r]:P1}), drift {Mean(returns[r]) * 252:P0}, vol {StdDev(returns[r]) * Math.Sqrt(252):P0}");
            Assert.InRange(share, stationary[r] - 0.06, stationary[r] + 0.06);
            // The realized volatility of each regime is its documented one (the drawdown term changes the drift only).
            Assert.InRange(StdDev(returns[r]) * Math.Sqrt(252), RegimeModel.AnnualVolatility[r] * 0.9, RegimeModel.AnnualVolatility[r] * 1.1);
        }

        Assert.True(Mean(returns[(int)MarketRegime.CalmBull]) > 0);
        Assert.True(Mean(returns[(int)MarketRegime.Bear]) < 0);
        Assert.True(Mean(returns[(int)MarketRegime.Crash]) < -0.005, "a crash loses more than half a percent a session on average");
        Assert.True(counts[(int)MarketRegime.Crash] > 0);
    }

    [Fact]
    public void The_stationary_shares_are_stationary_and_match_the_documented_figures()
    {
        var pi = RegimeModel.Stationary;
        for (var to = 0; to < 4; to++)
        {
            var next = Enumerable.Range(0, 4).Sum(from => pi[from] * RegimeModel.Transitions[from, to]);
            Assert.Equal(pi[to], next, 12);
        }

        for (var from = 0; from < 4; from++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, 4).Sum(to => RegimeModel.Transitions[from, to]), 12);
        }

        // docs/data-providers.md quotes these, rounded.
        Assert.Equal([0.671, 0.194, 0.130, 0.005], pi.Select(p => Math.Round(p, 3)));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Every_seed_has_rallies_and_sell_offs_for_the_allocator_to_see(int seed)
    {
        var spy = Fetch(Fresh(seed), Spy, First, D("2035-12-31"));
        var close = spy.Close.ToArray();
        var sixtyDay = Enumerable.Range(60, close.Length - 60).Select(i => (close[i] / close[i - 60]) - 1).ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: 60-session returns {sixtyDay.Min():P0}..{sixtyDay.Max():P0}, max drawdown {MaxDrawdown(spy.Close):P0}");
        Assert.True(sixtyDay.Count(r => r > 0.10) > 60, "fewer than 60 sessions end a 60-session rally of more than 10%");
        Assert.True(sixtyDay.Count(r => r < -0.15) > 20, "fewer than 20 sessions end a 60-session fall of more than 15%");
        Assert.InRange(MaxDrawdown(spy.Close), 0.25, 0.80);
    }

    [Fact]
    public void The_default_seed_visits_every_regime()
    {
        var close = Fetch(new SimulatedDailyBarProvider(new SimulatedMarketOptions()), Spy, First, End).Close.ToArray();

        var market = SimulatedMarket.ForSeed(42);
        var regimes = Enumerable.Range(0, close.Length).Select(market.RegimeAt).ToHashSet();
        Assert.Equal([MarketRegime.CalmBull, MarketRegime.Choppy, MarketRegime.Bear, MarketRegime.Crash], regimes.Order());
    }

    [Fact]
    public void Other_tickers_get_a_generic_profile_from_their_name_alone_within_the_documented_bounds()
    {
        Assert.Equal(AssetProfile.Generic("XYZ"), AssetProfile.For("XYZ"));
        Assert.NotEqual(AssetProfile.Generic("XYZ"), AssetProfile.Generic("XYW"));
        Assert.False(AssetProfile.For("SPY").IsGeneric);
        Assert.Equal(1.0, AssetProfile.For("SPY").Beta);

        foreach (var ticker in new[] { "AAPL", "MSFT", "XYZ", "IWM", "TLT", "GLD", "BRK.B", "A", "ZZZZZZZZZZ" })
        {
            var profile = AssetProfile.For(ticker);
            Assert.True(profile.IsGeneric);
            Assert.InRange(profile.Beta, 0.6, 1.4);
            Assert.InRange(profile.AnnualAlpha, -0.02, 0.02);
            Assert.InRange(profile.IdiosyncraticVolatility, 0.10, 0.30);
            Assert.InRange(profile.StartPrice, 20, 300);
            Assert.InRange(profile.BaseVolume, 1e6, 20e6);
        }

        // The same ticker under two seeds: same profile, different idiosyncratic path.
        var a = BarsOf(Fetch(Fresh(1), Symbol.Parse("XYZ"), D("2000-01-03"), D("2000-01-03")));
        var b = BarsOf(Fetch(Fresh(2), Symbol.Parse("XYZ"), D("2000-01-03"), D("2000-01-03")));
        Assert.NotEqual(a[0].Close, b[0].Close);
    }

    [Fact]
    public void The_provider_says_its_prices_are_simulated()
    {
        var provider = new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = 5 });

        Assert.Equal("sim", provider.Name);
        Assert.Equal(5, provider.Seed);
        Assert.Contains("SIMULATED", provider.Description, StringComparison.Ordinal);
        Assert.Contains("not market data", provider.Description, StringComparison.Ordinal);
        Assert.Contains("seed 5", provider.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_years_of_three_etfs_generate_in_milliseconds()
    {
        // Not a benchmark (bench/ measures speed): a record of the cost, and a guard against an accidental O(n²).
        var clock = Stopwatch.StartNew();
        var provider = Fresh(99);
        foreach (var symbol in new[] { Spy, Qqq, Dia })
        {
            Assert.True(Fetch(provider, symbol, First, End).Count > 7_700);
        }

        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"2000-2030 for SPY, QQQ, DIA from a fresh market: {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
