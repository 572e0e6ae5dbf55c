namespace Tradewind.Storage.Connections;

/// <summary>The SQL dialect of a Tradewind database.</summary>
public enum DatabaseDialect
{
    /// <summary>A SQLite file (the default: data/tradewind.db).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}
