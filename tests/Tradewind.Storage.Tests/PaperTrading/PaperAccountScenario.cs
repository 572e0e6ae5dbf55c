using Tradewind.Core.Execution;
using Tradewind.Storage.PaperTrading;
using static Tradewind.Storage.Tests.AllocatorTestData;

namespace Tradewind.Storage.Tests.PaperTrading;

/// <summary>
/// Three executed days of one paper account, computed by hand: day 1 buys SPY and QQQ, day 2 sells part of QQQ and
/// buys more SPY and some DIA, day 3 sells all SPY and QQQ. Every day deposits 1,000.
/// </summary>
public static class PaperAccountScenario
{
    /// <summary>SPY's weighted-average cost after day 2: 924.070765 / 2.2345, a decimal with 29 significant digits.</summary>
    public static readonly decimal SpyCostAfterDay2 = (1.2345m * 412.37m + 1m * 415.00m) / 2.2345m;

    public static TradeFill Buy(string symbol, decimal quantity, decimal price) => new(symbol, OrderSide.Buy, quantity, price, quantity * price);

    public static TradeFill Sell(string symbol, decimal quantity, decimal price) => new(symbol, OrderSide.Sell, quantity, price, quantity * price);

    public static ExecutionRecord Day1Execution(long signalId) => new(
        Strategy,
        Day1,
        signalId,
        1000m,
        [Buy("SPY", 1.2345m, 412.37m), Buy("QQQ", 0.5m, 400.10m)],
        [new("QQQ", 0.5m, 400.10m), new("SPY", 1.2345m, 412.37m)],
        At(Day1, 15));

    public static ExecutionRecord Day2Execution(long signalId) => new(
        Strategy,
        Day2,
        signalId,
        1000m,
        [Sell("QQQ", 0.35m, 410m), Buy("SPY", 1m, 415.00m), Buy("DIA", 0.2718m, 376.89m)],
        [new("SPY", 2.2345m, SpyCostAfterDay2), new("QQQ", 0.15m, 400.10m), new("DIA", 0.2718m, 376.89m)],
        At(Day2, 15));

    public static ExecutionRecord Day3Execution(long signalId) => new(
        Strategy,
        Day3,
        signalId,
        1000m,
        [Sell("SPY", 2.2345m, 420m), Sell("QQQ", 0.15m, 405.5m)],
        [new("DIA", 0.2718m, 376.89m)],
        At(Day3, 15));

    /// <summary>The cash after each day: deposits in, buys out, sells in.</summary>
    public static decimal CashAfterDay1 => 1000m - 509.070765m - 200.050m;

    public static decimal CashAfterDay2 => CashAfterDay1 + 1000m + 143.50m - 415.00m - 102.438702m;

    public static decimal CashAfterDay3 => CashAfterDay2 + 1000m + 938.49m + 60.825m;

    /// <summary>Stores a configuration version and BUY signals for days 1 to 3; returns the signal ids.</summary>
    public static async Task<(long Day1, long Day2, long Day3)> SeedSignalsAsync(TradewindDatabase database)
    {
        var config = await ConfigVersionAsync(database);
        return (await SignalIdAsync(database, Day1, config), await SignalIdAsync(database, Day2, config), await SignalIdAsync(database, Day3, config));
    }
}
