using Tradewind.Core.Analytics;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

public sealed class ClosedTradeTests
{
    [Fact]
    public void Return_and_r_multiple_derive_from_the_profit_after_commissions()
    {
        // Bought 100 at 50 (notional 5000), stop at 48 (risk 2 per unit = 200), sold at 52.10 with 10 of commissions: P&L 200.
        var trade = new ClosedTrade(Spy, Day0, 50m, Day0.AddDays(3), 52.10m, 100m, 200m, 3, "take-profit", 2m);

        Assert.Equal(5000m, trade.EntryNotional);
        Assert.Equal(0.04, trade.Return, 15);      // 200 / 5000
        Assert.Equal(1.0, trade.RMultiple);        // 200 / (2 × 100)
        Assert.True(trade.IsWin);
        Assert.False(trade.IsLoss);
    }

    [Fact]
    public void Without_a_stop_there_is_no_r_multiple_and_zero_profit_is_neither_win_nor_loss()
    {
        var trade = Trade(0m);
        Assert.Null(trade.RMultiple);
        Assert.False(trade.IsWin);
        Assert.False(trade.IsLoss);
        Assert.Equal(0, trade.Return);
    }

    [Fact]
    public void Rejects_impossible_round_trips()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedTrade(Spy, Day0, 0m, Day0, 1m, 1m, 0m, 0, "exit"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedTrade(Spy, Day0, 1m, Day0, 1m, 0m, 0m, 0, "exit"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedTrade(Spy, Day0, 1m, Day0, 1m, 1m, 0m, -1, "exit"));
        Assert.Throws<ArgumentException>(() => new ClosedTrade(Spy, Day0, 1m, Day0, 1m, 1m, 0m, 0, " "));
        Assert.Throws<ArgumentException>(() => new ClosedTrade(Spy, Day0, 1m, Day0.AddDays(-1), 1m, 1m, 0m, 0, "exit"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedTrade(Spy, Day0, 1m, Day0, 1m, 1m, 0m, 0, "exit", 0m));
    }
}
