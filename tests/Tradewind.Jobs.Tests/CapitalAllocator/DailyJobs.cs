using Tradewind.Configuration.Settings;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Data.Providers.Simulated;
using Tradewind.Jobs.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.MarketData;
using Tradewind.Storage;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.Signals;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The allocator's daily jobs over one database, one provider, the strategy settings and a clock that stands still:
/// each call runs one job for an explicit trading date, as the command line and the scheduler do.
/// </summary>
public sealed class DailyJobs(TradewindDatabase database, IDailyBarProvider provider, StrategySettings? strategy = null)
{
    public const string Strategy = CapitalAllocatorParameters.StrategyName;

    /// <summary>The simulated market's seed every sim-based test uses.</summary>
    public const int SimSeed = 20240601;

    public static readonly DateTimeOffset Now = new(2025, 2, 3, 14, 30, 0, TimeSpan.Zero);

    public TradewindDatabase Database { get; } = database;

    public StrategySettings Settings { get; } = strategy ?? new StrategySettings();

    public ManualTimeProvider Clock { get; } = new(Now);

    public IReadOnlyList<string> Assets => Settings.CapitalAllocator.Assets;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The jobs over the csv provider reading <c>&lt;SYMBOL&gt;.csv</c> files in <paramref name="folder"/>.</summary>
    public static DailyJobs Csv(TradewindDatabase database, string folder, StrategySettings? strategy = null) =>
        new(database, new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = folder }), strategy);

    /// <summary>The jobs over the seeded simulated market.</summary>
    public static DailyJobs Simulated(TradewindDatabase database, StrategySettings? strategy = null) =>
        new(database, new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = SimSeed }), strategy);

    public Task<DailyJobOutcome> FetchAsync(DateOnly date) => new FetchPricesJob(Database, provider).RunAsync(date, Assets, Ct);

    public Task<DailyJobOutcome> BackfillAsync(DateOnly end, int days) => new FetchPricesJob(Database, provider).BackfillAsync(end, days, Assets, Ct);

    public Task<DailyJobOutcome> SignalAsync(DateOnly date) => new GenerateSignalJob(Database, Settings, Clock).RunAsync(date, Ct);

    public Task<DailyJobOutcome> ExecuteAsync(DateOnly date) => new ExecuteTradesJob(Database, Settings, Clock).RunAsync(date, Ct);

    /// <summary>The execute job over a paper account that calls <paramref name="afterStep"/> after each of its writes.</summary>
    public Task<DailyJobOutcome> ExecuteAsync(DateOnly date, Func<string, CancellationToken, Task> afterStep) =>
        new ExecuteTradesJob(Database, Settings, Clock, new PaperAccountRepository(Database, afterStep)).RunAsync(date, Ct);

    public Task<IReadOnlyList<DailyJobOutcome>> RunDayAsync(DateOnly date) => new RunDayJob(Database, Settings, provider, Clock).RunAsync(date, null, Ct);

    /// <summary>The registry's active version, seeding it as the jobs do on their first run.</summary>
    public Task<(CapitalAllocatorParameters Parameters, long VersionId)> ActiveVersionAsync() =>
        new AllocatorParameterSource(Database, Settings, Clock).ActiveAsync(Ct);

    public Task<DailySignalRecord?> StoredSignalAsync(DateOnly date) => new DailySignalRepository(Database).GetAsync(Strategy, date, Ct);

    public Task<PaperAccountState> AccountAsync() => new PaperAccountRepository(Database).LoadAsync(Strategy, Ct);

    public Task<IReadOnlyList<TradeRecord>> TradesAsync(DateOnly? from = null, DateOnly? to = null) => new PaperAccountRepository(Database).ListTradesAsync(Strategy, from, to, Ct);

    public Task<IReadOnlyList<CashLedgerEntry>> LedgerAsync() => new PaperAccountRepository(Database).ListLedgerAsync(Strategy, null, null, Ct);

    public Task<string> DumpAsync() => TableDump.DumpAsync(Database);

    /// <summary>The <paramref name="count"/> trading days up to <paramref name="last"/> (a trading day), oldest first.</summary>
    public static IReadOnlyList<DateOnly> TradingDaysEnding(DateOnly last, int count) =>
        TradingDays(TradingDate.Calendar.AddTradingDays(last, -(count - 1)), count);

    /// <summary>The <paramref name="count"/> trading days from <paramref name="first"/> on (itself included when it trades).</summary>
    public static IReadOnlyList<DateOnly> TradingDays(DateOnly first, int count)
    {
        var days = new List<DateOnly>(count);
        var day = TradingDate.Calendar.IsTradingDay(first) ? first : TradingDate.Calendar.NextTradingDay(first);
        while (days.Count < count)
        {
            days.Add(day);
            day = TradingDate.Calendar.NextTradingDay(day);
        }

        return days;
    }
}
