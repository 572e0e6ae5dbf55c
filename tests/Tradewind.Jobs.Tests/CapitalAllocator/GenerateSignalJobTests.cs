using System.Text.Json;
using Tradewind.Core.Market;
using Tradewind.Jobs.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;
using Tradewind.Storage.StrategyConfig;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The signal job on price files made for the purpose: it refuses too little or stale history naming the asset and
/// the fix, stores one row with the inputs it used and the registry version it was made with, and decides from the
/// closes before the date only.
/// </summary>
public sealed class GenerateSignalJobTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Date = new(2024, 6, 3);
    private static readonly DateOnly Previous = new(2024, 5, 31);
    private static readonly (string Symbol, double Drift)[] Drifts = [("SPY", 0.003), ("QQQ", 0.005), ("DIA", 0.001)];

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    public static TheoryData<DatabaseDialect, int, string> ShortHistories
    {
        get
        {
            var data = new TheoryData<DatabaseDialect, int, string>();
            foreach (var dialect in new[] { DatabaseDialect.Sqlite, DatabaseDialect.Postgres })
            {
                data.Add(dialect, 50, "DIA has 49 trading days of history (50 closes) but the capital allocator needs 60");
                data.Add(dialect, 60, "DIA has 59 trading days of history (60 closes) but the capital allocator needs 60");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ShortHistories))]
    public async Task Too_little_history_names_the_asset_and_the_missing_days_and_stores_nothing(DatabaseDialect dialect, int diaCloses, string expected)
    {
        var jobs = await WithHistoryAsync(dialect, ("SPY", 100, Previous), ("QQQ", 100, Previous), ("DIA", diaCloses, Previous));
        var before = await jobs.DumpAsync();

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.SignalAsync(Date));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        var missing = 61 - diaCloses;
        Assert.Contains(missing == 1 ? "1 trading day is missing" : $"{missing} trading days are missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Exactly_min_history_days_plus_one_closes_are_enough(DatabaseDialect dialect)
    {
        var jobs = await WithHistoryAsync(dialect, ("SPY", 61, Previous), ("QQQ", 61, Previous), ("DIA", 61, Previous));

        var outcome = await jobs.SignalAsync(Date);

        Assert.Equal(DailyJobStatus.Completed, outcome.Status);
        using var features = JsonDocument.Parse((await jobs.StoredSignalAsync(Date))!.FeaturesUsed);
        Assert.Equal(60, features.RootElement.GetProperty("assets").GetProperty("DIA").GetProperty("days").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_missing_close_of_the_previous_trading_day_names_the_fetch_to_run_and_stores_nothing(DatabaseDialect dialect)
    {
        var twoBefore = TradingDate.Calendar.PreviousTradingDay(Previous);
        var jobs = await WithHistoryAsync(dialect, ("SPY", 100, Previous), ("QQQ", 100, Previous), ("DIA", 100, twoBefore));
        var before = await jobs.DumpAsync();

        var error = await Assert.ThrowsAsync<JobInputException>(() => jobs.SignalAsync(Date));

        Assert.Contains("the latest stored DIA close is 2024-05-30", error.Message, StringComparison.Ordinal);
        Assert.Contains("run `tradewind fetch --date 2024-05-31` first", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await jobs.DumpAsync());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_stored_row_holds_the_features_used_and_names_the_seeded_version(DatabaseDialect dialect)
    {
        var jobs = await WithHistoryAsync(dialect, ("SPY", 100, Previous), ("QQQ", 100, Previous), ("DIA", 100, Previous));

        var outcome = await jobs.SignalAsync(Date);

        Assert.Equal(DailyJobStatus.Completed, outcome.Status);
        var signal = (await jobs.StoredSignalAsync(Date))!;
        var seeded = await new TradingConfigRepository(jobs.Database).GetActiveAsync(DailyJobs.Strategy, TestContext.Current.CancellationToken);
        Assert.NotNull(seeded);
        Assert.Equal((AllocatorParameterSource.SeedSource, seeded.Id), (seeded.Source, signal.ConfigVersionId));
        Assert.Equal(1, await TableDump.CountAsync(jobs.Database, "trading_config"));
        Assert.Equal(("regime_based", SignalAction.Buy, DailyJobs.Now), (signal.ModelType, signal.Action, signal.CreatedAt));

        using var features = JsonDocument.Parse(signal.FeaturesUsed);
        var root = features.RootElement;
        Assert.InRange(root.GetProperty("regime").GetDouble(), 0.3, 1);
        Assert.InRange(root.GetProperty("risk").GetDouble(), 0, 100);
        Assert.Equal("BUY", root.GetProperty("action").GetString());
        var assets = root.GetProperty("assets");
        Assert.Equal(["SPY", "QQQ", "DIA"], assets.EnumerateObject().Select(a => a.Name));
        foreach (var (symbol, drift) in Drifts)
        {
            var asset = assets.GetProperty(symbol);
            foreach (var key in new[] { "returns_5d", "returns_20d", "returns_60d", "volatility", "score" })
            {
                Assert.Equal(JsonValueKind.Number, asset.GetProperty(key).ValueKind);
            }

            // The closes of the file, the last one being the previous trading day's (index 99 of 100).
            var close = PriceFiles.Trend(100, drift);
            Assert.Equal(close(99) / close(94) - 1, asset.GetProperty("returns_5d").GetDouble(), 12);
            Assert.Equal(close(99) / close(79) - 1, asset.GetProperty("returns_20d").GetDouble(), 12);
            Assert.Equal(close(99) / close(39) - 1, asset.GetProperty("returns_60d").GetDouble(), 12);
            var returns = Enumerable.Range(80, 20).Select(i => close(i) / close(i - 1) - 1).ToArray();
            var mean = returns.Average();
            Assert.Equal(Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 19), asset.GetProperty("volatility").GetDouble(), 12);
        }

        // Every asset rises, the fastest most: all three get dollars, QQQ the most and DIA the least.
        var allocations = signal.ReadAllocations().ToDictionary(a => a.Key, a => a.Value);
        Assert.True(allocations["QQQ"] > allocations["SPY"] && allocations["SPY"] > allocations["DIA"] && allocations["DIA"] > 0, signal.Allocations);
        var fraction = root.GetProperty("allocation_pct").GetDecimal();
        Assert.Contains(fraction, new[] { 0.8m, 0.5m, 0.3m, 0.2m });
        Assert.Equal(jobs.Settings.CapitalAllocator.DailyCapital * fraction, allocations.Values.Sum());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Changing_the_dates_own_bar_before_the_signal_does_not_change_it_but_changing_the_day_before_does(DatabaseDialect dialect)
    {
        var histories = new[] { ("SPY", 101, Date), ("QQQ", 101, Date), ("DIA", 101, Date) };
        var stored = await WithHistoryAsync(dialect, histories);
        var changedToday = await WithHistoryAsync(dialect, histories);
        var changedYesterday = await WithHistoryAsync(dialect, histories);
        await ReplaceBarAsync(changedToday, "QQQ", Date, close: 1.0);
        await ReplaceBarAsync(changedToday, "SPY", Date, close: 5000.0);
        await ReplaceBarAsync(changedYesterday, "QQQ", Previous, close: 1.0);

        await stored.SignalAsync(Date);
        await changedToday.SignalAsync(Date);
        await changedYesterday.SignalAsync(Date);

        var expected = Decision((await stored.StoredSignalAsync(Date))!);
        Assert.Equal(expected, Decision((await changedToday.StoredSignalAsync(Date))!));
        Assert.NotEqual(expected, Decision((await changedYesterday.StoredSignalAsync(Date))!));
    }

    public void Dispose() => _databases.Dispose();

    private static (SignalAction, double, string, string, long) Decision(DailySignalRecord signal) =>
        (signal.Action, signal.ConfidenceScore, signal.Allocations, signal.FeaturesUsed, signal.ConfigVersionId);

    /// <summary>
    /// A database holding, for each asset, <c>Closes</c> rising daily bars up to <c>Last</c> from its own file
    /// (SPY +0.3%, QQQ +0.5%, DIA +0.1% a day), stored by a backfill through the csv provider.
    /// </summary>
    private async Task<DailyJobs> WithHistoryAsync(DatabaseDialect dialect, params (string Symbol, int Closes, DateOnly Last)[] histories)
    {
        var folder = _databases.Folder.File(Guid.NewGuid().ToString("N"));
        foreach (var (symbol, closes, last) in histories)
        {
            PriceFiles.Write(folder, symbol, DailyJobs.TradingDaysEnding(last, closes), PriceFiles.Trend(100, Drifts.Single(d => d.Symbol == symbol).Drift));
        }

        var jobs = DailyJobs.Csv(await _databases.OpenAsync(dialect), folder);
        await jobs.BackfillAsync(histories.Max(h => h.Last), 400);
        return jobs;
    }

    private static async Task ReplaceBarAsync(DailyJobs jobs, string symbol, DateOnly date, double close)
    {
        var bar = new BarSeries(Symbol.Parse(symbol), Resolution.Daily);
        bar.Add(new Bar(TradingDate.BarTime(date), close, close, close, close, 1));
        var result = Assert.Single(await new PriceHistoryRepository(jobs.Database).UpsertAsync([bar], TestContext.Current.CancellationToken));
        Assert.Equal(1, result.Updated);
    }
}
