using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// Orders the engine refuses, and sizing that must never overspend: a refused order stays in the journal with a reason
/// a user can act on, is never silently resized, and leaves cash and positions untouched.
/// </summary>
public sealed class EngineRejectTests
{
    private static BarSeries Bars(string ticker = "SPY", double price = 102) => Daily(
        ticker,
        (100, 100, 100, 100),
        (price, price + 4, price - 1, price + 3),
        (104, 105, 103, 104),
        (104, 105, 103, 104));

    private static (TradingEngine Engine, long Id) BuyOnFirstBar(OrderSizing sizing, EngineOptions? options = null, BarSeries? bars = null)
    {
        long id = 0;
        var engine = EngineRun.Run(new ScriptedStrategy().At(0, c => id = c.Buy(0, sizing)), options ?? new EngineOptions(), bars ?? Bars());
        return (engine, id);
    }

    [Fact]
    public void A_fixed_quantity_costing_more_than_the_cash_is_rejected_naming_the_cash_and_never_resized()
    {
        // 100 × 102 = 10,200 > 10,000.
        var (engine, id) = BuyOnFirstBar(OrderSizing.Units(100), new EngineOptions { InitialCash = 10_000m });
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(Day(1), order.StatusTime);
        Assert.Equal(100m, order.Quantity);
        Assert.Null(order.FillPrice);
        Assert.Contains("cash is 10000", order.Note, StringComparison.Ordinal);
        Assert.Contains("10200", order.Note, StringComparison.Ordinal);
        Assert.Empty(engine.Journal.Fills);
        Assert.Equal(10_000m, engine.Ledger.Cash);
        Assert.Empty(engine.Ledger.Positions);
    }

    [Fact]
    public void A_fixed_quantity_that_only_the_commission_pushes_over_the_cash_is_rejected_too()
    {
        // 100 × 102 = 10,200 = the cash, + 1 commission.
        var (engine, id) = BuyOnFirstBar(OrderSizing.Units(100), new EngineOptions { InitialCash = 10_200m }.WithCommission(CommissionModel.Parse("fixed:1")));
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("commission 1", order.Note, StringComparison.Ordinal);
        Assert.Equal(10_200m, engine.Ledger.Cash);
    }

