using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// The closes a decision for a trading date may use: each asset's stored daily closes of the trading days BEFORE the
/// date (never the date's own bar: the signal is made before the open), the last <c>lookback_days</c> + 1 of them
/// however far back they reach when bars are missing (as the backtest's strategy takes them).
/// </summary>
public static class AllocatorHistory
{
    /// <summary>
    /// Loads the histories of <paramref name="parameters"/>' assets for a decision on <paramref name="date"/>. The last
    /// close of each must be the previous trading day's: a decision on stale prices is refused, naming the fetch to run.
    /// </summary>
    public static async Task<IReadOnlyList<AssetHistory>> LoadAsync(
        PriceHistoryRepository prices, CapitalAllocatorParameters parameters, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(parameters);
        var previous = TradingDate.Calendar.PreviousTradingDay(date);
        // lookback_days returns need lookback_days + 1 closes; a few trading days more in case of a missing bar.
        var from = TradingDate.Calendar.AddTradingDays(previous, -(parameters.LookbackDays + 5));
        var histories = new List<AssetHistory>(parameters.Assets.Count);
        foreach (var asset in parameters.Assets)
        {
            var bars = await prices.LoadAsync(Symbol.Parse(asset), Resolution.Daily, TradingDate.BarTime(from), TradingDate.BarTime(previous), cancellationToken);
            if (bars.Count == 0)
            {
                throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                    $"no {asset} prices are stored before {date:yyyy-MM-dd}: the capital allocator needs {parameters.MinHistoryDays + 1} daily closes up to {previous:yyyy-MM-dd}; "
                    + $"run `tradewind backfill --days {BackfillDays(parameters)}` (a free Alpha Vantage key reaches only the last 100 sessions: `--days 140` is enough for a first decision), or `tradewind data import {asset}.csv`, first"));
            }

            var last = TradingDate.DateOf(bars.Time[bars.Count - 1]);
            if (last != previous)
            {
                throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                    $"the latest stored {asset} close is {last:yyyy-MM-dd}, but a decision for {date:yyyy-MM-dd} needs the close of the previous trading day {previous:yyyy-MM-dd}; "
                    + $"run `tradewind fetch --date {previous:yyyy-MM-dd}` first (nothing was stored)"));
            }

            var closes = bars.Close;
            if (closes.Length < parameters.LookbackDays + 1)
            {
                // More bars missing in the window than its spare days (a provider's gap): read everything stored up to
                // the previous trading day, so the decision uses the last lookback_days + 1 stored closes, as the
                // backtest's strategy does with the same bars.
                closes = (await prices.LoadAsync(Symbol.Parse(asset), Resolution.Daily, null, TradingDate.BarTime(previous), cancellationToken)).Close;
            }

            var take = Math.Min(closes.Length, parameters.LookbackDays + 1);
            histories.Add(new AssetHistory(asset, closes[^take..].ToArray()));
        }

        return histories;
    }

    /// <summary>Calendar days of backfill that cover <c>lookback_days</c> trading days with room to spare.</summary>
    public static int BackfillDays(CapitalAllocatorParameters parameters) => (int)Math.Ceiling((parameters.LookbackDays + 10) * 365.25 / 252);
}
