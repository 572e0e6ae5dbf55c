using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Execution;

/// <summary>Builds orders for tests: placed on the close of 2024-01-02's bar.</summary>
internal static class Orders
{
    public static readonly DateTime Placed = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    public static readonly Symbol Spy = Symbol.Parse("SPY");

    public static Order Market(OrderSide side, decimal quantity = 10m) => new(1, Spy, side, quantity, OrderType.Market, null, null, "entry", Placed);

    public static Order Of(OrderType type, OrderSide side, double? limit = null, double? stop = null) =>
        new(1, Spy, side, 10m, type, limit, stop, "entry", Placed);

    public static Order Limit(OrderSide side, double limit) => Of(OrderType.Limit, side, limit: limit);

    public static Order Stop(OrderSide side, double stop) => Of(OrderType.Stop, side, stop: stop);

    public static Order StopLimit(OrderSide side, double stop, double limit) => Of(OrderType.StopLimit, side, limit: limit, stop: stop);
}