    [Fact]
    public void A_sell_of_more_than_is_held_is_rejected_and_the_position_kept()
    {
        long sell = 0;
        var engine = EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(10)))
                .At(1, c => sell = c.Sell(0, OrderSizing.Units(20))),
            Bars());
        var order = engine.Order(sell);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(Day(2), order.StatusTime);
        Assert.Contains("only 10 held", order.Note, StringComparison.Ordinal);
        Assert.Equal(10m, engine.Ledger.QuantityOf(engine.Symbols[0]));
    }

    [Fact]
    public void A_sell_with_nothing_held_is_rejected_and_closing_a_flat_position_is_cancelled()
    {
        long sell = 0, close = 0;
        var engine = EngineRun.Run(
            new ScriptedStrategy().At(0, c => sell = c.Sell(0, OrderSizing.Units(5))).At(0, c => close = c.ClosePosition(0)),
            Bars());
        Assert.Equal(OrderStatus.Rejected, engine.Order(sell).Status);
        Assert.Contains("none held", engine.Order(sell).Note, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Cancelled, engine.Order(close).Status);
        Assert.Contains("no position", engine.Order(close).Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SPY", "1.23456", false, "fractional to 4 decimals")]
    [InlineData("SPY", "1.5", true, "whole units")]
    [InlineData("BTC-USD", "0.123456789", false, "lots of 0.00000001")]
    public void A_quantity_off_the_quantity_rule_is_rejected_at_placement(string ticker, string quantity, bool wholeUnits, string rule)
    {
        var (engine, id) = BuyOnFirstBar(new OrderSizing(OrderSizingKind.Quantity, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), wholeUnits), bars: Bars(ticker));
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(Day(0), order.StatusTime);
        Assert.Contains(rule, order.Note, StringComparison.Ordinal);
        Assert.Equal(0, engine.Context.PendingOrders(0));
        Assert.Empty(engine.Journal.Fills);
    }

    [Fact]
    public void The_quantity_rule_of_the_options_applies_to_fixed_quantities()
    {
        var options = new EngineOptions { QuantityRules = _ => QuantityRule.WholeUnits };
        var (engine, id) = BuyOnFirstBar(OrderSizing.Units(2.5m), options);
        Assert.Equal(OrderStatus.Rejected, engine.Order(id).Status);
        Assert.Contains("whole units", engine.Order(id).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void All_cash_sizing_with_a_commission_never_spends_more_than_the_cash()
    {
        // 10,000 / 102 = 98.0392 shares would cost 9,999.9984 + the 1.00 minimum: too much. The engine takes
        // (10,000 − 1) / 102 → 98.0294 shares = 9,998.9988 + 1 = 9,999.9988.
        var (engine, id) = BuyOnFirstBar(OrderSizing.AllCash(), new EngineOptions { InitialCash = 10_000m }.WithCommission(new PerShareCommission(0.005m, 1m)));
        Assert.Equal(98.0294m, engine.Order(id).Quantity);
        Assert.Equal(0.0012m, engine.Ledger.Cash);
        Assert.Equal("100% of cash", engine.Order(id).Sizing);
    }

    [Theory]
    [InlineData("percent:0.1", 0.5)]
    [InlineData("percent:1", 1.0)]
    [InlineData("per-share:0.01,min:5", 0.25)]
    [InlineData("fixed:9.99", 0.75)]
    public void Cash_fraction_sizing_spends_at_most_the_budget_commission_included(string commission, double fraction)
    {
        var model = CommissionModel.Parse(commission);
        var (engine, id) = BuyOnFirstBar(OrderSizing.CashFraction((decimal)fraction), new EngineOptions { InitialCash = 10_000m }.WithCommission(model));
        var budget = 10_000m * (decimal)fraction;
        var quantity = engine.Order(id).Quantity!.Value;
        var cost = (quantity * 102m) + model.Calculate(quantity, 102m);
        Assert.True(cost <= budget, $"{cost} > {budget}");
        Assert.Equal(10_000m - cost, engine.Ledger.Cash);

        // And close to it: the commission is subtracted once, for the larger quantity, so a few steps (at most ~percent² of the budget) may be left.
        Assert.True(budget - cost < (0.0002m * budget) + 0.0102m, $"{budget - cost} of {budget} unspent");
    }

    [Fact]
    public void Whole_unit_sizing_rounds_down_and_steps_back_for_the_commission()
    {
        // 10,200 / 102 = exactly 100 shares, but the commission of 1 makes it 10,201: 99 shares.
        var (engine, id) = BuyOnFirstBar(OrderSizing.AllCash(wholeUnits: true), new EngineOptions { InitialCash = 10_200m }.WithCommission(CommissionModel.Parse("fixed:1")));
        Assert.Equal(99m, engine.Order(id).Quantity);
        Assert.Equal(10_200m - 10_098m - 1m, engine.Ledger.Cash);
    }

    [Fact]
    public void Crypto_is_sized_in_lots_of_one_hundred_millionth()
    {
        var bars = Bars("BTC-USD", 43_210.12);
        Assert.Equal(AssetClass.Crypto, bars.Symbol.AssetClass);
        var (engine, id) = BuyOnFirstBar(OrderSizing.AllCash(), new EngineOptions { InitialCash = 10_000m }, bars);
        var quantity = engine.Order(id).Quantity!.Value;
        Assert.Equal(decimal.Truncate(10_000m / 43_210.12m * 100_000_000m) / 100_000_000m, quantity);
        Assert.True(quantity * 43_210.12m <= 10_000m);
        Assert.True((quantity + 0.00000001m) * 43_210.12m > 10_000m);
        Assert.Equal(10_000m - (quantity * 43_210.12m), engine.Ledger.Cash);
    }

    [Fact]
    public void An_amount_that_buys_no_whole_unit_is_rejected_with_the_reason()
    {
        var (engine, id) = BuyOnFirstBar(OrderSizing.Notional(50m, wholeUnits: true));
        var order = engine.Order(id);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("buys no SPY at 102", order.Note, StringComparison.Ordinal);
        Assert.Null(order.Quantity);
    }

    [Fact]
    public void All_cash_with_no_cash_left_is_rejected_not_filled_with_nothing()
    {
        long second = 0;
        var engine = EngineRun.Run(
            new ScriptedStrategy().At(0, c => c.Buy(0, OrderSizing.AllCash(wholeUnits: true))).At(1, c => second = c.Buy(0, OrderSizing.AllCash(wholeUnits: true))),
            new EngineOptions { InitialCash = 1_020m },
            Bars());
        Assert.Equal(OrderStatus.Rejected, engine.Order(second).Status);
        Assert.Contains("cash 0 buys no SPY", engine.Order(second).Note, StringComparison.Ordinal);
        Assert.Single(engine.Journal.Fills);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void A_cash_fraction_outside_0_to_1_is_rejected_at_placement(double fraction)
    {
        var (engine, id) = BuyOnFirstBar(OrderSizing.CashFraction((decimal)fraction));
        Assert.Equal(OrderStatus.Rejected, engine.Order(id).Status);
        Assert.Contains("cash fraction must be in (0, 1]", engine.Order(id).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sell_cannot_carry_a_bracket_or_be_sized_by_cash()
    {
        long bySize = 0;
        var engine = EngineRun.Run(new ScriptedStrategy().At(0, c => bySize = c.Sell(0, OrderSizing.AllCash())), Bars());
        Assert.Equal(OrderStatus.Rejected, engine.Order(bySize).Status);
        Assert.Contains("sell cannot be sized by cash", engine.Order(bySize).Note, StringComparison.Ordinal);
    }
}
