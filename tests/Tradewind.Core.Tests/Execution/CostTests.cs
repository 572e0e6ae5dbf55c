using Tradewind.Core.Execution;
using static Tradewind.Core.Execution.OrderSide;

namespace Tradewind.Core.Tests.Execution;

public sealed class CostTests
{
    private static readonly SlippageModel TenBps = new(10m);

    [Fact]
    public void Slippage_is_charged_against_the_trader()
    {
        Assert.Equal(100.10m, TenBps.Apply(100.00m, Buy));
        Assert.Equal(99.90m, TenBps.Apply(100.00m, Sell));
        Assert.Equal(250.125m, new SlippageModel(5m).Apply(250m, Buy));   // 250 × 1.0005
        Assert.Equal(42.17m, SlippageModel.None.Apply(42.17m, Sell));
    }

    [Theory]
    [InlineData(OrderType.Market, true)]
    [InlineData(OrderType.MarketOnOpen, true)]
    [InlineData(OrderType.MarketOnClose, true)]
    [InlineData(OrderType.Stop, true)]
    [InlineData(OrderType.Limit, false)]
    [InlineData(OrderType.StopLimit, false)]
    public void Slippage_applies_to_market_like_fills_only(OrderType type, bool slipped)
    {
        Assert.Equal(slipped, SlippageModel.AppliesTo(type));
        Assert.Equal(slipped ? 100.10m : 100m, TenBps.Apply(100m, Buy, type));
        Assert.Equal(slipped ? 99.90m : 100m, TenBps.Apply(100m, Sell, type));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Slippage_out_of_range_is_refused(int bps)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SlippageModel(bps));
        Assert.Contains("between 0 and 10000 basis points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_share_commission_has_a_minimum_per_order()
    {
        var model = new PerShareCommission(0.005m, 1m);
        Assert.Equal(1m, model.Calculate(150m, 400m));     // 0.75 → the minimum 1
        Assert.Equal(1m, model.Calculate(200m, 400m));     // exactly 1.000
        Assert.Equal(5m, model.Calculate(1000m, 400m));    // 5.000
        Assert.Equal(1.25m, model.Calculate(250m, 10m));   // 1.250
        Assert.Equal(0.0025m, new PerShareCommission(0.005m).Calculate(0.5m, 100m)); // fractional share, no minimum
    }

    [Fact]
    public void Percent_commission_is_a_percent_of_notional()
    {
        Assert.Equal(5m, new PercentOfNotionalCommission(0.1m).Calculate(100m, 50m));               // 0.1% of 5,000
        Assert.Equal(12.34567m, new PercentOfNotionalCommission(0.1m).Calculate(1m, 12_345.67m));  // not rounded to cents
        Assert.Equal(2.5m, new PercentOfNotionalCommission(0.25m).Calculate(10m, 100m));            // 0.25% of 1,000
    }

    [Fact]
    public void Fixed_and_no_commission()
    {
        Assert.Equal(1m, new FixedPerOrderCommission(1m).Calculate(1m, 10m));
        Assert.Equal(1m, new FixedPerOrderCommission(1m).Calculate(10_000m, 500m));
        Assert.Equal(0m, CommissionModel.None.Calculate(10_000m, 500m));
    }

    [Fact]
    public void Bar_prices_become_the_decimal_a_feed_printed()
    {
        Assert.Equal(100.1m, ExecutionCosts.ToMoney(100.1));
        Assert.Equal(0.3m, ExecutionCosts.ToMoney(0.1 + 0.2));        // 0.30000000000000004 → 15 significant digits
        Assert.Equal(4567.89m, ExecutionCosts.ToMoney(4567.89));
        Assert.Equal(0.00001234m, ExecutionCosts.ToMoney(0.00001234));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionCosts.ToMoney(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionCosts.ToMoney(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionCosts.ToMoney(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionCosts.ToMoney(double.PositiveInfinity));
    }

    [Fact]
    public void Prices_and_commissions_are_kept_to_8_decimal_places()
    {
        Assert.Equal(123.45678901m, ExecutionCosts.ToMoney(123.456789012345));              // a computed limit price
        Assert.Equal(0.00000001m, ExecutionCosts.ToMoney(0.00000001));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionCosts.ToMoney(0.000000009));
        Assert.Equal(100.12351234m, new SlippageModel(50m).Apply(99.62538541m, Buy));       // 100.12351233705
        Assert.Equal(0.12345679m, new PercentOfNotionalCommission(0.1m).Calculate(1.23456789m, 100m)); // 0.123456789
        Assert.Equal(0.00000002m, new PerShareCommission(0.005m).Calculate(0.00000500m, 1m));     // 0.000000025 → even
        Assert.Equal(0.12345679m, new FixedPerOrderCommission(0.123456789m).Calculate(1m, 1m));
    }

    [Fact]
    public void A_limit_price_rounds_toward_the_trader_and_never_breaks_the_limit()
    {
        Assert.Equal(10.12345678m, ExecutionCosts.ToMoney(10.123456789, Buy, OrderType.Limit));       // never above a buy's ceiling
        Assert.Equal(10.12345679m, ExecutionCosts.ToMoney(10.123456789, Sell, OrderType.StopLimit));  // never below a sell's floor
        Assert.Equal(10.12345679m, ExecutionCosts.ToMoney(10.123456789, Buy, OrderType.Market));      // market-like: nearest
        Assert.Equal(100.25m, ExecutionCosts.ToMoney(100.25, Buy, OrderType.Limit));                  // an exact price stays
        Assert.Equal(0.00000001m, new SlippageModel(9_000m).Apply(0.00000002m, Sell));              // never rounds to 0
        Assert.Contains("at least 0.00000001", new Tradewind.Core.Market.Bar(DateTime.UnixEpoch, 1, 1, 0.000000005, 1, 0).Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fill_carries_the_slipped_price_and_the_commission_on_it()
    {
        var costs = new ExecutionCosts(TenBps, new PercentOfNotionalCommission(0.1m));
        var order = Orders.Market(Buy, 10m);
        var time = Orders.Placed.AddDays(1);

        var fill = costs.ToFill(order, FillOutcome.Filled(100.0, FillPoint.Open), time);

        Assert.Equal(new Fill(1, Orders.Spy, Buy, 10m, 100.10m, 1.001m, time, "entry"), fill); // 0.1% of 1,001.00
        Assert.Equal(1001.0m, fill.Notional);
    }

    [Fact]
    public void A_limit_fill_is_not_slipped()
    {
        var costs = new ExecutionCosts(TenBps, new FixedPerOrderCommission(1m));
        var fill = costs.ToFill(Orders.Limit(Sell, 101.25), FillOutcome.Filled(101.25, FillPoint.Intrabar), Orders.Placed.AddDays(1));
        Assert.Equal(101.25m, fill.Price);
        Assert.Equal(1m, fill.Commission);
    }

    [Fact]
    public void Only_a_filled_outcome_makes_a_fill()
    {
        var error = Assert.Throws<ArgumentException>(() => ExecutionCosts.None.ToFill(Orders.Limit(Buy, 90), FillOutcome.Pending, Orders.Placed));
        Assert.StartsWith("order 1 did not fill (Pending)", error.Message, StringComparison.Ordinal);
    }
}
