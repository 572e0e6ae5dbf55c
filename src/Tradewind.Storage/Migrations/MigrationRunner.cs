using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.Migrations;

/// <summary>
/// Applies the embedded SQL migrations of a dialect in version order, each in its own transaction
/// together with its row in <c>schema_migrations</c>, so a crash leaves the schema at a whole version.
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
            var sql = ReadResource(assembly, resource);
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

    /// <summary>Brings the database to the newest schema version and returns the migrations it applied.</summary>
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(DbConnection connection, DatabaseDialect dialect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var migrations = Load(dialect);
        var applied = new List<Migration>();
        await using var transaction = await BeginExclusiveAsync(connection, dialect, cancellationToken);
        await connection.ExecuteAsync(
            dialect == DatabaseDialect.Sqlite
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)",
            transaction: transaction);
        var done = (await connection.QueryAsync<(long Version, string Name, string Checksum)>(
                "SELECT version, name, checksum FROM schema_migrations ORDER BY version", transaction: transaction))
            .ToDictionary(r => (int)r.Version);

        foreach (var migration in migrations)
        {
            if (done.TryGetValue(migration.Version, out var row))
            {
                if (row.Checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"migration {migration.Version:D4}_{migration.Name} was changed after it was applied to this database; " +
                        "never edit an applied migration, add a new one instead");
                }

                continue;
            }

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
            applied.Add(migration);
        }

        var newest = done.Count == 0 ? 0 : done.Keys.Max();
        if (newest > migrations.Count)
        {
            throw new InvalidOperationException(
                $"this database is at schema version {newest}, newer than this program knows ({migrations.Count}); upgrade Tradewind");
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

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
