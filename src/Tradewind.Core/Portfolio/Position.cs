using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Core.Portfolio;

/// <summary>
/// A long holding of one symbol with its weighted-average cost. Immutable: <see cref="Buy(decimal, decimal, decimal)"/> and
/// <see cref="Sell(decimal, decimal, decimal)"/> return the next position.
/// </summary>
/// <remarks>
/// <para>
/// The state is the total <see cref="CostBasis"/> (Σ quantity × price of the buys, less the cost released
/// by sells), not the average: the average is <see cref="CostBasis"/> / <see cref="Quantity"/>, so a buy adds
/// exactly quantity × price to the cost and the ledger reconciles to the last decimal digit.
/// </para>
/// <para>
/// Commissions are not folded into the cost: the average cost is the average price paid, and
/// <see cref="RealizedPnL"/> is gross, (sell price − average cost) × quantity. Fees are tracked separately
/// (<see cref="Fees"/> here, and in the ledger); net realized P&amp;L is <c>RealizedPnL − Fees</c>. This keeps
/// the cost comparable with market prices and with what the daily portfolio table stores.
/// </para>
/// <para>
/// A sell releases cost <c>CostBasis × sold / Quantity</c> rounded to <see cref="CostDecimals"/> decimals
/// (midpoint to even), or the whole remaining cost when it sells everything, so no residue is left
/// behind and the numbers keep a bounded scale.
/// </para>
/// </remarks>
public sealed record Position
{
    /// <summary>The decimals the cost released by a partial sell is rounded to.</summary>
    public const int CostDecimals = 12;

    private Position(Symbol symbol, decimal quantity, decimal costBasis, decimal realizedPnL, decimal fees)
    {
        Symbol = symbol;
        Quantity = quantity;
        CostBasis = costBasis;
        RealizedPnL = realizedPnL;
        Fees = fees;
    }

    /// <summary>The instrument held.</summary>
    public Symbol Symbol { get; }

    /// <summary>The quantity held; positive while the position is open, 0 once it is closed.</summary>
    public decimal Quantity { get; }

    /// <summary>What the held quantity cost, commissions excluded: Σ quantity × price of buys less cost released by sells.</summary>
    public decimal CostBasis { get; }

    /// <summary>Weighted-average cost per unit, commissions excluded: <see cref="CostBasis"/> / <see cref="Quantity"/> (0 when closed).</summary>
    public decimal AverageCost => Quantity == 0m ? 0m : CostBasis / Quantity;

    /// <summary>Realized P&amp;L of the sells since this position was opened, before fees: Σ (price − average cost) × quantity sold.</summary>
    public decimal RealizedPnL { get; }

    /// <summary>Commissions paid on this position's buys and sells since it was opened.</summary>
    public decimal Fees { get; }

    /// <summary>Whether the position has been sold down to zero (the portfolio removes it then).</summary>
    public bool IsClosed => Quantity == 0m;

    /// <summary>Opens a position with a first buy of a positive quantity at a positive price.</summary>
    public static Position Open(Symbol symbol, decimal quantity, decimal price, decimal commission)
    {
        // Checked before multiplying, so a bad argument is reported as such rather than as an overflow.
        CheckTrade(quantity, price, commission);
        return Open(symbol, quantity, price, quantity * price, commission);
    }

    /// <summary>As <see cref="Open(Symbol, decimal, decimal, decimal)"/>, with quantity × price already computed.</summary>
    internal static Position Open(Symbol symbol, decimal quantity, decimal price, decimal notional, decimal commission)
    {
        CheckTrade(quantity, price, commission);
        return new Position(symbol, quantity, notional, 0m, commission);
    }

    /// <summary>Adds a buy: the quantity grows and the average cost becomes the quantity-weighted average of the prices paid.</summary>
    public Position Buy(decimal quantity, decimal price, decimal commission)
    {
        CheckTrade(quantity, price, commission);
        return Buy(quantity, price, quantity * price, commission);
    }

    /// <summary>As <see cref="Buy(decimal, decimal, decimal)"/>, with quantity × price already computed.</summary>
    internal Position Buy(decimal quantity, decimal price, decimal notional, decimal commission)
    {
        CheckTrade(quantity, price, commission);
        return new Position(Symbol, Quantity + quantity, CostBasis + notional, RealizedPnL, Fees + commission);
    }

    /// <summary>
    /// Sells part or all of the position: the average cost is unchanged and (price − average cost) × quantity is
    /// realized. Selling more than is held is refused with <see cref="PortfolioRejectedException"/> (long only).
    /// </summary>
    public Position Sell(decimal quantity, decimal price, decimal commission)
    {
        CheckSell(quantity, price, commission);
        return Sell(quantity, price, quantity * price, commission);
    }

    /// <summary>As <see cref="Sell(decimal, decimal, decimal)"/>, with quantity × price already computed.</summary>
    internal Position Sell(decimal quantity, decimal price, decimal notional, decimal commission)
    {
        CheckSell(quantity, price, commission);
        var released = CostReleasedBy(quantity);
        return new Position(Symbol, Quantity - quantity, CostBasis - released, RealizedPnL + (notional - released), Fees + commission);
    }

    /// <summary>The cost a sell of <paramref name="quantity"/> (at most <see cref="Quantity"/>) takes out of <see cref="CostBasis"/>.</summary>
    public decimal CostReleasedBy(decimal quantity) =>
        quantity == Quantity ? CostBasis : decimal.Round(CostBasis * quantity / Quantity, CostDecimals, MidpointRounding.ToEven);

    /// <summary>Quantity × <paramref name="price"/>.</summary>
    public decimal MarketValue(decimal price) => Quantity * price;

    /// <summary>Market value at <paramref name="price"/> less <see cref="CostBasis"/>.</summary>
    public decimal UnrealizedPnL(decimal price) => (Quantity * price) - CostBasis;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Symbol} {DecimalText.Of(Quantity)} @ {AverageCost} (cost {CostBasis}, realized {RealizedPnL}, fees {Fees})");

    private void CheckSell(decimal quantity, decimal price, decimal commission)
    {
        CheckTrade(quantity, price, commission);
        if (quantity > Quantity)
        {
            throw new PortfolioRejectedException(new PortfolioRejection(
                PortfolioRejectReason.InsufficientQuantity,
                string.Create(CultureInfo.InvariantCulture, $"sell of {DecimalText.Of(quantity)} {Symbol} refused: only {DecimalText.Of(Quantity)} held (long only; short selling is not supported)")));
        }
    }

    private static void CheckTrade(decimal quantity, decimal price, decimal commission)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(commission);
    }
}
