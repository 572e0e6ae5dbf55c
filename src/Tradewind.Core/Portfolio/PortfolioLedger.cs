using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Tradewind.Core.Collections;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Portfolio;

/// <summary>
/// The portfolio and its cash ledger: cash, long positions with weighted-average cost, deposits, withdrawals,
/// fees and realized P&amp;L, in <c>decimal</c>, with an append-only list of <see cref="LedgerEntry"/> lines.
/// (Named <c>PortfolioLedger</c> because a type called <c>Portfolio</c> would clash with its namespace.)
/// </summary>
/// <remarks>
/// <para>
/// The ledger always reconciles, exactly:
/// <c>Cash + Σ CostBasis − RealizedPnL + Fees = Deposits − Withdrawals</c>, where a position's cost basis is
/// its quantity × average cost. Every operation keeps both sides equal: a deposit or withdrawal moves cash and
/// the right side by the same amount; a buy moves quantity × price from cash into cost basis and the commission
/// from cash into fees; a sell turns released cost plus realized P&amp;L into cash, and its commission into fees.
/// <see cref="ReconciliationDifference"/> computes left − right from the positions themselves.
/// </para>
/// <para>
/// A refused operation throws <see cref="PortfolioRejectedException"/> (or <see cref="TryApply(Fill, out PortfolioRejection?)"/> returns the
/// <see cref="PortfolioRejection"/>) and changes nothing. Buys are limited by <see cref="MaxLeverage"/>; at the
/// default of 1, cash never goes below zero. No I/O, no clock: times come with the operations.
/// </para>
/// </remarks>
public sealed class PortfolioLedger
{
    private readonly Dictionary<Symbol, Position> _positions = [];
    private readonly AppendOnlyLog<LedgerEntry> _entries = new();
    private readonly Func<Symbol, QuantityRule> _quantityRules;

