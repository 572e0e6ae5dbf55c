using System.Globalization;

namespace Tradewind.Core.Execution;

/// <summary>
/// A run's execution costs, and the one place a bar price (<c>double</c>) becomes a fill price (<c>decimal</c>):
/// convert the bar price, apply slippage by order type, compute the commission, make the <see cref="Fill"/>.
/// </summary>
/// <param name="Slippage">Slippage against the trader for market-like fills.</param>
/// <param name="Commission">The commission per fill.</param>
public sealed record ExecutionCosts(SlippageModel Slippage, CommissionModel Commission)
{
    /// <summary>No slippage and no commission.</summary>
    public static ExecutionCosts None { get; } = new(SlippageModel.None, CommissionModel.None);

    /// <summary>
    /// Converts a bar price to money. <c>(decimal)double</c> keeps the double's value to 15 significant digits,
    /// which gives back exactly the decimal a price feed printed (100.1 → 100.1m, not 100.0999999999999943...);
    /// no tick rounding is applied. Refuses NaN, infinities and non-positive prices.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is not a positive finite number.</exception>
    public static decimal ToMoney(double barPrice)
    {
        if (!double.IsFinite(barPrice) || barPrice <= 0 || barPrice > 1e15)
        {
            throw new ArgumentOutOfRangeException(
                nameof(barPrice),
                barPrice,
                string.Create(CultureInfo.InvariantCulture, $"a fill price must be a positive finite number below 1e15, got {barPrice}"));
        }

        return (decimal)barPrice;
    }

    /// <summary>The price per unit <paramref name="order"/> gets for a fill at bar price <paramref name="barPrice"/>, slippage included.</summary>
    public decimal FillPrice(Order order, double barPrice)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Slippage.Apply(ToMoney(barPrice), order.Side, order.Type);
    }

    /// <summary>
    /// The fill of <paramref name="order"/> for a filled <paramref name="outcome"/>: its whole quantity at the
    /// slipped price, with the commission on that price. <paramref name="time"/> is the engine's choice
    /// (the bar's start, or its close for <see cref="FillPoint.Close"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not a fill.</exception>
    public Fill ToFill(Order order, FillOutcome outcome, DateTime time)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!outcome.IsFilled)
        {
            throw new ArgumentException($"order {order.Id} did not fill ({outcome.Kind}); only a filled outcome makes a fill", nameof(outcome));
        }

        var price = FillPrice(order, outcome.Price);
        return new Fill(order.Id, order.Symbol, order.Side, order.Quantity, price, Commission.Calculate(order.Quantity, price), time, order.Reason);
    }
}
