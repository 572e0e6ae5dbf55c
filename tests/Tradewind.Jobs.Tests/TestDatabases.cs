using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests;

/// <summary>Fresh databases of either dialect for one test: a SQLite file in a temp folder or a new PostgreSQL database.</summary>
public sealed class TestDatabases(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<DatabaseDialect> Dialects => [DatabaseDialect.Sqlite, DatabaseDialect.Postgres];

    /// <summary>A folder that lives as long as the databases, for CSV files and the like.</summary>
    public TempDirectory Folder => _temp;

    public async Task<TradewindDatabase> OpenAsync(DatabaseDialect dialect)
    {
        var target = dialect == DatabaseDialect.Sqlite
            ? DatabaseTarget.Parse($"tradewind-{Guid.NewGuid():N}.db", _temp.Path)
            : DatabaseTarget.Parse(await postgres.CreateDatabaseAsync(), _temp.Path);
        return await TradewindDatabase.OpenAsync(target, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _temp.Dispose();
}
