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
    /// The decimal places every price and commission the ledger books is kept to (8, a satoshi). Quantities have at
    /// most 8 too (<see cref="Portfolio.QuantityRule"/>), so a notional has at most 16 and every sum of notionals and
    /// commissions below 10^12 fits a <c>decimal</c>'s 28 digits exactly: cash, fees and the P&amp;L of round trips
    /// then add up to the last digit in whatever order they are summed. Without this bound a limit price or a
    /// slipped price carried 15 significant digits, products of them 28, and sums rounded differently by order.
    /// </summary>
    public const int MoneyDecimals = 8;

    /// <summary>The smallest price <see cref="ToMoney(double)"/> accepts: one unit of the last of <see cref="MoneyDecimals"/>.</summary>
    public const double MinimumPrice = 0.00000001;

    /// <summary>
    /// Converts a bar price to money. <c>(decimal)double</c> keeps the double's value to 15 significant digits,
    /// which gives back exactly the decimal a price feed printed (100.1 → 100.1m, not 100.0999999999999943...);
    /// the result is then rounded to <see cref="MoneyDecimals"/> places (half to even), no tick rounding is applied.
    /// Refuses NaN, infinities, prices below <see cref="MinimumPrice"/> and above 1e15.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is not a finite number in [<see cref="MinimumPrice"/>, 1e15].</exception>
    public static decimal ToMoney(double barPrice)
    {
        if (!IsMoneyPrice(barPrice))
        {
            throw new ArgumentOutOfRangeException(
                nameof(barPrice),
                barPrice,
                string.Create(CultureInfo.InvariantCulture, $"a fill price must be a finite number from 0.00000001 to 1e15, got {barPrice}"));
        }

        return RoundMoney((decimal)barPrice);
    }

    /// <summary>Whether <see cref="ToMoney(double)"/> takes <paramref name="barPrice"/>: a finite number in [<see cref="MinimumPrice"/>, 1e15].</summary>
    public static bool IsMoneyPrice(double barPrice) => double.IsFinite(barPrice) && barPrice >= MinimumPrice && barPrice <= 1e15;

    /// <summary>
    /// A fill price as money before slippage: limit and stop-limit fills (at the limit, or at a better open) are rounded
    /// toward the trader's side (<see cref="ToMoneyWithin"/>), market-like fills to the nearest (<see cref="ToMoney(double)"/>).
    /// </summary>
    public static decimal ToMoney(double price, OrderSide side, OrderType type) =>
        SlippageModel.AppliesTo(type) ? ToMoney(price) : ToMoneyWithin(price, side);

    /// <summary><see cref="MinimumPrice"/> as money.</summary>
    public const decimal SmallestPrice = 0.00000001m;

    /// <summary>
    /// A limit price as money, rounded toward the trader's side so the fill never breaks the limit: a buy's down (never
    /// above its ceiling), a sell's up (never below its floor). 10.123456789 buys at 10.12345678 and sells at 10.12345679.
    /// </summary>
    public static decimal ToMoneyWithin(double limitPrice, OrderSide side)
    {
        _ = ToMoney(limitPrice);   // the same checks as any price
        var rounded = decimal.Round((decimal)limitPrice, MoneyDecimals, side == OrderSide.Buy ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);
        return Math.Max(rounded, SmallestPrice);
    }

    /// <summary>Rounds a price or commission to <see cref="MoneyDecimals"/> places, half to even.</summary>
    public static decimal RoundMoney(decimal amount) => decimal.Round(amount, MoneyDecimals, MidpointRounding.ToEven);

    /// <summary>The price per unit <paramref name="order"/> gets for a fill at bar price <paramref name="barPrice"/>, slippage included.</summary>
    public decimal FillPrice(Order order, double barPrice)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Slippage.Apply(ToMoney(barPrice, order.Side, order.Type), order.Side, order.Type);
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
