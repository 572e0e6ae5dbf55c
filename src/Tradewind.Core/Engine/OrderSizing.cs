using System.Globalization;

namespace Tradewind.Core.Engine;

/// <summary>
/// How much an order trades. Quantities that depend on the fill price (a fraction of cash, a money amount, the
/// whole position) are resolved at the fill, on the price actually paid, then rounded down by the asset's
/// quantity rule; a result of zero rejects the order. An order is never resized to fit the cash: a fixed
/// quantity that costs more than the cash is rejected with the reason.
/// </summary>
/// <param name="Kind">The sizing rule.</param>
/// <param name="Value">The quantity, the fraction (0–1] or the amount; unused for <see cref="OrderSizingKind.EntirePosition"/>.</param>
/// <param name="WholeUnits">Round to whole units even where the asset allows fractions (e.g. sma-cross buys whole shares).</param>
public readonly record struct OrderSizing(OrderSizingKind Kind, decimal Value, bool WholeUnits = false)
{
    /// <summary>Exactly <paramref name="quantity"/> units.</summary>
    public static OrderSizing Units(decimal quantity) => new(OrderSizingKind.Quantity, quantity);

    /// <summary>All available cash (commission included) at the fill, in whole units when <paramref name="wholeUnits"/>.</summary>
    public static OrderSizing AllCash(bool wholeUnits = false) => new(OrderSizingKind.CashFraction, 1m, wholeUnits);

    /// <summary>A fraction (0–1] of the available cash at the fill, commission included.</summary>
    public static OrderSizing CashFraction(decimal fraction, bool wholeUnits = false) => new(OrderSizingKind.CashFraction, fraction, wholeUnits);

    /// <summary>A fraction (0–1] of equity at the fill, at most the available cash, commission included.</summary>
    public static OrderSizing EquityFraction(decimal fraction, bool wholeUnits = false) => new(OrderSizingKind.EquityFraction, fraction, wholeUnits);

    /// <summary>Units worth <paramref name="amount"/> at the fill price (rounded down; commission on top).</summary>
    public static OrderSizing Notional(decimal amount, bool wholeUnits = false) => new(OrderSizingKind.Notional, amount, wholeUnits);

    /// <summary>The whole position at the fill.</summary>
    public static OrderSizing EntirePosition { get; } = new(OrderSizingKind.EntirePosition, 0m);

    /// <summary>The problem with this sizing for an order of the given side, or null when it is sound.</summary>
    public string? Validate(bool buy)
    {
        return Kind switch
        {
            OrderSizingKind.Quantity when Value <= 0m => string.Create(CultureInfo.InvariantCulture, $"quantity must be positive, got {Value}"),
            OrderSizingKind.CashFraction when Value is <= 0m or > 1m => string.Create(CultureInfo.InvariantCulture, $"cash fraction must be in (0, 1], got {Value}"),
            OrderSizingKind.CashFraction when !buy => "a sell cannot be sized by cash; sell a quantity or the entire position",
            OrderSizingKind.EquityFraction when Value is <= 0m or > 1m => string.Create(CultureInfo.InvariantCulture, $"equity fraction must be in (0, 1], got {Value}"),
            OrderSizingKind.EquityFraction when !buy => "a sell cannot be sized by equity; sell a quantity or the entire position",
            OrderSizingKind.Notional when Value <= 0m => string.Create(CultureInfo.InvariantCulture, $"amount must be positive, got {Value}"),
            OrderSizingKind.Notional when !buy => "a sell cannot be sized by an amount; sell a quantity or the entire position",
            OrderSizingKind.EntirePosition when buy => "a buy cannot be sized as the entire position",
            OrderSizingKind.Quantity or OrderSizingKind.CashFraction or OrderSizingKind.EquityFraction or OrderSizingKind.Notional or OrderSizingKind.EntirePosition => null,
            _ => string.Create(CultureInfo.InvariantCulture, $"unknown sizing {(int)Kind}"),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        OrderSizingKind.Quantity => string.Create(CultureInfo.InvariantCulture, $"{Value}"),
        OrderSizingKind.CashFraction => string.Create(CultureInfo.InvariantCulture, $"{Value * 100m:0.####}% of cash{(WholeUnits ? ", whole units" : string.Empty)}"),
        OrderSizingKind.EquityFraction => string.Create(CultureInfo.InvariantCulture, $"{Value * 100m:0.####}% of equity{(WholeUnits ? ", whole units" : string.Empty)}"),
        OrderSizingKind.Notional => string.Create(CultureInfo.InvariantCulture, $"{Value} notional{(WholeUnits ? ", whole units" : string.Empty)}"),
        _ => "entire position",
    };
}
