using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Data.Providers;
using Tradewind.Jobs.Daily;
using Tradewind.Storage;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Jobs.MarketData;

/// <summary>
/// Fetch market data (scheduled 16:35 ET): the daily bars of every asset from the provider, stored insert-only in ONE
/// transaction. A date already stored is skipped; a stored date the provider now reports differently is a warning,
/// never an overwrite; a provider error stores nothing. <see cref="BackfillAsync"/> is the same over a longer range.
/// </summary>
public sealed class FetchPricesJob
{
    /// <summary>The job's name in outcomes and logs.</summary>
    public const string Name = "fetch";

    /// <summary>
    /// Trading days asked for on a daily fetch, ending at the date: a missed day or two (a failed run, a holiday
    /// weekend) is filled by the next run without a backfill.
    /// </summary>
    public const int DailyWindow = 5;

    /// <summary>The longest backfill: 50 years of calendar days.</summary>
    public const int MaxBackfillDays = 18_263;

    private readonly TradewindDatabase _database;
    private readonly IDailyBarProvider _provider;

    /// <summary>Creates the job storing into <paramref name="database"/> what <paramref name="provider"/> returns.</summary>
    public FetchPricesJob(TradewindDatabase database, IDailyBarProvider provider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>Fetches and stores the bars of <paramref name="date"/> (and the few trading days before it) for <paramref name="assets"/>.</summary>
    /// <exception cref="JobInputException">A provider failed, or has no bar for the date yet; nothing was stored.</exception>
    public async Task<DailyJobOutcome> RunAsync(DateOnly date, IReadOnlyList<string> assets, CancellationToken cancellationToken = default)
    {
        if (TradingDate.ClosedOutcome(Name, date) is { } closed)
        {
            return closed;
        }

        var from = TradingDate.Calendar.AddTradingDays(date, -(DailyWindow - 1));
        var series = await FetchAllAsync(assets, from, date, cancellationToken);
        foreach (var s in series)
        {
            if (s.Count == 0 || TradingDate.DateOf(s.Time[s.Count - 1]) != date)
            {
                throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{_provider.Name} has no {s.Symbol} bar for {date:yyyy-MM-dd} yet (latest: {(s.Count == 0 ? "none in the last " + DailyWindow + " trading days" : TradingDate.DateOf(s.Time[s.Count - 1]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}); "
                    + $"nothing was stored. Daily bars exist after the close: fetch at 16:35 New York time or later, or pass --date with an earlier trading day"));
            }
        }

        return await StoreAsync(date, series, cancellationToken);
    }

    /// <summary>
    /// Fetches and stores <paramref name="days"/> calendar days of history ending at <paramref name="end"/> (the
    /// provider returns trading days only) for <paramref name="assets"/>, in one transaction, skipping what is stored.
    /// </summary>
    public async Task<DailyJobOutcome> BackfillAsync(DateOnly end, int days, IReadOnlyList<string> assets, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > MaxBackfillDays)
        {
            throw new JobInputException(string.Create(CultureInfo.InvariantCulture, $"--days {days}: give 1 to {MaxBackfillDays} (calendar days of history to fetch, e.g. --days 365)"));
        }

        if (!TradingDate.Calendar.IsSupported(end))
        {
            throw new JobInputException($"--date {end:yyyy-MM-dd}: the NYSE calendar covers {TradingDate.Calendar.FirstSupportedDate:yyyy-MM-dd} to {TradingDate.Calendar.LastSupportedDate:yyyy-MM-dd}; choose a date inside it");
        }

        var from = end.AddDays(-(days - 1));
        if (from < TradingDate.Calendar.FirstSupportedDate)
        {
            from = TradingDate.Calendar.FirstSupportedDate;
        }

        var series = await FetchAllAsync(assets, from, end, cancellationToken);
        var outcome = await StoreAsync(end, series, cancellationToken);
        return outcome with
        {
            Job = "backfill",
            Message = string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} .. {end:yyyy-MM-dd}: ") + outcome.Message,
        };
    }

    // Every asset is fetched before anything is stored: one provider error and the day stores nothing at all.
    private async Task<List<BarSeries>> FetchAllAsync(IReadOnlyList<string> assets, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
        {
            throw new JobInputException("strategy.capital_allocator.assets is empty: list the symbols to fetch");
        }

        var all = new List<BarSeries>(assets.Count);
        foreach (var asset in assets)
        {
            if (!Symbol.TryParse(asset, out var symbol, out var reason))
            {
                throw new JobInputException($"asset '{asset}' is not a symbol: {reason}; fix strategy.capital_allocator.assets");
            }

            try
            {
                all.Add(await _provider.GetDailyBarsAsync(symbol, from, to, cancellationToken));
            }
            catch (MarketDataProviderException ex)
            {
                throw new JobInputException(ex.Message + " Nothing was stored for any asset.", ex);
            }
        }

        return all;
    }

    private async Task<DailyJobOutcome> StoreAsync(DateOnly date, List<BarSeries> series, CancellationToken cancellationToken)
    {
        var results = await new PriceHistoryRepository(_database).InsertNewAsync(series, cancellationToken);
        var warnings = new List<string>();
        foreach (var result in results)
        {
            foreach (var d in result.Discrepancies)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Symbol} {TradingDate.DateOf(d.Time):yyyy-MM-dd}: {_provider.Name} now reports O/H/L/C/V {d.Incoming.Open}/{d.Incoming.High}/{d.Incoming.Low}/{d.Incoming.Close}/{d.Incoming.Volume}, "
                    + $"stored {d.Stored.Open}/{d.Stored.High}/{d.Stored.Low}/{d.Stored.Close}/{d.Stored.Volume}; the stored bar was kept (re-import the file with `tradewind data import` to replace it on purpose)"));
            }
        }

        var inserted = results.Sum(r => r.Inserted);
        var perSymbol = string.Join(", ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Symbol} {r.Inserted}")));
        var unchanged = results.Sum(r => r.Unchanged);
        var status = inserted > 0 ? DailyJobStatus.Completed : DailyJobStatus.AlreadyDone;
        var message = inserted > 0
            ? string.Create(CultureInfo.InvariantCulture, $"stored {inserted} new daily bars from {_provider.Name} ({perSymbol}); {unchanged} already stored")
            : string.Create(CultureInfo.InvariantCulture, $"nothing new from {_provider.Name}: all {unchanged} bars were already stored");
        return new DailyJobOutcome(Name, date, status, message, warnings);
    }
}
