using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Execution.OrderSide;

namespace Tradewind.Core.Tests.Execution;

public sealed class OrderTests
{
    [Fact]
    public void Sound_orders_of_every_type_validate()
    {
        Assert.Null(Orders.Market(Buy).Validate());
        Assert.Null(Orders.Of(OrderType.MarketOnOpen, Sell).Validate());
        Assert.Null(Orders.Of(OrderType.MarketOnClose, Sell).Validate());
        Assert.Null(Orders.Limit(Buy, 99.5).Validate());
        Assert.Null(Orders.Stop(Sell, 95).Validate());
        Assert.Null(Orders.StopLimit(Buy, 101, 102).Validate());
        Assert.Null((Orders.StopLimit(Buy, 101, 102) with { StopTriggered = true }).Validate());
        Orders.Limit(Buy, 99.5).ThrowIfInvalid();
    }

    public static TheoryData<Order, string> Invalid => new()
    {
        { Orders.Market(Buy, 0m), "order 1 (buy 0 SPY market): quantity must be positive, got 0" },
        { Orders.Market(Sell, -5m), "order 1 (sell -5 SPY market): quantity must be positive, got -5" },
        { Orders.Of(OrderType.Limit, Buy), "order 1 (buy 10 SPY limit): a limit order needs a limit price" },
        { Orders.Of(OrderType.Stop, Sell), "order 1 (sell 10 SPY stop): a stop order needs a stop price" },
        { Orders.Of(OrderType.StopLimit, Buy, limit: 101), "order 1 (buy 10 SPY stop-limit): a stop-limit order needs both a stop price and a limit price" },
        { Orders.Of(OrderType.StopLimit, Buy, stop: 101), "order 1 (buy 10 SPY stop-limit): a stop-limit order needs both a stop price and a limit price" },
        { Orders.Of(OrderType.Market, Buy, limit: 101), "order 1 (buy 10 SPY market): a market order takes no limit price (got 101); use a limit order" },
        { Orders.Of(OrderType.Stop, Buy, limit: 101, stop: 100), "order 1 (buy 10 SPY stop): a stop order takes no limit price (got 101); use a stop-limit order" },
        { Orders.Of(OrderType.Limit, Buy, limit: 101, stop: 100), "order 1 (buy 10 SPY limit): a limit order takes no stop price (got 100); use a stop-limit order" },
        { Orders.Of(OrderType.MarketOnClose, Sell, stop: 99), "order 1 (sell 10 SPY market-on-close): a market-on-close order takes no stop price (got 99); use a stop order" },
        { Orders.Limit(Buy, -1), "order 1 (buy 10 SPY limit): the limit price must be a positive number, got -1" },
        { Orders.Limit(Buy, double.NaN), "order 1 (buy 10 SPY limit): the limit price must be a positive number, got NaN" },
        { Orders.Stop(Sell, 0), "order 1 (sell 10 SPY stop): the stop price must be a positive number, got 0" },
        { Orders.Limit(Buy, 99) with { StopTriggered = true }, "order 1 (buy 10 SPY limit): only a stop-limit order can have its stop triggered" },
        { Orders.Market(Buy) with { Reason = " " }, "order 1 (buy 10 SPY market): it needs a reason (entry, exit, stop-loss, take-profit, rebalance ...)" },
        { Orders.Market(Buy) with { Symbol = default }, "order 1 (buy 10 ? market): it names no symbol" },
        { Orders.Market(Buy) with { Type = (OrderType)42 }, "order 1 (buy 10 SPY 42): order type 42 is not known" },
        { Orders.Market(Buy) with { Side = (OrderSide)7 }, "order 1 (7 10 SPY market): side 7 is not buy or sell" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Inconsistent_orders_are_refused_with_a_clear_message(Order order, string message)
    {
        Assert.Equal(message, order.Validate());
        var error = Assert.Throws<ArgumentException>(order.ThrowIfInvalid);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Orders_are_values()
    {
        var a = Orders.Limit(Buy, 99.5);
        var b = new Order(1, Symbol.Parse("spy"), Buy, 10.0m, OrderType.Limit, 99.5, null, "entry", Orders.Placed);
        Assert.Equal(a, b);
        Assert.NotEqual(a, a with { StopTriggered = true });
    }
}
