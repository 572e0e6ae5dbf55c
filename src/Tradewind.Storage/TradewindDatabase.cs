using System.Data.Common;
using Tradewind.Storage.Connections;
using Tradewind.Storage.Migrations;

namespace Tradewind.Storage;

/// <summary>
/// The Tradewind database behind a <see cref="DatabaseTarget"/>: opening it brings its schema to the
/// newest version, so every repository can rely on the tables being there.
/// </summary>
public sealed class TradewindDatabase
{
    private TradewindDatabase(DatabaseTarget target)
    {
        Target = target;
    }

    /// <summary>Where the database is.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The dialect.</summary>
    public DatabaseDialect Dialect => Target.Dialect;

    /// <summary>Opens the database (creating a SQLite file on first use) and applies pending migrations.</summary>
    public static async Task<TradewindDatabase> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var connection = await target.OpenAsync(cancellationToken);
        await MigrationRunner.ApplyAsync(connection, target.Dialect, cancellationToken);
        return new TradewindDatabase(target);
    }

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    public Task<DbConnection> ConnectAsync(CancellationToken cancellationToken = default) => Target.OpenAsync(cancellationToken);
}
