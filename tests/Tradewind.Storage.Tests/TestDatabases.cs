using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests;

/// <summary>Fresh databases of either dialect for one test: a SQLite file in a temp folder or a new PostgreSQL database.</summary>
public sealed class TestDatabases(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    public string TempPath => _temp.Path;

    public async Task<DatabaseTarget> CreateTargetAsync(DatabaseDialect dialect) => dialect == DatabaseDialect.Sqlite
        ? DatabaseTarget.Parse($"tradewind-{Guid.NewGuid():N}.db", _temp.Path)
        : DatabaseTarget.Parse(await postgres.CreateDatabaseAsync(), _temp.Path);

    public async Task<TradewindDatabase> OpenAsync(DatabaseDialect dialect) =>
        await TradewindDatabase.OpenAsync(await CreateTargetAsync(dialect), TestContext.Current.CancellationToken);

    public void Dispose() => _temp.Dispose();
}
