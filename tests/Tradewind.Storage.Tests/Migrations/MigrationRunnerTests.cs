using Dapper;
using Tradewind.Storage.Connections;
using Tradewind.Storage.Migrations;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.Migrations;

public sealed class MigrationRunnerTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Fact]
    public void Both_dialects_ship_the_same_numbered_migrations()
    {
        var sqlite = MigrationRunner.Load(DatabaseDialect.Sqlite).Select(m => (m.Version, m.Name));
        var postgresMigrations = MigrationRunner.Load(DatabaseDialect.Postgres).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgresMigrations);
        Assert.Contains((1, "price_history"), sqlite);
        Assert.Contains((2, "trading_config"), sqlite);
        Assert.Contains((3, "backtest_runs"), sqlite);
        Assert.Contains((4, "capital_allocator"), sqlite);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Applies_every_migration_once_and_records_it(DatabaseDialect dialect)
    {
        var target = await _databases.CreateTargetAsync(dialect);
        await using var connection = await target.OpenAsync(Ct);

        var first = await MigrationRunner.ApplyAsync(connection, dialect, Ct);
        var second = await MigrationRunner.ApplyAsync(connection, dialect, Ct);

        Assert.Equal(MigrationRunner.Load(dialect).Count, first.Count);
        Assert.Empty(second);
        Assert.Equal(first.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Refuses_a_database_whose_applied_migration_was_edited(DatabaseDialect dialect)
    {
        var target = await _databases.CreateTargetAsync(dialect);
        await using var connection = await target.OpenAsync(Ct);
        await MigrationRunner.ApplyAsync(connection, dialect, Ct);
        await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<DatabaseSchemaException>(() => MigrationRunner.ApplyAsync(connection, dialect, Ct));
        Assert.Contains("0001_price_history was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Refuses_a_database_from_a_newer_version(DatabaseDialect dialect)
    {
        var target = await _databases.CreateTargetAsync(dialect);
        await using var connection = await target.OpenAsync(Ct);
        await MigrationRunner.ApplyAsync(connection, dialect, Ct);
        await connection.ExecuteAsync(dialect == DatabaseDialect.Sqlite
            ? "INSERT INTO schema_migrations VALUES (999, 'future', 'x', '2030-01-01')"
            : "INSERT INTO schema_migrations VALUES (999, 'future', 'x', now())");

        var error = await Assert.ThrowsAsync<DatabaseSchemaException>(() => MigrationRunner.ApplyAsync(connection, dialect, Ct));
        Assert.Contains("newer than this program knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_current_sqlite_database_opens_and_reads_while_another_process_writes()
    {
        var target = await _databases.CreateTargetAsync(DatabaseDialect.Sqlite);
        var database = await TradewindDatabase.OpenAsync(target, Ct);
        await new PriceHistoryRepository(database).UpsertAsync([PriceHistory.PriceHistoryRepositoryTests.DailySeries("SPY", new DateOnly(2024, 1, 2), 3)], Ct);

        // A writer (an import in another process) holds SQLite's single write lock.
        await using var writer = await target.OpenAsync(Ct);
        await using var writing = await writer.BeginTransactionAsync(Ct);
        await writer.ExecuteAsync("DELETE FROM price_history WHERE symbol = 'NONE'", transaction: writing);

        // Opening checks the schema without asking for the write lock, and WAL lets the read through.
        var reader = await TradewindDatabase.OpenAsync(target, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var list = await new PriceHistoryRepository(reader).ListAsync(Ct);

        Assert.Equal(3, Assert.Single(list).Rows);
    }

    public void Dispose() => _databases.Dispose();
}
