using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Data.Providers;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.MarketData;
using Tradewind.Storage;
using Tradewind.Storage.PaperTrading;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// The symbols whose prices the capital allocator's fetch stores: every configured asset, and, best effort, every
/// symbol its paper account still holds though the active parameters no longer name it (an asset removed with
/// <c>tradewind config apply</c> while held). A bearish day sells a fraction of every holding at that day's open and the
/// portfolio is valued at the closes, so a removed asset's prices are still needed while it is held; the signal never
/// buys it again. Its fetch is separate: a provider that no longer has it must not stop the configured assets'.
/// </summary>
public static class AllocatorSymbols
{
    /// <summary>The held symbols that <paramref name="assets"/> does not name, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> HeldButRemovedAsync(TradewindDatabase database, IReadOnlyList<string> assets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(assets);
        var configured = assets.Select(Ticker).ToHashSet(StringComparer.Ordinal);
        var account = await new PaperAccountRepository(database).LoadAsync(CapitalAllocatorParameters.StrategyName, cancellationToken);
        return [.. account.Positions.Select(p => Ticker(p.Symbol)).Where(s => !configured.Contains(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The fetch of <paramref name="date"/>: the configured assets (a failure is the job's failure, as always), then the
    /// held-but-removed symbols, whose failure is reported as an outcome that names the position and the way out.
    /// </summary>
    public static async Task<IReadOnlyList<DailyJobOutcome>> FetchAsync(
        TradewindDatabase database, IDailyBarProvider provider, IReadOnlyList<string> assets, DateOnly date, CancellationToken cancellationToken = default)
    {
        var job = new FetchPricesJob(database, provider);
        var outcomes = new List<DailyJobOutcome> { await job.RunAsync(date, assets, cancellationToken) };
        if (outcomes[0].Status != DailyJobStatus.MarketClosed)
        {
            foreach (var symbol in await HeldButRemovedAsync(database, assets, cancellationToken))
            {
                outcomes.Add(await BestEffortAsync(symbol, date, () => job.RunAsync(date, [symbol], cancellationToken)));
            }
        }

        return outcomes;
    }

    /// <summary>The backfill ending on <paramref name="end"/>, split as <see cref="FetchAsync"/> splits the fetch.</summary>
    public static async Task<IReadOnlyList<DailyJobOutcome>> BackfillAsync(
        TradewindDatabase database, IDailyBarProvider provider, IReadOnlyList<string> assets, DateOnly end, int days, CancellationToken cancellationToken = default)
    {
        var job = new FetchPricesJob(database, provider);
        var outcomes = new List<DailyJobOutcome> { await job.BackfillAsync(end, days, assets, cancellationToken) };
        foreach (var symbol in await HeldButRemovedAsync(database, assets, cancellationToken))
        {
            outcomes.Add(await BestEffortAsync(symbol, end, () => job.BackfillAsync(end, days, [symbol], cancellationToken)));
        }

        return outcomes;
    }

    private static async Task<DailyJobOutcome> BestEffortAsync(string symbol, DateOnly date, Func<Task<DailyJobOutcome>> fetch)
    {
        try
        {
            return await fetch();
        }
        catch (JobInputException ex)
        {
            return new DailyJobOutcome(FetchPricesJob.Name, date, DailyJobStatus.NothingToDo, string.Create(CultureInfo.InvariantCulture,
                $"{symbol} is held but no longer among the configured assets, and its prices could not be fetched: {ex.Message} "
                + $"The configured assets' prices are stored. A SELL day needs {symbol}'s opening price: import its bars with `tradewind data import {symbol}.csv`."));
        }
    }

    private static string Ticker(string symbol) => Symbol.TryParse(symbol, out var parsed, out _) ? parsed.Ticker : symbol.Trim().ToUpperInvariant();
}
