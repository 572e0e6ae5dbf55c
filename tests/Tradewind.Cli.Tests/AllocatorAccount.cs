using System.Text.Json.Nodes;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Storage;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Cli.Tests;

/// <summary>
/// Four executed days of the capital allocator's paper account, written through the repositories and computed by hand:
/// 2024-01-02 buys SPY and QQQ, 2024-01-03 holds, 2024-01-04 buys SPY and DIA, 2024-01-05 sells 70% of QQQ. Every day
/// deposits 1,000.00. Closes are stored for SPY (latest 2024-01-05) and QQQ (latest 2024-01-04), none for DIA.
/// </summary>
public static class AllocatorAccount
{
    public const string Strategy = "capital-allocator";

    public static readonly DateOnly Day1 = new(2024, 1, 2);
    public static readonly DateOnly Day2 = new(2024, 1, 3);
    public static readonly DateOnly Day3 = new(2024, 1, 4);
    public static readonly DateOnly Day4 = new(2024, 1, 5);

    // Written as a job would write them: numbers with trailing zeros, a risk that is a number one day and an object
    // (with its components) another, text with a quote, a comma and an accent, a day without allocation_pct.
    public const string Day1Allocations = """{"SPY":588.00,"QQQ":390.00}""";
    public const string Day1Features =
        """{"regime":0.4213,"zone":"bullish","risk":35.5,"action":"BUY","allocation_pct":0.8,"reason":"bullish regime +0.421, \"low\" risk — déjà vu","assets":{"SPY":{"returns_5d":0.0123,"score":1.10},"QQQ":{"returns_5d":-0.002,"score":0.90}}}""";
    public const string Day2Features = """{"regime":0.0500,"risk":{"score":55.25,"volatility_component":60.1},"action":"HOLD","allocation_pct":0}""";
    public const string Day3Allocations = """{"SPY":600.00,"DIA":300.00}""";
    public const string Day3Features = """{"regime":0.35,"risk":41,"action":"BUY","allocation_pct":0.5}""";
    public const string Day4Features = """{"regime":-0.52,"risk":{"score":72.5},"action":"SELL"}""";

    /// <summary>The ids the database gave the stored rows.</summary>
    public sealed record Ids(long ConfigVersion, long Signal1, long Signal2, long Signal3, long Signal4);

    /// <summary>Stores the configuration version, the four signals, the four executions and the closes.</summary>
    public static async Task<Ids> SeedAsync(TradewindDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var config = (await new TradingConfigRepository(database).ApplyAsync(
            Strategy, new JsonObject { ["daily_capital"] = 1000 }, "tests", "tests", null, new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero), ct)).Active.Id;

        var signals = new DailySignalRepository(database);
        async Task<long> SignalAsync(DateOnly date, SignalAction action, double confidence, string allocations, string features) =>
            (await signals.InsertAsync(new DailySignalRecord(Strategy, date, "regime_based", action, confidence, allocations, features, config, At(date, 11)), ct)).Signal.Id;
        var s1 = await SignalAsync(Day1, SignalAction.Buy, 0.75, Day1Allocations, Day1Features);
        var s2 = await SignalAsync(Day2, SignalAction.Hold, 0.1, "{}", Day2Features);
        var s3 = await SignalAsync(Day3, SignalAction.Buy, 0.6, Day3Allocations, Day3Features);
        var s4 = await SignalAsync(Day4, SignalAction.Sell, 0.9, "{}", Day4Features);

        var account = new PaperAccountRepository(database);
        PaperPosition spy1 = new("SPY", 1.2500m, 470.40m), qqq1 = new("QQQ", 0.9750m, 400.00m);
        PaperPosition spy3 = new("SPY", 2.5000m, 475.20m), dia3 = new("DIA", 0.8000m, 375.00m), qqq4 = new("QQQ", 0.2925m, 400.00m);
        await RecordAsync(account, new(Strategy, Day1, s1, 1000.00m, [Buy("SPY", 1.2500m, 470.40m, 588.00m), Buy("QQQ", 0.9750m, 400.00m, 390.00m)], [spy1, qqq1], At(Day1, 15)));
        await RecordAsync(account, new(Strategy, Day2, s2, 1000.00m, [], [spy1, qqq1], At(Day2, 15)));
        await RecordAsync(account, new(Strategy, Day3, s3, 1000.00m, [Buy("SPY", 1.2500m, 480.00m, 600.00m), Buy("DIA", 0.8000m, 375.00m, 300.00m)], [spy3, qqq1, dia3], At(Day3, 15)));
        await RecordAsync(account, new(Strategy, Day4, s4, 1000.00m, [new("QQQ", OrderSide.Sell, 0.6825m, 410.00m, 279.825m)], [spy3, qqq4, dia3], At(Day4, 15)));

        var spy = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        spy.Add(Daily(Day3, 470.00));
        spy.Add(Daily(Day4, 476.25));
        // A later hourly bar: the portfolio values at the latest DAILY close, never at this one.
        var spyHourly = new BarSeries(Symbol.Parse("SPY"), Resolution.Hourly);
        spyHourly.Add(new Bar(new DateTime(2024, 1, 8, 14, 30, 0, DateTimeKind.Utc), 999, 999, 999, 999, 10));
        var qqq = new BarSeries(Symbol.Parse("QQQ"), Resolution.Daily);
        qqq.Add(Daily(Day2, 402.10));
        qqq.Add(Daily(Day3, 405.50));
        await new PriceHistoryRepository(database).UpsertAsync([spy, spyHourly, qqq], ct);
        return new Ids(config, s1, s2, s3, s4);
    }

    private static TradeFill Buy(string symbol, decimal quantity, decimal price, decimal amount) => new(symbol, OrderSide.Buy, quantity, price, amount);

    private static Bar Daily(DateOnly date, double close) =>
        new(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), close - 1, close + 2, close - 3, close, 1_000_000);

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static async Task RecordAsync(PaperAccountRepository account, ExecutionRecord execution)
    {
        var result = await account.RecordExecutionAsync(execution, TestContext.Current.CancellationToken);
        Assert.Equal(ExecutionOutcome.Recorded, result.Outcome);
    }
}
