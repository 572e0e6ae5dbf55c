using Tradewind.Core.Optimization;

namespace Tradewind.Core.Tests.Optimization;

/// <summary>The kernel's all-cash sizing without a commission: the exact floor of budget / price, by its definition.</summary>
public sealed class WholeUnitsWithinTests
{
    [Theory]
    [InlineData("0", "1")]
    [InlineData("99.99999999", "100")]
    [InlineData("100", "100")]
    [InlineData("100000", "123.45678901")]
    [InlineData("1000000000000", "0.00000001")]
    [InlineData("999999999999.99999999", "0.00000003")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("0.00000001", "0.00000002")]
    [InlineData("7", "0.7")]
    [InlineData("6.99999999", "0.7")]
    public void Is_the_largest_whole_number_of_units_the_budget_pays(string budgetText, string priceText)
    {
        var budget = decimal.Parse(budgetText, System.Globalization.CultureInfo.InvariantCulture);
        var price = decimal.Parse(priceText, System.Globalization.CultureInfo.InvariantCulture);
        AssertFloor(budget, price);
    }

    [Fact]
    public void Holds_for_random_budgets_and_prices_of_eight_decimals()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 20_000; i++)
        {
            var budget = Math.Round((decimal)Math.Pow(10, random.NextDouble() * 12) * (decimal)random.NextDouble(), 8);
            var price = Math.Max(0.00000001m, Math.Round((decimal)Math.Pow(10, (random.NextDouble() * 14) - 8), 8));
            if (i % 3 == 0)
            {
                // A budget that is an exact multiple of the price, or one hundred-millionth short of one.
                budget = (decimal)random.Next(1, 1_000_000) * price - (i % 2 == 0 ? 0m : 0.00000001m);
            }

            AssertFloor(budget, price);
        }
    }

    private static void AssertFloor(decimal budget, decimal price)
    {
        var units = SmaCrossKernel.WholeUnitsWithin(budget, price);
        Assert.True(units >= 0m && units == decimal.Truncate(units) && units.Scale == 0, $"{budget} / {price}: {units} is not a whole number of units");

        // What the engine's sizing loop ends on without a commission: the truncated decimal quotient, one unit less
        // when that costs more than the budget.
        var engine = decimal.Truncate(budget / price);
        if (engine > 0m && engine * price > budget)
        {
            engine = decimal.Truncate(engine - 1m);
        }

        Assert.Equal(engine, units);
        Assert.True(units * price <= budget, $"{budget} / {price}: {units} units cost {units * price}");
        Assert.True((units + 1m) * price > budget, $"{budget} / {price}: {units + 1m} units would still fit");
    }
}
