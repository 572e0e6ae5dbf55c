using System.Globalization;

namespace Tradewind.Core.Execution;

/// <summary>
/// Slippage in basis points (1 bp = 0.01%) charged against the trader: a buy pays
/// <c>price × (1 + bps/10,000)</c>, a sell receives <c>price × (1 − bps/10,000)</c>. It applies to orders that
/// execute as market orders (market, market-on-open, market-on-close, stop); limit and stop-limit fills take
/// their computed price unchanged, because a limit is a ceiling (buy) or a floor (sell) the trader set.
/// </summary>
public sealed record SlippageModel
{
    /// <summary>Creates a model charging <paramref name="basisPoints"/>; 0 to 10,000 (100%).</summary>
    public SlippageModel(decimal basisPoints)
    {
        if (basisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(basisPoints),
                basisPoints,
                string.Create(CultureInfo.InvariantCulture, $"slippage must be between 0 and 10000 basis points, got {basisPoints}; e.g. 5 for 0.05%"));
        }

        BasisPoints = basisPoints;
    }

    /// <summary>No slippage.</summary>
    public static SlippageModel None { get; } = new(0m);

    /// <summary>The slippage in basis points.</summary>
    public decimal BasisPoints { get; }

    /// <summary>Whether fills of this order type are slipped: market, market-on-open, market-on-close and stop; not limit or stop-limit.</summary>
    public static bool AppliesTo(OrderType type) => type is OrderType.Market or OrderType.MarketOnOpen or OrderType.MarketOnClose or OrderType.Stop;

    /// <summary>The price after slippage against the trader: higher for a buy, lower for a sell. Rounded to <see cref="ExecutionCosts.MoneyDecimals"/> places (half to even).</summary>
    public decimal Apply(decimal price, OrderSide side)
    {
        if (BasisPoints == 0m)
        {
            return price;
        }

        var factor = BasisPoints / 10_000m;
        // Never below the smallest price money can express: a large slippage on a price of a few satoshis would round to 0.
        return Math.Max(ExecutionCosts.RoundMoney(side == OrderSide.Buy ? price * (1m + factor) : price * (1m - factor)), ExecutionCosts.SmallestPrice);
    }

    /// <summary>The price an order of <paramref name="type"/> actually gets: slipped when <see cref="AppliesTo"/> says so, else unchanged.</summary>
    public decimal Apply(decimal price, OrderSide side, OrderType type) => AppliesTo(type) ? Apply(price, side) : price;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BasisPoints} bps");
}
