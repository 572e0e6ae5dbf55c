using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Tests.Portfolio;

public sealed class PositionTests
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");

    [Fact]
    public void Buys_average_the_cost_without_commission()
    {
        var position = Position.Open(Spy, 10m, 100m, 1m).Buy(10m, 110m, 1m);
        Assert.Equal(20m, position.Quantity);
        Assert.Equal(2100m, position.CostBasis);
        Assert.Equal(105m, position.AverageCost);
        Assert.Equal(2m, position.Fees);
        Assert.Equal(0m, position.RealizedPnL);
    }

    [Fact]
    public void Sells_keep_the_average_cost_and_realize_the_difference()
    {
        var position = Position.Open(Spy, 10m, 100m, 1m).Buy(10m, 110m, 1m).Sell(5m, 120m, 1m);
        Assert.Equal(15m, position.Quantity);
        Assert.Equal(105m, position.AverageCost);
        Assert.Equal(1575m, position.CostBasis);
        Assert.Equal(75m, position.RealizedPnL);
        Assert.Equal(3m, position.Fees);

        var closed = position.Sell(15m, 100m, 0m);
        Assert.True(closed.IsClosed);
        Assert.Equal(0m, closed.CostBasis);
        Assert.Equal(0m, closed.AverageCost);
        Assert.Equal(75m - 75m, closed.RealizedPnL);
    }

    [Fact]
    public void A_sell_of_everything_releases_all_remaining_cost_even_when_the_average_does_not_terminate()
    {
        // Cost 100 for 3 units: average 33.333…; selling 1 releases 33.333333333333 (12 decimals), the last 2 the rest.
        var position = Position.Open(Spy, 1m, 10m, 0m).Buy(2m, 45m, 0m);
        Assert.Equal(100m, position.CostBasis);
        var after = position.Sell(1m, 40m, 0m);
        Assert.Equal(66.666666666667m, after.CostBasis);
        Assert.Equal(6.666666666667m, after.RealizedPnL);
        var closed = after.Sell(2m, 40m, 0m);
        Assert.Equal(0m, closed.CostBasis);
        Assert.Equal(20m, closed.RealizedPnL); // 3 × 40 − 100, exactly
    }

    [Fact]
    public void Selling_more_than_held_is_refused()
    {
        var position = Position.Open(Spy, 10m, 100m, 0m);
        var ex = Assert.Throws<PortfolioRejectedException>(() => position.Sell(10.0001m, 100m, 0m));
        Assert.Equal(PortfolioRejectReason.InsufficientQuantity, ex.Reason);
        Assert.Equal("sell of 10.0001 SPY refused: only 10 held (long only; short selling is not supported)", ex.Message);
        Assert.Equal(10m, position.Quantity);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Position.Open(Spy, 0m, 100m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Position.Open(Spy, 1m, 0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Position.Open(Spy, 1m, 100m, -0.01m));
    }

    [Fact]
    public void Market_value_and_unrealized()
    {
        var position = Position.Open(Spy, 10m, 100m, 1m).Buy(10m, 110m, 1m);
        Assert.Equal(2400m, position.MarketValue(120m));
        Assert.Equal(300m, position.UnrealizedPnL(120m));
        Assert.Equal(-100m, position.UnrealizedPnL(100m));
    }
}
