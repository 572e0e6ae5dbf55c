using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class AllocatorExecutionTests
{
    private static readonly Dictionary<string, AllocatorHolding> Nothing = [];

    private static AllocatorInstruction Buy(params (string Symbol, decimal Dollars)[] allocations) =>
        new(AllocatorAction.Buy, allocations.ToDictionary(a => a.Symbol, a => a.Dollars), 0m);

    private static AllocatorInstruction Sell(decimal fraction) => new(AllocatorAction.Sell, new Dictionary<string, decimal>(), fraction);

    private static Dictionary<string, decimal> Prices(params (string Symbol, decimal Price)[] prices) => prices.ToDictionary(p => p.Symbol, p => p.Price);

    [Fact]
    public void A_buy_rounds_the_quantity_down_to_4_decimals_and_the_amount_is_exact()
    {
        // 500 / 123.45 = 4.05022…; 4.0502 × 123.45 = 499.99719.
        var plan = AllocatorExecution.Plan(Buy(("SPY", 500m)), Nothing, Prices(("SPY", 123.45m)));

        var trade = Assert.Single(plan.Trades);
        Assert.Equal(new AllocatorTrade("SPY", AllocatorAction.Buy, 4.0502m, 123.45m, 499.99719m), trade);
        Assert.Equal(new AllocatorHolding(4.0502m, 123.45m), plan.Holdings["SPY"]);
        Assert.Equal((499.99719m, 0m), (plan.CashSpent, plan.CashReceived));
    }

    [Fact]
    public void A_quantity_that_divides_exactly_is_not_rounded_away()
    {
        var plan = AllocatorExecution.Plan(Buy(("QQQ", 1000m)), Nothing, Prices(("QQQ", 125m)));
        Assert.Equal(8m, Assert.Single(plan.Trades).Quantity);
        Assert.Equal(1000m, plan.CashSpent);
    }

    [Fact]
    public void A_buy_averages_the_cost_weighted_by_quantity()
    {
        // 10 at 100 plus 8 at 125: (1000 + 1000) / 18.
        var held = new Dictionary<string, AllocatorHolding> { ["QQQ"] = new(10m, 100m) };

        var plan = AllocatorExecution.Plan(Buy(("QQQ", 1000m)), held, Prices(("QQQ", 125m)));

        Assert.Equal(new AllocatorHolding(18m, 2000m / 18m), plan.Holdings["QQQ"]);
        Assert.Equal(new AllocatorHolding(10m, 100m), held["QQQ"]); // the input is not changed
    }

    [Fact]
    public void Less_than_one_ten_thousandth_of_a_share_is_no_trade()
    {
        // 0.01 / 500 = 0.00002.
        var plan = AllocatorExecution.Plan(Buy(("SPY", 0.01m), ("DIA", 0m)), Nothing, Prices(("SPY", 500m)));

        Assert.Empty(plan.Trades);
        Assert.Empty(plan.Holdings);
    }

    [Fact]
    public void Trades_come_in_symbol_order()
    {
        var plan = AllocatorExecution.Plan(Buy(("SPY", 100m), ("DIA", 100m), ("QQQ", 100m)), Nothing, Prices(("SPY", 10m), ("QQQ", 10m), ("DIA", 10m)));
        Assert.Equal(["DIA", "QQQ", "SPY"], plan.Trades.Select(t => t.Symbol));
    }

    [Fact]
    public void A_sell_rounds_down_to_4_decimals_and_keeps_the_average_cost()
    {
        // 10.0001 × 0.7 = 7.00007 → 7.0000; 3.0001 stay at the old cost.
        var held = new Dictionary<string, AllocatorHolding> { ["SPY"] = new(10.0001m, 401.23m), ["DIA"] = new(2m, 300m) };

        var plan = AllocatorExecution.Plan(Sell(0.7m), held, Prices(("SPY", 450.5m), ("DIA", 280.25m)));

        Assert.Equal(
            [new AllocatorTrade("DIA", AllocatorAction.Sell, 1.4m, 280.25m, 392.35m), new AllocatorTrade("SPY", AllocatorAction.Sell, 7m, 450.5m, 3153.5m)],
            plan.Trades);
        Assert.Equal(new AllocatorHolding(3.0001m, 401.23m), plan.Holdings["SPY"]);
        Assert.Equal(new AllocatorHolding(0.6m, 300m), plan.Holdings["DIA"]);
        Assert.Equal((0m, 3545.85m), (plan.CashSpent, plan.CashReceived));
    }

    [Fact]
    public void Selling_everything_removes_the_position()
    {
        var held = new Dictionary<string, AllocatorHolding> { ["SPY"] = new(3.1415m, 100m) };

        var plan = AllocatorExecution.Plan(Sell(1m), held, Prices(("SPY", 110m)));

        Assert.Equal(3.1415m, Assert.Single(plan.Trades).Quantity);
        Assert.Empty(plan.Holdings);
    }

    [Fact]
    public void A_remainder_below_one_ten_thousandth_is_sold_too()
    {
        // A holding with 5 decimals (from an import): 1.00005 × 0.99995 = 0.99999… → 0.9999 would leave 0.00015;
        // 1.00005 × 1 → 1.0000 would leave 0.00005 < 0.0001, so all of it goes.
        var held = new Dictionary<string, AllocatorHolding> { ["SPY"] = new(1.00005m, 100m), ["QQQ"] = new(1.00005m, 100m) };

        var all = AllocatorExecution.Plan(Sell(1m), held, Prices(("SPY", 10m), ("QQQ", 10m)));
        Assert.Equal([1.00005m, 1.00005m], all.Trades.Select(t => t.Quantity));
        Assert.Empty(all.Holdings);

        var most = AllocatorExecution.Plan(Sell(0.99995m), held, Prices(("SPY", 10m), ("QQQ", 10m)));
        Assert.Equal(0.9999m, most.Trades[0].Quantity);
        Assert.Equal(0.00015m, most.Holdings["QQQ"].Quantity);
    }

    [Fact]
    public void A_sell_that_rounds_to_nothing_is_no_trade_and_needs_no_price()
    {
        // 0.0001 × 0.7 = 0.00007 → 0; what stays (0.0001) is not below the step, so nothing is sold.
        var held = new Dictionary<string, AllocatorHolding> { ["SPY"] = new(0.0001m, 100m) };

        var plan = AllocatorExecution.Plan(Sell(0.7m), held, Prices());

        Assert.Empty(plan.Trades);
        Assert.Equal(held, plan.Holdings);
    }

    [Fact]
    public void Hold_changes_nothing()
    {
        var held = new Dictionary<string, AllocatorHolding> { ["SPY"] = new(2m, 100m) };

        var plan = AllocatorExecution.Plan(AllocatorInstruction.Hold, held, Prices());

        Assert.Empty(plan.Trades);
        Assert.Equal(held, plan.Holdings);
    }

    [Fact]
    public void A_missing_opening_price_names_the_asset_that_must_trade()
    {
        var buy = Assert.Throws<MissingOpeningPriceException>(() => AllocatorExecution.Plan(Buy(("SPY", 100m), ("QQQ", 100m)), Nothing, Prices(("SPY", 10m))));
        Assert.Equal("QQQ", buy.Symbol);
        Assert.Equal("QQQ must be bought but there is no opening price for it on this date; fetch the day's bar for QQQ and execute again (nothing was traded)", buy.Message);

        var held = new Dictionary<string, AllocatorHolding> { ["DIA"] = new(1m, 100m) };
        var sell = Assert.Throws<MissingOpeningPriceException>(() => AllocatorExecution.Plan(Sell(0.7m), held, Prices(("SPY", 10m))));
        Assert.Equal("DIA", sell.Symbol);
        Assert.StartsWith("DIA must be sold", sell.Message, StringComparison.Ordinal);

        // An asset that does not trade needs no price.
        Assert.Single(AllocatorExecution.Plan(Buy(("SPY", 100m)), held, Prices(("SPY", 10m))).Trades);
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        var zeroPrice = Assert.Throws<ArgumentException>(() => AllocatorExecution.Plan(Buy(("SPY", 100m)), Nothing, Prices(("SPY", 0m))));
        Assert.StartsWith("the opening price of SPY is 0; a price must be more than 0", zeroPrice.Message, StringComparison.Ordinal);

        var empty = new Dictionary<string, AllocatorHolding> { ["QQQ"] = new(0m, 100m) };
        var zeroHolding = Assert.Throws<ArgumentException>(() => AllocatorExecution.Plan(AllocatorInstruction.Hold, empty, Prices()));
        Assert.StartsWith("the holding of QQQ is 0 shares at 100", zeroHolding.Message, StringComparison.Ordinal);

        var negative = Assert.Throws<ArgumentException>(() => AllocatorExecution.Plan(Buy(("SPY", -1m)), Nothing, Prices(("SPY", 1m))));
        Assert.StartsWith("the allocation to SPY is -1 dollars", negative.Message, StringComparison.Ordinal);

        var fraction = Assert.Throws<ArgumentException>(() => AllocatorExecution.Plan(Sell(1.5m), Nothing, Prices()));
        Assert.StartsWith("the sell fraction is 1.5; it must be from 0 to 1", fraction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_executes_through_its_instruction()
    {
        var decision = CapitalAllocatorModel.Decide(AllocatorSeries.Uncorrelated(253, 0.003, 0.01), CapitalAllocatorParameters.Default);
        var prices = decision.Assets.ToDictionary(a => a.Symbol, a => decimal.Round((decimal)a.Features.Close, 2));

        var plan = AllocatorExecution.Plan(decision, Nothing, prices);

        Assert.Equal(AllocatorAction.Buy, decision.Action);
        Assert.Equal(3, plan.Trades.Count);
        Assert.All(plan.Trades, t => Assert.True(t.Amount <= decision.Allocations[t.Symbol] && decision.Allocations[t.Symbol] - t.Amount < t.Price * 0.0001m));
    }
}
