namespace Tradewind.Core.Engine;

/// <summary>How the quantity of an order is decided.</summary>
public enum OrderSizingKind
{
    /// <summary>A fixed quantity, known when the order is placed.</summary>
    Quantity,

    /// <summary>A fraction of the cash available when the order fills, commission included (buys only).</summary>
    CashFraction,

    /// <summary>
    /// A fraction of equity at the fill, at most the available cash, commission included (buys only): equal weights
    /// across symbols whose bars come at different times. Equity is cash + positions at the prices known at the fill:
    /// the bar's open (its close for a fill at the close) for symbols trading in the slice, else their latest closes.
    /// </summary>
    EquityFraction,

    /// <summary>A money amount at the fill price, before commission (buys only).</summary>
    Notional,

    /// <summary>The whole position held when the order fills (sells only).</summary>
    EntirePosition,
}
