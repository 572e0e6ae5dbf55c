using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Core.Portfolio;

/// <summary>
/// The quantities an asset can be traded in: fractional to N decimals, whole units, or multiples of a lot
/// size with a minimum. <see cref="RoundDown"/> never rounds up, so a quantity sized from available cash
/// never costs more than that cash.
/// </summary>
public sealed record QuantityRule
{
    /// <summary>The decimals of fractional shares when nothing else is configured.</summary>
    public const int DefaultEquityDecimals = 4;

    /// <summary>The most decimals a fractional rule may have (decimal's scale limit minus room for prices).</summary>
    public const int MaxDecimals = 18;

    private QuantityRule(QuantityRuleKind kind, int decimals, decimal step, decimal minimum)
    {
        Kind = kind;
        Decimals = decimals;
        Step = step;
        MinimumQuantity = minimum;
    }

    /// <summary>The default crypto lot size: one hundred-millionth of a unit (a satoshi for BTC).</summary>
    public static decimal DefaultCryptoLotSize => 0.00000001m;

    /// <summary>How quantities are rounded.</summary>
    public QuantityRuleKind Kind { get; }

    /// <summary>The decimals of a <see cref="QuantityRuleKind.Fractional"/> rule; 0 for whole units; for a lot rule, the lot size's decimals.</summary>
    public int Decimals { get; }

    /// <summary>The smallest increment: 10^-Decimals for fractional rules, 1 for whole units, the lot size for lot rules.</summary>
    public decimal Step { get; }

    /// <summary>The smallest non-zero quantity allowed; anything that rounds below it becomes zero. 0 when there is none.</summary>
    public decimal MinimumQuantity { get; }

    /// <summary>Fractional units to <paramref name="decimals"/> decimals (0–<see cref="MaxDecimals"/>).</summary>
    public static QuantityRule Fractional(int decimals = DefaultEquityDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        return decimals == 0 ? WholeUnits : new QuantityRule(QuantityRuleKind.Fractional, decimals, Pow10Negative(decimals), 0m);
    }

    /// <summary>Whole units only.</summary>
    public static QuantityRule WholeUnits { get; } = new(QuantityRuleKind.WholeUnits, 0, 1m, 0m);

    /// <summary>
    /// Multiples of <paramref name="lotSize"/> (positive), and at least <paramref name="minimumQuantity"/> (0 = one lot)
    /// when not zero. The minimum need not be a multiple of the lot size.
    /// </summary>
    public static QuantityRule Lot(decimal lotSize, decimal minimumQuantity = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lotSize);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumQuantity);
        var decimals = lotSize.Scale;
        return new QuantityRule(QuantityRuleKind.Lot, decimals, lotSize, minimumQuantity);
    }

    /// <summary>
    /// The default rule for an asset class: equities trade fractional shares to
    /// <see cref="DefaultEquityDecimals"/> decimals, or whole shares when <paramref name="wholeShares"/> is configured;
    /// crypto trades in lots of <see cref="DefaultCryptoLotSize"/>.
    /// </summary>
    public static QuantityRule For(AssetClass assetClass, bool wholeShares = false) => assetClass switch
    {
        AssetClass.Equity => wholeShares ? WholeUnits : DefaultEquity,
        AssetClass.Crypto => DefaultCrypto,
        _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "unknown asset class"),
    };

    /// <summary>The default rule for a symbol's asset class (see <see cref="For(AssetClass, bool)"/>).</summary>
    public static QuantityRule For(Symbol symbol) => For(symbol.AssetClass);

    private static QuantityRule DefaultEquity { get; } = new(QuantityRuleKind.Fractional, DefaultEquityDecimals, Pow10Negative(DefaultEquityDecimals), 0m);

    private static QuantityRule DefaultCrypto { get; } = Lot(0.00000001m);

    /// <summary>
    /// Rounds a quantity toward zero onto this rule's grid; a result below <see cref="MinimumQuantity"/> becomes 0.
    /// Never rounds up in magnitude: a quantity sized from cash still fits that cash after rounding.
    /// </summary>
    public decimal RoundDown(decimal quantity)
    {
        var rounded = Kind switch
        {
            QuantityRuleKind.Fractional => decimal.Round(quantity, Decimals, MidpointRounding.ToZero),
            QuantityRuleKind.WholeUnits => decimal.Truncate(quantity),
            _ => decimal.Truncate(quantity / Step) * Step,
        };

        return Math.Abs(rounded) < MinimumQuantity ? 0m : rounded;
    }

    /// <summary>
    /// The most units on this rule's grid that cost at most <paramref name="amount"/> at <paramref name="price"/>:
    /// amount / price rounded down, and one step lower when the rounded quantity would cost more than the amount.
    /// The engine sizes a notional order with it and the capital allocator's execution a buy, so both agree to the unit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or the price not positive.</exception>
    public decimal UnitsFor(decimal amount, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var units = RoundDown(amount / price);

        // decimal division rounds to its 28–29 significant digits, so a quotient a hair below a grid point can come out
        // on it; that quantity would cost more than the amount (by a unit in the 27th digit, but more).
        return units > 0m && units * price > amount ? RoundDown(units - Step) : units;
    }

    /// <summary>Whether a positive quantity is already on this rule's grid and not below the minimum.</summary>
    public bool IsValid(decimal quantity) => quantity > 0m && RoundDown(quantity) == quantity;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        QuantityRuleKind.Fractional => string.Create(CultureInfo.InvariantCulture, $"fractional to {Decimals} decimals"),
        QuantityRuleKind.WholeUnits => "whole units",
        _ => MinimumQuantity > 0m
            ? string.Create(CultureInfo.InvariantCulture, $"lots of {DecimalText.Of(Step)}, minimum {DecimalText.Of(MinimumQuantity)}")
            : string.Create(CultureInfo.InvariantCulture, $"lots of {DecimalText.Of(Step)}"),
    };

    private static decimal Pow10Negative(int decimals) => new(1, 0, 0, false, (byte)decimals);
}
