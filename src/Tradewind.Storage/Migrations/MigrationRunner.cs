using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.Migrations;

/// <summary>
/// Applies the embedded SQL migrations of a dialect in version order, together with their rows in
/// <c>schema_migrations</c>, in one transaction, so a crash leaves the schema at the version it had.
/// </summary>
public static class MigrationRunner
{
    /// <summary>The migrations shipped for <paramref name="dialect"/>, in version order.</summary>
    public static IReadOnlyList<Migration> Load(DatabaseDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var folder = dialect == DatabaseDialect.Sqlite ? "sqlite" : "postgres";
        var prefix = $"{assembly.GetName().Name}.Migrations.{folder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
            // Line endings do not change a migration: a CRLF checkout must not look like an edited script.
            var sql = ReadResource(assembly, resource).Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName[(separator + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{folder} migrations must be numbered 1, 2, 3 ... without gaps; found {migrations[i].Version} at position {i + 1}");
            }
        }

        return migrations;
    }

    /// <summary>
    /// Brings the database to the newest schema version and returns the migrations it applied. All pending
    /// migrations are applied in ONE transaction (DDL is transactional on both dialects), so an upgrade is
    /// all or nothing. A database that is already current is only read: no write lock is taken, so opening
    /// it never waits for another process that is writing (SQLite allows one writer at a time).
    /// </summary>
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(DbConnection connection, DatabaseDialect dialect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var migrations = Load(dialect);
        if (await SchemaTableExistsAsync(connection, dialect, null))
        {
            var applied = await ReadAppliedAsync(connection, null);
            Verify(migrations, applied);
            if (applied.Count == migrations.Count)
            {
                return [];
            }
        }

        await using var transaction = await BeginExclusiveAsync(connection, dialect, cancellationToken);
        await connection.ExecuteAsync(
            dialect == DatabaseDialect.Sqlite
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)",
            transaction: transaction);

        // Read again under the lock: another process may have migrated since the first look.
        var done = await ReadAppliedAsync(connection, transaction);
        Verify(migrations, done);
        var appliedNow = new List<Migration>();
        foreach (var migration in migrations.Where(m => !done.ContainsKey(m.Version)))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new
                {
                    migration.Version,
                    migration.Name,
                    migration.Checksum,
                    AppliedAt = dialect == DatabaseDialect.Sqlite ? (object)DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) : DateTime.UtcNow,
                },
                transaction);
            appliedNow.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }

    private static void Verify(IReadOnlyList<Migration> migrations, Dictionary<int, string> applied)
    {
        var newest = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (newest > migrations.Count)
        {
            throw new DatabaseSchemaException(
                $"this database is at schema version {newest}, newer than this program knows ({migrations.Count}); upgrade Tradewind");
        }

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
            {
                throw new DatabaseSchemaException(
                    $"migration {migration.Version:D4}_{migration.Name} was changed after it was applied to this database; " +
                    "never edit an applied migration, add a new one instead");
            }
        }
    }

    private static async Task<bool> SchemaTableExistsAsync(DbConnection connection, DatabaseDialect dialect, DbTransaction? transaction) =>
        await connection.ExecuteScalarAsync<long>(
            dialect == DatabaseDialect.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
            transaction: transaction) > 0;

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction) =>
        (await connection.QueryAsync<(long Version, string Checksum)>("SELECT version, checksum FROM schema_migrations ORDER BY version", transaction: transaction))
            .ToDictionary(r => (int)r.Version, r => r.Checksum);

    private static async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, DatabaseDialect dialect, CancellationToken cancellationToken)
    {
        if (dialect == DatabaseDialect.Sqlite)
        {
            // Deferred transactions would let two processes both see "not applied"; take the write lock first.
            var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialize concurrent starters (two jobs, a job and the server) on one advisory lock, released at commit.
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(7385912047)", transaction: transaction);
        return transaction;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
