using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Tests.Portfolio;

public sealed class QuantityRuleTests
{
    [Theory]
    [InlineData("12.34567", "12.3456")]
    [InlineData("12.34569999", "12.3456")]
    [InlineData("0.00009", "0")]
    [InlineData("7", "7")]
    [InlineData("-1.23456", "-1.2345")]
    public void Fractional_four_decimals_rounds_toward_zero(string input, string expected)
    {
        var rule = QuantityRule.Fractional();
        Assert.Equal(decimal.Parse(expected), rule.RoundDown(decimal.Parse(input)));
        Assert.Equal(QuantityRuleKind.Fractional, rule.Kind);
        Assert.Equal(4, rule.Decimals);
        Assert.Equal(0.0001m, rule.Step);
    }

    [Fact]
    public void Fractional_to_other_decimals_and_zero_decimals_is_whole_units()
    {
        Assert.Equal(1.99m, QuantityRule.Fractional(2).RoundDown(1.999m));
        Assert.Same(QuantityRule.WholeUnits, QuantityRule.Fractional(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Fractional(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Fractional(QuantityRule.MaxDecimals + 1));
    }

    [Theory]
    [InlineData("9.9999", "9")]
    [InlineData("10", "10")]
    [InlineData("0.5", "0")]
    public void Whole_units_truncate(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected), QuantityRule.WholeUnits.RoundDown(decimal.Parse(input)));

    [Theory]
    [InlineData("0.123456789", "0.12345")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("0.000019", "0.00001")]
    [InlineData("0.000009", "0")]
    [InlineData("3", "3")]
    public void Lot_size_rounds_down_to_a_multiple_of_the_lot(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected), QuantityRule.Lot(0.00001m).RoundDown(decimal.Parse(input)));

    [Fact]
    public void Lot_size_with_a_minimum_gives_zero_below_the_minimum()
    {
        var rule = QuantityRule.Lot(0.00001m, minimumQuantity: 0.0001m);
        Assert.Equal(0m, rule.RoundDown(0.00009m));
        Assert.Equal(0.0001m, rule.RoundDown(0.000105m));
        Assert.Equal(0.00011m, rule.RoundDown(0.000119m));
        Assert.False(rule.IsValid(0.00009m));
        Assert.True(rule.IsValid(0.00011m));
        Assert.False(rule.IsValid(0.000111m));
    }

    [Fact]
    public void Lot_sizes_that_are_not_powers_of_ten_work()
    {
        var rule = QuantityRule.Lot(0.25m);
        Assert.Equal(1.75m, rule.RoundDown(1.99m));
        Assert.Equal(0m, rule.RoundDown(0.2m));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Lot(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantityRule.Lot(0.1m, -1m));
    }

    [Fact]
    public void Defaults_per_asset_class()
    {
        Assert.Equal(QuantityRule.Fractional(4), QuantityRule.For(AssetClass.Equity));
        Assert.Same(QuantityRule.WholeUnits, QuantityRule.For(AssetClass.Equity, wholeShares: true));
        var crypto = QuantityRule.For(AssetClass.Crypto);
        Assert.Equal(QuantityRuleKind.Lot, crypto.Kind);
        Assert.Equal(0.00000001m, crypto.Step);
        Assert.Equal(0.12345678m, crypto.RoundDown(0.123456789m));
        Assert.Equal(crypto, QuantityRule.For(Symbol.Parse("BTC-USD")));
        Assert.Equal(QuantityRule.Fractional(), QuantityRule.For(Symbol.Parse("SPY")));
    }

    [Fact]
    public void Rounding_never_exceeds_the_cash_a_quantity_was_sized_from()
    {
        // 1000 / 333.33 = 3.000030...; rounded down it costs at most 1000.
        var rule = QuantityRule.Fractional();
        var quantity = rule.RoundDown(1000m / 333.33m);
        Assert.Equal(3.0000m, quantity);
        Assert.True(quantity * 333.33m <= 1000m);
        var quantity2 = rule.RoundDown(1000m / 3m);
        Assert.Equal(333.3333m, quantity2);
        Assert.True(quantity2 * 3m <= 1000m);
    }

    [Fact]
    public void Is_valid_requires_positive_on_grid_quantities()
    {
        var rule = QuantityRule.Fractional();
        Assert.True(rule.IsValid(1.2345m));
        Assert.False(rule.IsValid(1.23456m));
        Assert.False(rule.IsValid(0m));
        Assert.False(rule.IsValid(-1m));
    }

    [Fact]
    public void Describes_itself()
    {
        Assert.Equal("fractional to 4 decimals", QuantityRule.Fractional().ToString());
        Assert.Equal("whole units", QuantityRule.WholeUnits.ToString());
        Assert.Equal("lots of 0.00001, minimum 0.0001", QuantityRule.Lot(0.00001m, 0.0001m).ToString());
    }

    [Theory]
    [InlineData("500", "123.45", "4.0502")]
    [InlineData("1000", "125", "8")]
    [InlineData("0.01", "500", "0")]
    [InlineData("0", "10", "0")]
    public void Units_for_an_amount_round_down_and_never_cost_more(string amount, string price, string expected)
    {
        var (a, p) = (decimal.Parse(amount), decimal.Parse(price));
        var units = QuantityRule.Fractional().UnitsFor(a, p);
        Assert.Equal(decimal.Parse(expected), units);
        Assert.True(units * p <= a && a - (units * p) < p * 0.0001m);
    }

    [Fact]
    public void Units_for_an_amount_step_down_when_decimal_division_rounds_the_quotient_up_onto_the_grid()
    {
        // 9.9 × p rounds to 27 decimals; one unit of the 27th decimal less, the true quotient is 9.9 − 1.3e-28, which
        // decimal division rounds to 9.9 exactly; 9.9 shares would cost more than the amount by that unit.
        const decimal price = 7.912345678901234567890123457m;
        var amount = (9.9m * price) - 0.000000000000000000000000001m;
        Assert.Equal(9.9m, QuantityRule.Fractional().RoundDown(amount / price));
        Assert.True(9.9m * price > amount);

        Assert.Equal(9.8999m, QuantityRule.Fractional().UnitsFor(amount, price));
        Assert.Equal(9m, QuantityRule.WholeUnits.UnitsFor(amount, price));
        Assert.Equal(9.9m, QuantityRule.Fractional().UnitsFor(9.9m * price, price));
    }

    [Fact]
    public void Units_for_a_lot_rule_stay_on_its_grid_and_above_its_minimum()
    {
        var lots = QuantityRule.Lot(0.5m, minimumQuantity: 2m);
        Assert.Equal(3.5m, lots.UnitsFor(36m, 10m));
        Assert.Equal(0m, lots.UnitsFor(19m, 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => lots.UnitsFor(10m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => lots.UnitsFor(-1m, 10m));
    }
}
