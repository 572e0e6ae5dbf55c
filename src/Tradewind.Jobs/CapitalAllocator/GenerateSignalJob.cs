using System.Globalization;
using System.Text.Json;
using Tradewind.Configuration.Settings;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Storage;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// Generate signal (scheduled 06:00 ET): the capital allocator's decision for a trading date from the closes before
/// it, with the active <c>trading_config</c> version, stored as one <c>daily_signals</c> row with every input it used.
/// A date that already has a signal keeps it: re-running changes nothing.
/// </summary>
public sealed class GenerateSignalJob
{
    /// <summary>The job's name in outcomes and logs.</summary>
    public const string Name = "signal";

    private static readonly JsonSerializerOptions FeatureJson = new() { WriteIndented = false };

    private readonly TradewindDatabase _database;
    private readonly AllocatorParameterSource _parameters;
    private readonly TimeProvider _time;

    /// <summary>Creates the job over <paramref name="database"/>; the registry is seeded from <paramref name="settings"/> on the first run.</summary>
    public GenerateSignalJob(TradewindDatabase database, StrategySettings settings, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _parameters = new AllocatorParameterSource(database, settings, time);
    }

    /// <summary>Makes and stores the signal of <paramref name="date"/>, or reports the one already stored.</summary>
    /// <exception cref="JobInputException">Too little or stale price history; nothing was stored.</exception>
    public async Task<DailyJobOutcome> RunAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (TradingDate.ClosedOutcome(Name, date) is { } closed)
        {
            return closed;
        }

        var signals = new DailySignalRepository(_database);
        if (await signals.GetAsync(CapitalAllocatorParameters.StrategyName, date, cancellationToken) is { } existing)
        {
            return new DailyJobOutcome(Name, date, DailyJobStatus.AlreadyDone, "already stored: " + Describe(existing));
        }

        var prices = new PriceHistoryRepository(_database);
        if (await _parameters.CurrentAsync(cancellationToken) is (var pending, null))
        {
            // The first run seeds the registry: the input is checked before, so a first run that fails stores nothing at all.
            Decide(await AllocatorHistory.LoadAsync(prices, pending, date, cancellationToken), pending, date);
        }

        var (parameters, versionId) = await _parameters.ActiveAsync(cancellationToken);
        var decision = Decide(await AllocatorHistory.LoadAsync(prices, parameters, date, cancellationToken), parameters, date);
        var record = ToRecord(decision, date, versionId, _time.GetUtcNow());
        var result = await signals.InsertAsync(record, cancellationToken);
        return result.Inserted
            ? new DailyJobOutcome(Name, date, DailyJobStatus.Completed, "stored: " + Describe(result.Signal) + ". " + decision.Reason)
            : new DailyJobOutcome(Name, date, DailyJobStatus.AlreadyDone, "already stored by another run: " + Describe(result.Signal));
    }

    /// <summary>The signal row of <paramref name="decision"/>: the decision, the inputs it used and the version it was made with.</summary>
    public static DailySignalRecord ToRecord(CapitalAllocatorDecision decision, DateOnly date, long versionId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var action = decision.Action switch
        {
            AllocatorAction.Buy => SignalAction.Buy,
            AllocatorAction.Sell => SignalAction.Sell,
            _ => SignalAction.Hold,
        };
        return new DailySignalRecord(
            CapitalAllocatorParameters.StrategyName,
            date,
            CapitalAllocatorDecision.ModelType,
            action,
            Math.Clamp(decision.Confidence, 0, 1),
            DailySignalRecord.FormatAllocations(decision.Allocations.OrderBy(a => a.Key, StringComparer.Ordinal)),
            JsonSerializer.Serialize(decision.ToFeaturesUsed(), FeatureJson),
            versionId,
            createdAt);
    }

    private static CapitalAllocatorDecision Decide(IReadOnlyList<AssetHistory> histories, CapitalAllocatorParameters parameters, DateOnly date)
    {
        try
        {
            return CapitalAllocatorModel.Decide(histories, parameters);
        }
        catch (InsufficientHistoryException ex)
        {
            throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                $"signal for {date:yyyy-MM-dd}: {ex.Message} (e.g. `tradewind backfill --days {AllocatorHistory.BackfillDays(parameters)}`, or `--days 140` with a free Alpha Vantage key, which reaches only the last 100 sessions); nothing was stored"), ex);
        }
    }

    private static string Describe(DailySignalRecord signal)
    {
        var allocations = signal.ReadAllocations();
        var dollars = allocations.Count == 0 ? "" : " " + string.Join(", ", allocations.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value:0.00}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{signal.Action.ToString().ToUpperInvariant()}{dollars} (confidence {signal.ConfidenceScore:0.00}, config version {signal.ConfigVersionId})");
    }
}
