using System.Globalization;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The one place of the allocator's execution rules, used by the daily execute job and the backtest alike: how
/// many shares a decision buys or sells at the day's opening prices, and the holdings that result.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Buy: quantity = dollars / open, rounded down to 4 decimals (and one step lower if decimal rounding of the
/// division ever made quantity × open exceed the dollars), so a buy never spends more than allocated; a quantity of 0
/// is no trade. Amount = quantity × open, exactly. The average cost becomes (old cost basis + amount) / new quantity.</item>
/// <item>Sell: quantity = holding × sell fraction, rounded down to 4 decimals; when less than 0.0001 share would be
/// left the whole holding is sold; 0 is no trade. Amount = quantity × open, exactly. The average cost does not
/// change; a holding sold to zero is removed.</item>
/// <item>Hold: nothing trades.</item>
/// </list>
/// </remarks>
public static class AllocatorExecution
{
    /// <summary>Decimals of a fractional share quantity.</summary>
    public const int QuantityDecimals = 4;

    /// <summary>The smallest quantity: one step of <see cref="QuantityDecimals"/>.</summary>
    public const decimal QuantityStep = 0.0001m;

    /// <summary>
    /// Fractional shares to <see cref="QuantityDecimals"/> decimals: the rule the buys are sized by. The engine's default
    /// rule for equities is the same, which is what makes a backtest's notional buys fill these very quantities.
    /// </summary>
    public static QuantityRule QuantityRule { get; } = QuantityRule.Fractional(QuantityDecimals);

    /// <summary>Plans <paramref name="decision"/>'s trades (see <see cref="Plan(AllocatorInstruction, IReadOnlyDictionary{string, AllocatorHolding}, IReadOnlyDictionary{string, decimal})"/>).</summary>
    public static AllocatorExecutionPlan Plan(
        CapitalAllocatorDecision decision, IReadOnlyDictionary<string, AllocatorHolding> holdings, IReadOnlyDictionary<string, decimal> openingPrices)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Plan(decision.Instruction, holdings, openingPrices);
    }

    /// <summary>
    /// The trades of <paramref name="instruction"/> at <paramref name="openingPrices"/> given <paramref name="holdings"/>
    /// (symbol → quantity and average cost), and the holdings after them. Prices are needed only for assets that trade.
    /// </summary>
    /// <exception cref="MissingOpeningPriceException">An asset that must trade has no opening price.</exception>
    /// <exception cref="ArgumentException">A price is not positive, a holding's quantity is not positive or its cost negative, an allocation is negative, or the sell fraction is outside 0..1.</exception>
    public static AllocatorExecutionPlan Plan(
        AllocatorInstruction instruction, IReadOnlyDictionary<string, AllocatorHolding> holdings, IReadOnlyDictionary<string, decimal> openingPrices)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(openingPrices);
        foreach (var (symbol, holding) in holdings)
        {
            if (holding is null || holding.Quantity <= 0 || holding.AverageCost < 0)
            {
                throw new ArgumentException(
                    $"the holding of {symbol} is {holding?.Quantity.ToString(CultureInfo.InvariantCulture) ?? "null"} shares at "
                    + $"{holding?.AverageCost.ToString(CultureInfo.InvariantCulture) ?? "null"}; a held position has more than 0 shares and a cost of at least 0 (a position at zero is removed)",
                    nameof(holdings));
            }
        }

        var after = new Dictionary<string, AllocatorHolding>(holdings, StringComparer.Ordinal);
        var trades = new List<AllocatorTrade>();
        switch (instruction.Action)
        {
            case AllocatorAction.Buy:
                foreach (var (symbol, dollars) in instruction.Allocations.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    if (dollars < 0)
                    {
                        throw new ArgumentException($"the allocation to {symbol} is {dollars.ToString(CultureInfo.InvariantCulture)} dollars; allocations are 0 or more", nameof(instruction));
                    }

                    if (dollars == 0)
                    {
                        continue;
                    }

                    var price = Price(openingPrices, symbol, AllocatorAction.Buy);
                    var quantity = BuyQuantity(dollars, price);
                    if (quantity <= 0)
                    {
                        continue;
                    }

                    var amount = quantity * price;
                    trades.Add(new AllocatorTrade(symbol, AllocatorAction.Buy, quantity, price, amount));
                    after[symbol] = after.TryGetValue(symbol, out var held)
                        ? new AllocatorHolding(held.Quantity + quantity, (held.CostBasis + amount) / (held.Quantity + quantity))
                        : new AllocatorHolding(quantity, price);
                }

                break;

            case AllocatorAction.Sell:
                if (instruction.SellFraction is < 0 or > 1)
                {
                    throw new ArgumentException($"the sell fraction is {instruction.SellFraction.ToString(CultureInfo.InvariantCulture)}; it must be from 0 to 1", nameof(instruction));
                }

                foreach (var (symbol, held) in holdings.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    var quantity = SellQuantity(held.Quantity, instruction.SellFraction);
                    if (quantity == 0)
                    {
                        continue;
                    }

                    var price = Price(openingPrices, symbol, AllocatorAction.Sell);
                    trades.Add(new AllocatorTrade(symbol, AllocatorAction.Sell, quantity, price, quantity * price));
                    if (quantity == held.Quantity)
                    {
                        after.Remove(symbol);
                    }
                    else
                    {
                        after[symbol] = held with { Quantity = held.Quantity - quantity };
                    }
                }

                break;

            case AllocatorAction.Hold:
                break;

            default:
                throw new ArgumentException($"unknown action {instruction.Action}", nameof(instruction));
        }

        return new AllocatorExecutionPlan(trades, after);
    }

    /// <summary>
    /// The shares <paramref name="dollars"/> buy at <paramref name="price"/>: rounded down to <see cref="QuantityDecimals"/>
    /// decimals, and never costing more than the dollars (<see cref="QuantityRule.UnitsFor"/>); 0 when not even one step.
    /// </summary>
    public static decimal BuyQuantity(decimal dollars, decimal price) => QuantityRule.UnitsFor(dollars, price);

    /// <summary>
    /// The shares a sell of <paramref name="fraction"/> of a holding of <paramref name="held"/> shares sells: rounded
    /// down to <see cref="QuantityDecimals"/> decimals, or the whole holding when less than one step would be left.
    /// It needs no price, so it is known on the close before the open it trades at.
    /// </summary>
    public static decimal SellQuantity(decimal held, decimal fraction)
    {
        var quantity = RoundDown(held * fraction);
        return held - quantity < QuantityStep ? held : quantity;
    }

    /// <summary>Rounds a non-negative quantity down to <see cref="QuantityDecimals"/> decimals.</summary>
    public static decimal RoundDown(decimal quantity) => QuantityRule.RoundDown(quantity);

    private static decimal Price(IReadOnlyDictionary<string, decimal> prices, string symbol, AllocatorAction action)
    {
        if (!prices.TryGetValue(symbol, out var price))
        {
            throw new MissingOpeningPriceException(symbol, action);
        }

        return price > 0
            ? price
            : throw new ArgumentException($"the opening price of {symbol} is {price.ToString(CultureInfo.InvariantCulture)}; a price must be more than 0: correct the stored bar", nameof(prices));
    }
}
