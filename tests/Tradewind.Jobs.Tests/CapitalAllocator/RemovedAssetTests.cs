using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Strategies;
using Tradewind.Core.Execution;
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
/// An asset removed from the configuration while the paper account holds it: the daily fetch keeps storing its prices,
/// so a bearish day sells it with every other holding instead of stopping the execution for want of its opening price.
/// </summary>
public sealed class RemovedAssetTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 3, 4);
    private static readonly DateOnly Day2 = new(2024, 3, 5);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_held_asset_removed_from_the_configuration_is_still_fetched_and_sold_on_a_bearish_day(DatabaseDialect dialect)
    {
        var (database, _, after) = await HoldXleThenRemoveItAsync(dialect);
        var held = (await after.AccountAsync()).Positions;
        Assert.Equal(["SPY", "XLE"], held.Select(p => p.Symbol));
        Assert.Equal(["SPY", "QQQ", "DIA"], after.Assets);
        Assert.Equal(["XLE"], await AllocatorSymbols.HeldButRemovedAsync(database, after.Assets, Ct));
        var (_, activeVersion) = await after.ActiveVersionAsync();

        var outcomes = await after.RunDayAsync(Day2);
        Assert.Equal(["fetch", "fetch", "signal", "execute"], outcomes.Select(o => o.Job));
        Assert.All(outcomes, o => Assert.True(o.Status == DailyJobStatus.Completed, $"{o.Job}: {o.Status} {o.Message}"));
        var xle = await new PriceHistoryRepository(database).LoadAsync(Symbol.Parse("XLE"), Resolution.Daily, TradingDate.BarTime(Day2), TradingDate.BarTime(Day2), Ct);
        Assert.Equal(1, xle.Count);

        var signal = (await after.StoredSignalAsync(Day2))!;
        Assert.Equal(SignalAction.Sell, signal.Action);
        Assert.Equal(activeVersion, signal.ConfigVersionId);
        var sold = await after.TradesAsync(Day2, Day2);
        Assert.Equal(["SPY", "XLE"], sold.Select(t => t.Symbol));
        Assert.All(sold, t => Assert.Equal(OrderSide.Sell, t.Action));
        var xleSale = sold.Single(t => t.Symbol == "XLE");
        Assert.Equal(ExecutionCosts.ToMoney(xle.Open[0]), xleSale.Price);
        Assert.Equal(Math.Floor(held.Single(p => p.Symbol == "XLE").Quantity * 0.7m * 10_000m) / 10_000m, xleSale.Quantity);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_removed_asset_the_provider_no_longer_has_does_not_stop_the_configured_assets(DatabaseDialect dialect)
    {
        var (database, folder, after) = await HoldXleThenRemoveItAsync(dialect);
        File.Delete(Path.Combine(folder, "XLE.csv"));

        var outcomes = await after.RunDayAsync(Day2);
        Assert.Equal(
            [("fetch", DailyJobStatus.Completed), ("fetch", DailyJobStatus.NothingToDo), ("signal", DailyJobStatus.Completed), ("execute", DailyJobStatus.NothingToDo)],
            outcomes.Select(o => (o.Job, o.Status)));
        Assert.Contains("XLE is held but no longer among the configured assets", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Contains("tradewind data import XLE.csv", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Contains("no opening price of XLE", outcomes[3].Message, StringComparison.Ordinal);
        Assert.Contains("no longer among the configured assets", outcomes[3].Message, StringComparison.Ordinal);
        var spy = await new PriceHistoryRepository(database).LoadAsync(Symbol.Parse("SPY"), Resolution.Daily, TradingDate.BarTime(Day2), TradingDate.BarTime(Day2), Ct);
        Assert.Equal(1, spy.Count);
        Assert.Empty(await after.TradesAsync(Day2, Day2));
    }

    public void Dispose() => _databases.Dispose();

    // Falling prices of SPY, QQQ, DIA and XLE up to Day 2 (so Day 2 is bearish); XLE configured, bought on Day 1, then
    // removed from the active parameters as `tradewind config apply` stores it. Returns the jobs without XLE.
    private async Task<(Storage.TradewindDatabase Database, string Folder, DailyJobs After)> HoldXleThenRemoveItAsync(DatabaseDialect dialect)
    {
        var folder = _databases.Folder.File(Guid.NewGuid().ToString("N"));
        var days = DailyJobs.TradingDaysEnding(Day2, 100);
        foreach (var (symbol, start) in new[] { ("SPY", 500.0), ("QQQ", 420.0), ("DIA", 380.0), ("XLE", 90.0) })
        {
            PriceFiles.Write(folder, symbol, days, PriceFiles.Trend(start, -0.008));
        }

        var database = await _databases.OpenAsync(dialect);
        var withXle = new StrategySettings { CapitalAllocator = new CapitalAllocatorSettings { Assets = ["SPY", "QQQ", "DIA", "XLE"] } };
        var before = DailyJobs.Csv(database, folder, withXle);
        await before.BackfillAsync(Day1, 200);
        var (_, version) = await before.ActiveVersionAsync();
        var buy = new DailySignalRecord(DailyJobs.Strategy, Day1, "regime_based", SignalAction.Buy, 0.5, """{"SPY":200.00,"XLE":300.00}""", """{"note":"set by hand"}""", version, DailyJobs.Now);
        Assert.True((await new DailySignalRepository(database).InsertAsync(buy, Ct)).Inserted);
        Assert.Equal(DailyJobStatus.Completed, (await before.ExecuteAsync(Day1)).Status);

        var after = DailyJobs.Csv(database, folder);
        var applied = await new TradingConfigRepository(database).ApplyAsync(
            DailyJobs.Strategy, StrategyParameters.From(after.Settings, DailyJobs.Strategy), "file", "test", "XLE removed", DailyJobs.Now.AddHours(1), Ct);
        Assert.True(applied.Created);
        return (database, folder, after);
    }
}
