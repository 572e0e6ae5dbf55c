using Tradewind.Configuration.Settings;
using Tradewind.Data.Providers;
using Tradewind.Jobs.Daily;
using Tradewind.Storage;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// The whole trading day of the capital allocator in order: fetch the date's prices, generate the date's signal,
/// execute it at the date's open. Each step is its own transaction and idempotent, so a day interrupted half way is
/// completed by running it again. On a day the exchange is closed every step says so and nothing is done.
/// </summary>
public sealed class RunDayJob
{
    private readonly TradewindDatabase _database;
    private readonly StrategySettings _strategy;
    private readonly IDailyBarProvider _provider;
    private readonly TimeProvider _time;

    /// <summary>Creates the day over <paramref name="database"/>, fetching from <paramref name="provider"/>.</summary>
    public RunDayJob(TradewindDatabase database, StrategySettings strategy, IDailyBarProvider provider, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Runs fetch, signal and execute for <paramref name="date"/>; <paramref name="report"/> hears each step's outcome as it ends.</summary>
    /// <exception cref="JobInputException">A step failed; the steps before it are stored, the failed one stored nothing.</exception>
    public async Task<IReadOnlyList<DailyJobOutcome>> RunAsync(DateOnly date, Action<DailyJobOutcome>? report = null, CancellationToken cancellationToken = default)
    {
        if (TradingDate.ClosedOutcome("run-day", date) is { } closed)
        {
            report?.Invoke(closed);
            return [closed];
        }

        var outcomes = new List<DailyJobOutcome>(3);
        void Done(DailyJobOutcome outcome)
        {
            outcomes.Add(outcome);
            report?.Invoke(outcome);
        }

        // Only the assets are needed here; the signal step seeds the registry on the first run once its input is sound.
        var (parameters, _) = await new AllocatorParameterSource(_database, _strategy, _time).CurrentAsync(cancellationToken);
        foreach (var fetched in await AllocatorSymbols.FetchAsync(_database, _provider, parameters.Assets, date, cancellationToken))
        {
            Done(fetched);
        }
        Done(await new GenerateSignalJob(_database, _strategy, _time).RunAsync(date, cancellationToken));
        Done(await new ExecuteTradesJob(_database, _strategy, _time).RunAsync(date, cancellationToken));
        return outcomes;
    }
}
