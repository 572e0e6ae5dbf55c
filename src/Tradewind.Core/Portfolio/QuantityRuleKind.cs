namespace Tradewind.Core.Portfolio;

/// <summary>How a <see cref="QuantityRule"/> rounds an order or fill quantity.</summary>
public enum QuantityRuleKind
{
    /// <summary>Fractional units to a fixed number of decimals (fractional shares: 4).</summary>
    Fractional,

    /// <summary>Whole units only (whole shares).</summary>
    WholeUnits,

    /// <summary>Multiples of a lot size, with an optional minimum quantity (crypto, e.g. 0.00001 BTC).</summary>
    Lot,
}
