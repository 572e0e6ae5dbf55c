using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Tests.Engine;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// The allocator's backtest against the daily jobs replayed (<see cref="AllocatorJobReplay"/>) on real SPY, QQQ and
/// DIA bars from ../shared/data, default parameters, over the 2008 crash and the 2020 one: trade for trade.
/// </summary>
public sealed class CapitalAllocatorBacktestRealDataTests
{
    private static readonly Lazy<BarSeries[]> Bars = new(() => [.. new[] { "SPY", "QQQ", "DIA" }.Select(BacktestSmokeTests.LoadDaily)]);

    [Theory]
    [InlineData("2007-06-01", "2009-06-30")]
    [InlineData("2019-10-01", "2020-09-30")]
    public void The_backtest_trades_exactly_what_the_daily_jobs_trade(string from, string to)
    {
        var (start, end) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var parameters = CapitalAllocatorParameters.Default;

        var replay = AllocatorJobReplay.Run(Bars.Value, parameters, start, end);
        var engine = CapitalAllocatorStrategyTests.Run(Bars.Value, parameters, start, end);

        // Every trading day of the window executes (years of history before it), and the crashes sell.
        Assert.Equal(engine.Journal.Equity.Count, replay.ExecutedDays);
        Assert.True(replay.Trades.Count(t => t.Trade.Action == AllocatorAction.Sell) >= 20, $"{replay.Trades.Count(t => t.Trade.Action == AllocatorAction.Sell)} sells");
        Assert.True(replay.Trades.Count(t => t.Trade.Action == AllocatorAction.Buy) >= 200, $"{replay.Trades.Count(t => t.Trade.Action == AllocatorAction.Buy)} buys");
        CapitalAllocatorStrategyTests.AssertSameAsTheJobs(engine, replay, parameters.DailyCapital);
    }
}
