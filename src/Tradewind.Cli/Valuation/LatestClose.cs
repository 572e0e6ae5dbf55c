using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Cli.Valuation;

/// <summary>The latest stored daily close of a symbol, as an exact decimal, and its trading date.</summary>
/// <param name="Date">The trading date of the bar.</param>
/// <param name="Close">The close.</param>
public sealed record LatestClose(DateOnly Date, decimal Close)
{
    /// <summary>The latest stored daily (1d) close of each of <paramref name="symbols"/> that has one.</summary>
    public static async Task<IReadOnlyDictionary<string, LatestClose>> LoadAsync(
        PriceHistoryRepository prices, IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(symbols);
        var wanted = symbols.ToHashSet(StringComparer.Ordinal);
        var closes = new Dictionary<string, LatestClose>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return closes;
        }

        foreach (var summary in await prices.ListAsync(cancellationToken))
        {
            if (summary.Resolution != Resolution.Daily || !wanted.Contains(summary.Symbol))
            {
                continue;
            }

            var bars = await prices.LoadAsync(Symbol.Parse(summary.Symbol), Resolution.Daily, summary.Last, summary.Last, cancellationToken);
            if (bars.Count > 0)
            {
                var bar = bars[bars.Count - 1];
                closes[summary.Symbol] = new LatestClose(DateOnly.FromDateTime(bar.Time), ToDecimal(bar.Close));
            }
        }

        return closes;
    }

    // Stored closes are doubles that round-trip the vendor's text; their shortest text is that text (412.37, not
    // 412.37000000000001), so the decimal is the price as quoted.
    private static decimal ToDecimal(double close) =>
        decimal.Parse(close.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
