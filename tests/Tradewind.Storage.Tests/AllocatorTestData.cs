using System.Text.Json.Nodes;
using Tradewind.Storage.Signals;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Storage.Tests;

/// <summary>Signals and configuration versions the allocator's tables need before anything can be executed.</summary>
public static class AllocatorTestData
{
    public const string Strategy = "capital-allocator";

    public static readonly DateOnly Day1 = new(2024, 1, 2);
    public static readonly DateOnly Day2 = new(2024, 1, 3);
    public static readonly DateOnly Day3 = new(2024, 1, 4);

    /// <summary>Morning of <paramref name="date"/> in UTC, with a 100 ns digit that storage drops.</summary>
    public static DateTimeOffset At(DateOnly date, int hour = 11) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>Activates a first configuration version of <paramref name="strategy"/> and returns its id.</summary>
    public static async Task<long> ConfigVersionAsync(TradewindDatabase database, string strategy = Strategy) =>
        (await new TradingConfigRepository(database).ApplyAsync(
            strategy,
            new JsonObject { ["daily_capital"] = 1000, ["assets"] = new JsonArray("SPY", "QQQ", "DIA") },
            "tests",
            "tests",
            null,
            new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero))).Active.Id;

    public static DailySignalRecord Signal(
        DateOnly date,
        long configVersionId,
        SignalAction action = SignalAction.Buy,
        string allocations = """{"SPY":509.07,"QQQ":200.05}""",
        string strategy = Strategy) =>
        new(strategy, date, "regime_based", action, 0.75, allocations, """{"regime":0.42,"risk":35.5,"assets":{"SPY":{"returns_5d":0.0123}}}""", configVersionId, At(date, 11));

    /// <summary>Stores the signal of <paramref name="date"/> and returns its id.</summary>
    public static async Task<long> SignalIdAsync(TradewindDatabase database, DateOnly date, long configVersionId, string strategy = Strategy) =>
        (await new DailySignalRepository(database).InsertAsync(Signal(date, configVersionId, strategy: strategy))).Signal.Id;
}
