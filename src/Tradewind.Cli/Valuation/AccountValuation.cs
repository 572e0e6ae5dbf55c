using Tradewind.Storage.PaperTrading;

namespace Tradewind.Cli.Valuation;

/// <summary>
/// A paper account valued at the latest stored closes: its positions, cash, market value, total value and its P&amp;L
/// against everything deposited. Amounts are exact decimals written without trailing zeros; percentages have 2 decimals.
/// </summary>
public sealed class AccountValuation
{
    /// <summary>Values <paramref name="account"/> at <paramref name="closes"/> (by symbol; a symbol without one is valued at cost).</summary>
    public AccountValuation(PaperAccountState account, IReadOnlyDictionary<string, LatestClose> closes)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(closes);
        Account = account;
        Positions = account.Positions.Select(p => new PositionValuation(p, closes.GetValueOrDefault(p.Symbol))).ToList();
        Cash = WithoutTrailingZeros(account.Cash);
        TotalDeposits = WithoutTrailingZeros(account.TotalDeposits);
        MarketValue = WithoutTrailingZeros(Positions.Sum(p => p.MarketValue));
        TotalValue = WithoutTrailingZeros(Cash + MarketValue);
        TotalPnl = WithoutTrailingZeros(TotalValue - TotalDeposits);
    }

    /// <summary>The account as stored.</summary>
    public PaperAccountState Account { get; }

    /// <summary>The positions, by symbol.</summary>
    public IReadOnlyList<PositionValuation> Positions { get; }

    /// <summary>The cash balance.</summary>
    public decimal Cash { get; }

    /// <summary>All cash ever paid in.</summary>
    public decimal TotalDeposits { get; }

    /// <summary>The positions' market value.</summary>
    public decimal MarketValue { get; }

    /// <summary>Cash + market value.</summary>
    public decimal TotalValue { get; }

    /// <summary>Total value − total deposits: realized and unrealized P&amp;L together.</summary>
    public decimal TotalPnl { get; }

    /// <summary>Total P&amp;L as a percentage of the deposits; null before any deposit.</summary>
    public decimal? TotalPnlPercent => Percent(TotalPnl, TotalDeposits);

    /// <summary>A position's share of the total value (cash included), in percent; null when the account is worth nothing.</summary>
    public decimal? WeightPercent(PositionValuation position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Percent(position.MarketValue, TotalValue);
    }

    /// <summary>
    /// The value without trailing zeros: products of stored quantities and prices carry the scale of both
    /// (2.5000 × 475.20 = 1188.000000), which says nothing about their precision.
    /// </summary>
    internal static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100 to 2 decimals (half away from zero); null for a zero whole.</summary>
    internal static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : WithoutTrailingZeros(Math.Round(part / whole * 100, 2, MidpointRounding.AwayFromZero));
}