    /// <summary>Creates an empty portfolio (no cash: deposit the starting capital).</summary>
    /// <param name="maxLeverage">
    /// The most gross exposure at cost a buy may leave per unit of equity at cost (cash + cost basis); at least 1.
    /// 1 (the default) means no borrowing: a buy must be paid from cash.
    /// </param>
    /// <param name="quantityRules">The quantity rule per symbol that fills must respect; default <see cref="QuantityRule.For(Symbol)"/>.</param>
    public PortfolioLedger(decimal maxLeverage = 1m, Func<Symbol, QuantityRule>? quantityRules = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLeverage, 1m);
        MaxLeverage = maxLeverage;
        _quantityRules = quantityRules ?? QuantityRule.For;
        Positions = new ReadOnlyDictionary<Symbol, Position>(_positions);
        Entries = _entries;
    }

    /// <summary>
    /// The leverage limit: after a buy, Σ cost basis ≤ MaxLeverage × (cash + Σ cost basis). At 1 this is exactly
    /// "cash ≥ 0". Checked at cost because fills carry no market prices; the engine may check marked equity before ordering.
    /// </summary>
    public decimal MaxLeverage { get; }

    /// <summary>Cash: deposits − withdrawals − buys + sells − fees. Negative only when borrowing under <see cref="MaxLeverage"/> &gt; 1.</summary>
    public decimal Cash { get; private set; }

    /// <summary>Cumulative deposits.</summary>
    public decimal Deposits { get; private set; }

    /// <summary>Cumulative withdrawals.</summary>
    public decimal Withdrawals { get; private set; }

    /// <summary>Deposits − withdrawals.</summary>
    public decimal NetContributions => Deposits - Withdrawals;

    /// <summary>Cumulative commissions paid.</summary>
    public decimal Fees { get; private set; }

    /// <summary>Cumulative realized P&amp;L before fees, over all positions ever held (closed ones included).</summary>
    public decimal RealizedPnL { get; private set; }

    /// <summary>The open positions by symbol; a position sold down to zero is removed.</summary>
    public IReadOnlyDictionary<Symbol, Position> Positions { get; }

    /// <summary>Every cash movement in booking order (append-only).</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>Σ cost basis of the open positions (gross exposure at cost), kept as a running total by every fill.</summary>
    public decimal CostBasis { get; private set; }

    /// <summary>
    /// The most a buy may cost (notional + commission) now: MaxLeverage × (cash + cost basis) − cost basis, at least 0.
    /// Equal to cash at leverage 1.
    /// </summary>
    public decimal BuyingPower
    {
        get
        {
            var cost = CostBasis;
            var power = MaxLeverage == 1m ? Cash : (MaxLeverage * (Cash + cost)) - cost;
            return power > 0m ? power : 0m;
        }
    }

    /// <summary>
    /// Whether the reconciliation identity holds exactly (<see cref="ReconciliationDifference"/> is 0) and the running
    /// <see cref="CostBasis"/> equals the sum over the positions.
    /// </summary>
    public bool Reconciles => ReconciliationDifference() == 0m && CostBasis == SumOfPositionCostBases();

    /// <summary>The quantity held of a symbol (0 when none).</summary>
    public decimal QuantityOf(Symbol symbol) => _positions.TryGetValue(symbol, out var position) ? position.Quantity : 0m;

    /// <summary>The open position of a symbol, or null.</summary>
    public Position? PositionOf(Symbol symbol) => _positions.GetValueOrDefault(symbol);

    /// <summary>The quantity rule fills of <paramref name="symbol"/> must respect.</summary>
    public QuantityRule QuantityRuleFor(Symbol symbol) => _quantityRules(symbol);

    /// <summary>
    /// (Cash + Σ cost basis − realized P&amp;L + fees) − (deposits − withdrawals), from the positions themselves.
    /// Always exactly 0; a non-zero value is a bug.
    /// </summary>
    public decimal ReconciliationDifference() => Cash + SumOfPositionCostBases() - RealizedPnL + Fees - (Deposits - Withdrawals);

    private decimal SumOfPositionCostBases()
    {
        var total = 0m;
        foreach (var position in _positions.Values)
        {
            total += position.CostBasis;
        }

        return total;
    }

    /// <summary>Pays cash in (positive amount) at <paramref name="time"/> (UTC).</summary>
    public LedgerEntry Deposit(decimal amount, DateTime time, string note = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentNullException.ThrowIfNull(note);
        CheckUtc(time, nameof(time));
        Cash += amount;
        Deposits += amount;
        return Append(time, LedgerEntryKind.Deposit, amount, null, 0m, 0m, 0m, null, note);
    }

    /// <summary>
    /// Takes cash out (positive amount) at <paramref name="time"/> (UTC). More than <see cref="Cash"/> is refused with
    /// <see cref="PortfolioRejectedException"/> (<see cref="PortfolioRejectReason.InsufficientCash"/>), changing nothing.
    /// </summary>
    public LedgerEntry Withdraw(decimal amount, DateTime time, string note = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentNullException.ThrowIfNull(note);
        CheckUtc(time, nameof(time));
        if (amount > Cash)
        {
            throw new PortfolioRejectedException(new PortfolioRejection(
                PortfolioRejectReason.InsufficientCash,
                string.Create(CultureInfo.InvariantCulture, $"withdrawal of {DecimalText.Of(amount)} refused: cash is {DecimalText.Of(Cash)}")));
        }

        Cash -= amount;
        Withdrawals += amount;
        return Append(time, LedgerEntryKind.Withdrawal, -amount, null, 0m, 0m, 0m, null, note);
    }

    /// <summary>
    /// Books a fill: a buy pays notional + commission from cash and adds to the position at weighted-average cost;
    /// a sell receives notional − commission, keeps the average cost, realizes (price − average cost) × quantity and
    /// removes the position when it reaches zero. A refused fill throws <see cref="PortfolioRejectedException"/>
    /// and changes nothing. A malformed fill (quantity or price not positive, negative commission, quantity off the
    /// symbol's <see cref="QuantityRule"/>, time not UTC) is a bug and throws <see cref="ArgumentException"/>.
    /// </summary>
    public void Apply(Fill fill)
    {
        if (!TryApply(fill, out var rejection))
        {
            throw new PortfolioRejectedException(rejection);
        }
    }

    /// <summary>As <see cref="Apply"/>, but a refusal is returned instead of thrown (nothing changes then).</summary>
    public bool TryApply(Fill fill, [NotNullWhen(false)] out PortfolioRejection? rejection) => TryApply(in fill, out rejection, out _, out _);

    /// <summary>
    /// As <see cref="TryApply(Fill, out PortfolioRejection?)"/>, also giving the quantity of the symbol held after the
    /// fill and the fill's notional (quantity × price, computed once for the check, the position and the cash).
    /// </summary>
    internal bool TryApply(in Fill fill, [NotNullWhen(false)] out PortfolioRejection? rejection, out decimal heldAfter, out decimal notional)
    {
        heldAfter = 0m;
        rejection = Check(in fill, out notional);
        if (rejection is not null)
        {
            return false;
        }

        if (fill.Side == OrderSide.Buy)
        {
            var position = _positions.TryGetValue(fill.Symbol, out var held)
                ? held.Buy(fill.Quantity, fill.Price, notional, fill.Commission)
                : Position.Open(fill.Symbol, fill.Quantity, fill.Price, notional, fill.Commission);
            _positions[fill.Symbol] = position;
            heldAfter = position.Quantity;
            CostBasis += notional;
            Cash -= notional;
            Append(fill.Time, LedgerEntryKind.Buy, -notional, fill.Symbol, fill.Quantity, fill.Price, 0m, fill.OrderId, fill.Reason);
        }
        else
        {
            var before = _positions[fill.Symbol];
            var after = before.Sell(fill.Quantity, fill.Price, notional, fill.Commission);
            var realized = after.RealizedPnL - before.RealizedPnL;
            if (after.IsClosed)
            {
                _positions.Remove(fill.Symbol);
            }
            else
            {
                _positions[fill.Symbol] = after;
            }

            heldAfter = after.Quantity;
            CostBasis -= before.CostBasis - after.CostBasis;
            Cash += notional;
            RealizedPnL += realized;
            Append(fill.Time, LedgerEntryKind.Sell, notional, fill.Symbol, fill.Quantity, fill.Price, realized, fill.OrderId, fill.Reason);
        }

        if (fill.Commission > 0m)
        {
            Cash -= fill.Commission;
            Fees += fill.Commission;
            Append(fill.Time, LedgerEntryKind.Fee, -fill.Commission, fill.Symbol, 0m, 0m, 0m, fill.OrderId, fill.Reason);
        }

        return true;
    }

    /// <summary>
    /// Whether a fill would be refused, without booking it: the refusal, or null when <see cref="Apply"/> would accept it.
    /// Throws <see cref="ArgumentException"/> for a malformed fill as <see cref="Apply"/> does.
    /// </summary>
    public PortfolioRejection? Check(Fill fill) => Check(in fill, out _);

    private PortfolioRejection? Check(in Fill fill, out decimal notional)
    {
        CheckUtc(fill.Time, nameof(fill));
        if (fill.Quantity <= 0m || fill.Price <= 0m || fill.Commission < 0m)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"fill of order {fill.OrderId} has quantity {DecimalText.Of(fill.Quantity)}, price {DecimalText.Of(fill.Price)}, commission {DecimalText.Of(fill.Commission)}: quantity and price must be positive, commission not negative"),
                nameof(fill));
        }

        var rule = _quantityRules(fill.Symbol);
        if (!rule.IsValid(fill.Quantity))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"fill of order {fill.OrderId}: quantity {DecimalText.Of(fill.Quantity)} {fill.Symbol} is not a multiple allowed by its rule ({rule}); round it with QuantityRule.RoundDown"),
                nameof(fill));
        }

        // After the checks above: a malformed fill is an ArgumentException, not an overflow of its product.
        notional = fill.Notional;
        var costBasis = CostBasis;
        if (fill.Side == OrderSide.Buy)
        {
            var cost = notional + fill.Commission;
            var cashAfterBuy = Cash - cost;
            return cashAfterBuy >= 0m ? null : CheckFunding(cashAfterBuy, costBasis + notional, fill, BuyRefused(fill, cost));
        }

        if (!_positions.TryGetValue(fill.Symbol, out var held))
        {
            return new PortfolioRejection(PortfolioRejectReason.InsufficientQuantity, string.Create(CultureInfo.InvariantCulture,
                $"sell of {DecimalText.Of(fill.Quantity)} {fill.Symbol} refused: none held (long only; short selling is not supported)"));
        }

        if (fill.Quantity > held.Quantity)
        {
            return new PortfolioRejection(PortfolioRejectReason.InsufficientQuantity, string.Create(CultureInfo.InvariantCulture,
                $"sell of {DecimalText.Of(fill.Quantity)} {fill.Symbol} refused: only {DecimalText.Of(held.Quantity)} held (long only; short selling is not supported)"));
        }

        // A sell only needs funding in the odd case where its commission exceeds its proceeds.
        var cashAfter = Cash + notional - fill.Commission;
        return fill.Commission <= notional
            ? null
            : CheckFunding(cashAfter, costBasis - held.CostReleasedBy(fill.Quantity), fill, SellRefused(fill, notional));
    }

    /// <summary>
    /// Values the portfolio at <paramref name="price"/> (the latest price per symbol, or null when there is none:
    /// such a position is valued at cost and counted in <see cref="PortfolioSnapshot.UnpricedPositions"/>).
    /// One pass over the positions, no allocation.
    /// </summary>
    public PortfolioSnapshot MarkToMarket(Func<Symbol, decimal?> price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var marketValue = 0m;
        var costBasis = 0m;
        var gross = 0m;
        var unpriced = 0;
        foreach (var position in _positions.Values)
        {
            costBasis += position.CostBasis;
            decimal value;
            if (price(position.Symbol) is { } p)
            {
                value = position.Quantity * p;
            }
            else
            {
                value = position.CostBasis;
                unpriced++;
            }

            marketValue += value;
            gross += Math.Abs(value);
        }

        return new PortfolioSnapshot(Cash, marketValue, costBasis, marketValue - costBasis, gross, RealizedPnL, Fees, NetContributions, _positions.Count, unpriced);
    }

    // The messages are built by lambdas made in these helpers, not in Check: a lambda there would capture Check's
    // parameter and allocate its closure on every fill, refused or not.
    private Func<string> BuyRefused(Fill fill, decimal cost) => () => string.Create(CultureInfo.InvariantCulture,
        $"buy of {DecimalText.Of(fill.Quantity)} {fill.Symbol} at {DecimalText.Of(fill.Price)} refused: costs {DecimalText.Of(cost)} with commission {DecimalText.Of(fill.Commission)}, cash is {DecimalText.Of(Cash)}");

    private Func<string> SellRefused(Fill fill, decimal notional) => () => string.Create(CultureInfo.InvariantCulture,
        $"sell of {DecimalText.Of(fill.Quantity)} {fill.Symbol} at {DecimalText.Of(fill.Price)} refused: commission {DecimalText.Of(fill.Commission)} exceeds proceeds {DecimalText.Of(notional)} and cash is {DecimalText.Of(Cash)}");

    private PortfolioRejection? CheckFunding(decimal cashAfter, decimal costBasisAfter, Fill fill, Func<string> describe)
    {
        if (cashAfter >= 0m)
        {
            return null;
        }

        if (MaxLeverage == 1m)
        {
            return new PortfolioRejection(PortfolioRejectReason.InsufficientCash, describe());
        }

        var equityAtCost = cashAfter + costBasisAfter;
        var limit = MaxLeverage * equityAtCost;
        return costBasisAfter <= limit
            ? null
            : new PortfolioRejection(PortfolioRejectReason.LeverageExceeded, string.Create(CultureInfo.InvariantCulture,
                $"{(fill.Side == OrderSide.Buy ? "buy" : "sell")} of {DecimalText.Of(fill.Quantity)} {fill.Symbol} at {DecimalText.Of(fill.Price)} refused: gross exposure at cost would be {DecimalText.Of(costBasisAfter)}, above {DecimalText.Of(MaxLeverage)} × equity at cost {DecimalText.Of(equityAtCost)} = {DecimalText.Of(limit)}"));
    }

    private LedgerEntry Append(DateTime time, LedgerEntryKind kind, decimal amount, Symbol? symbol, decimal quantity, decimal price, decimal realized, long? orderId, string note)
    {
        var entry = new LedgerEntry(_entries.Count + 1, time, kind, amount, Cash, symbol, quantity, price, realized, orderId, note);
        _entries.Add(entry);
        return entry;
    }

    private static void CheckUtc(DateTime time, string name)
    {
        if (time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"time {time:O} must be UTC"), name);
        }
    }
}
