using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dapper;
using Tradewind.Core.Market;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Benchmarks;

/// <summary>
/// Bulk import of price history: 200,000 one-minute bars upserted in one transaction into an empty
/// table (new rows) and again (identical rows, the idempotent re-import). Figures are per bar.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
public class PriceImportBenchmarks
{
    private const int Bars = 200_000;
    private readonly TempDirectory _temp = new();
    private readonly PostgresServer _postgres = new();
    private BarSeries _series = null!;
    private PriceHistoryRepository _repository = null!;
    private TradewindDatabase _database = null!;

    [Params(DatabaseDialect.Sqlite, DatabaseDialect.Postgres)]
    public DatabaseDialect Dialect { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _series = SyntheticBars.Minutes("BENCH", Bars, seed: 7);
        string setting;
        if (Dialect == DatabaseDialect.Sqlite)
        {
            setting = _temp.File("bench.db");
        }
        else
        {
            await _postgres.InitializeAsync();
            if (_postgres.UnavailableReason is not null)
            {
                throw new InvalidOperationException(_postgres.UnavailableReason);
            }

            setting = await _postgres.CreateDatabaseAsync();
        }

        _database = await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(setting, _temp.Path));
        _repository = new PriceHistoryRepository(_database);
    }

    [IterationSetup(Target = nameof(InsertNewBars))]
    public void Empty()
    {
        using var connection = _database.ConnectAsync().GetAwaiter().GetResult();
        connection.Execute("DELETE FROM price_history");
    }

    [IterationSetup(Target = nameof(ReimportIdenticalBars))]
    public void Fill()
    {
        _repository.UpsertAsync([_series]).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public Task InsertNewBars() => _repository.UpsertAsync([_series]);

    [Benchmark(OperationsPerInvoke = Bars)]
    public Task ReimportIdenticalBars() => _repository.UpsertAsync([_series]);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
