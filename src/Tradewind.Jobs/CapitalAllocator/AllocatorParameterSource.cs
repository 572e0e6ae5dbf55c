using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Strategies;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Storage;
using Tradewind.Storage.StrategyConfig;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// The allocator's parameters as the daily jobs use them: the ACTIVE version of the <c>trading_config</c> registry,
/// so every signal names the version it was made with. On the very first run, when the registry has no version of
/// the strategy, the configuration's parameters (the defaults unless the files change them) are stored as version 1.
/// Later changes of the files reach the registry through <c>tradewind config apply</c>, not silently.
/// </summary>
public sealed class AllocatorParameterSource
{
    /// <summary>The registry's source name for the first-run seed.</summary>
    public const string SeedSource = "seed";

    private readonly TradewindDatabase _database;
    private readonly StrategySettings _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the source over <paramref name="database"/>, seeding from <paramref name="settings"/> when needed.</summary>
    public AllocatorParameterSource(TradewindDatabase database, StrategySettings settings, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The active parameters and their version id, seeding the registry on the first run.</summary>
    public async Task<(CapitalAllocatorParameters Parameters, long VersionId)> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var registry = new TradingConfigRepository(_database);
        var active = await registry.GetActiveAsync(CapitalAllocatorParameters.StrategyName, cancellationToken);
        if (active is null)
        {
            var seed = StrategyParameters.From(_settings, CapitalAllocatorParameters.StrategyName);
            try
            {
                active = (await registry.ApplyAsync(CapitalAllocatorParameters.StrategyName, seed, SeedSource, "tradewind",
                    "first run of the daily jobs: the configuration's parameters", _time.GetUtcNow(), cancellationToken)).Active;
            }
            catch (TradingConfigConflictException)
            {
                // Another run seeded it at the same moment: use theirs.
                active = await registry.GetActiveAsync(CapitalAllocatorParameters.StrategyName, cancellationToken)
                    ?? throw new InvalidOperationException("the registry reported a concurrent seed but holds no active capital-allocator version");
            }
        }

        return (Read(active.ReadParameters(), active.Id), active.Id);
    }

    /// <summary>
    /// The active parameters and their version id without writing anything: before the first run, when the registry
    /// has no version of the strategy, the configuration's parameters that <see cref="ActiveAsync"/> would seed, with
    /// no version id. For runs that may still fail on their input, which must then leave the registry untouched.
    /// </summary>
    public async Task<(CapitalAllocatorParameters Parameters, long? VersionId)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var active = await new TradingConfigRepository(_database).GetActiveAsync(CapitalAllocatorParameters.StrategyName, cancellationToken);
        return active is null
            ? (From(_settings.CapitalAllocator), null)
            : (Read(active.ReadParameters(), active.Id), active.Id);
    }

    /// <summary>The parameters of version <paramref name="versionId"/> (the one a stored signal names).</summary>
    public async Task<CapitalAllocatorParameters> VersionAsync(long versionId, CancellationToken cancellationToken = default)
    {
        var version = await new TradingConfigRepository(_database).GetAsync(versionId, cancellationToken)
            ?? throw new JobInputException($"trading_config version {versionId} does not exist, but a stored signal names it; the database was edited by hand");
        return Read(version.ReadParameters(), versionId);
    }

    /// <summary>Core's parameters from a registry version's JSON (the shape of <c>strategy.capital_allocator</c>).</summary>
    public static CapitalAllocatorParameters Read(JsonObject parameters, long versionId)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CapitalAllocatorSettings settings;
        try
        {
            settings = StrategyParameters.ReadCapitalAllocator(parameters);
        }
        catch (JsonException ex)
        {
            throw new JobInputException($"trading_config version {versionId}: its parameters are not a capital_allocator block ({ex.Message}); store valid ones with `tradewind config apply`", ex);
        }

        return From(settings);
    }

    /// <summary>Core's parameters from the configuration's <c>strategy.capital_allocator</c> block.</summary>
    public static CapitalAllocatorParameters From(CapitalAllocatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = new CapitalAllocatorParameters
        {
            DailyCapital = settings.DailyCapital,
            Assets = [.. settings.Assets.Select(a => a.Trim().ToUpperInvariant())],
            LookbackDays = settings.LookbackDays,
            MinHistoryDays = settings.MinHistoryDays,
            BullishThreshold = settings.Regime.BullishThreshold,
            BearishThreshold = settings.Regime.BearishThreshold,
            RiskHighThreshold = settings.Risk.HighThreshold,
            RiskMediumThreshold = settings.Risk.MediumThreshold,
            AllocationLowRisk = (decimal)settings.Allocation.LowRisk,
            AllocationMediumRisk = (decimal)settings.Allocation.MediumRisk,
            AllocationHighRisk = (decimal)settings.Allocation.HighRisk,
            AllocationNeutral = (decimal)settings.Allocation.Neutral,
            SellPercentage = (decimal)settings.SellPercentage,
            MomentumWeight = settings.MomentumWeight,
            PriceMomentumWeight = settings.PriceMomentumWeight,
            MaxDrawdownTolerance = settings.MaxDrawdownTolerance,
            MinSharpeTarget = settings.MinSharpeTarget,
        };
        try
        {
            parameters.Validate();
        }
        catch (StrategyParameterException ex)
        {
            throw new JobInputException($"strategy.capital_allocator: {ex.Message}", ex);
        }

        return parameters;
    }
}
