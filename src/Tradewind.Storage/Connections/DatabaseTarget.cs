using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradewind.Storage.Connections;

/// <summary>
/// Where the database is: a SQLite file path or a PostgreSQL connection string, as a user writes it
/// in <c>--db</c>. Knows how to open a connection and how to show itself with the password masked.
/// </summary>
public sealed class DatabaseTarget
{
    /// <summary>The SQLite file used when nothing else is configured, relative to the working directory.</summary>
    public const string DefaultSqlitePath = "data/tradewind.db";

    private DatabaseTarget(DatabaseDialect dialect, string connectionString, string display, string? sqliteFile)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        Display = display;
        SqliteFile = sqliteFile;
    }

    /// <summary>The dialect.</summary>
    public DatabaseDialect Dialect { get; }

    /// <summary>The provider connection string (contains the password for PostgreSQL: never print it).</summary>
    public string ConnectionString { get; }

    /// <summary>A description safe to print: the file path, or host/port/database with the password masked.</summary>
    public string Display { get; }

    /// <summary>The full path of the SQLite file; null for PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>
    /// Reads a <c>--db</c> value: null or empty means <see cref="DefaultSqlitePath"/> under
    /// <paramref name="workingDirectory"/>; <c>postgres://</c>/<c>postgresql://</c> URLs and
    /// <c>Host=...</c> connection strings mean PostgreSQL; <c>Data Source=...</c> or anything else is a SQLite path.
    /// </summary>
    public static DatabaseTarget Parse(string? setting, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var value = setting?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Sqlite(Path.Combine(workingDirectory, DefaultSqlitePath));
        }

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(value));
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
            {
                return Postgres(value);
            }

            if (builder.TryGetValue("Data Source", out var source) || builder.TryGetValue("DataSource", out source))
            {
                return Sqlite(Path.Combine(workingDirectory, Convert.ToString(source, System.Globalization.CultureInfo.InvariantCulture)!));
            }

            throw new ArgumentException(
                $"database setting '{Mask(value)}' is neither a PostgreSQL connection string (Host=...;Database=...) nor a SQLite 'Data Source=FILE'");
        }

        return Sqlite(Path.Combine(workingDirectory, value));
    }

    /// <summary>Opens a connection, creating the SQLite file and its folder when they do not exist yet.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        if (Dialect == DatabaseDialect.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SqliteFile)!);
            connection = new SqliteConnection(ConnectionString);
        }
        else
        {
            connection = new NpgsqlConnection(ConnectionString);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Dialect == DatabaseDialect.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                // WAL lets readers (the dashboard, `data list`) run while a job writes; foreign keys are off by default in SQLite.
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException($"cannot open database {Display}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    private static DatabaseTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true };
        return new DatabaseTarget(DatabaseDialect.Sqlite, builder.ToString(), full, full);
    }

    private static DatabaseTarget Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"PostgreSQL connection string '{Mask(connectionString)}' is invalid: {ex.Message}", ex);
        }

        var display = $"postgresql://{builder.Username}{(string.IsNullOrEmpty(builder.Password) ? "" : ":****")}@{builder.Host}:{builder.Port}/{builder.Database}";
        return new DatabaseTarget(DatabaseDialect.Postgres, builder.ConnectionString, display, null);
    }

    private static string FromUrl(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }

    private static string Mask(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }

        foreach (var key in new[] { "Password", "Pwd" })
        {
            if (builder.ContainsKey(key))
            {
                builder[key] = "****";
            }
        }

        return builder.ConnectionString;
    }
}
