using Tradewind.Core.Market;

namespace Tradewind.Data.Providers;

/// <summary>A source of daily OHLCV bars for one symbol over an inclusive range of exchange dates.</summary>
/// <remarks>
/// <para>
/// Dates are exchange-local trading dates (America/New_York for US equities), not instants. The answer is a
/// <see cref="Resolution.Daily"/> series, oldest first, holding only bars dated within <c>from..to</c>, every bar
/// checked with <see cref="Bar.Validate"/>; a range without sessions (a weekend, a holiday, dates the source does
/// not have yet) gives an empty series, not an error.
/// </para>
/// <para>
/// Every failure the user can act on (a missing API key, an unknown symbol, a rate limit, a missing file,
/// bad data, an unreachable server) is a <see cref="MarketDataProviderException"/>: no bars come back, so the
/// caller stores nothing. Cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </para>
/// </remarks>
public interface IDailyBarProvider
{
    /// <summary>The provider's short name as configuration spells it: <c>alphavantage</c>, <c>csv</c>, <c>sim</c>.</summary>
    string Name { get; }

    /// <summary>What the bars are, for people: names the source, and says so when the prices are not market data.</summary>
    string Description { get; }

    /// <summary>The daily bars of <paramref name="symbol"/> dated <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="from">The first exchange date wanted.</param>
    /// <param name="to">The last exchange date wanted; not before <paramref name="from"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="MarketDataProviderException">The provider could not give valid bars; nothing is returned.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
