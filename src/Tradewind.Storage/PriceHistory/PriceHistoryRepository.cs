using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.PriceHistory;

/// <summary>Reads and writes the <c>price_history</c> table on either dialect.</summary>
public sealed class PriceHistoryRepository
{
    private readonly TradewindDatabase _database;

    /// <summary>Creates a repository over an opened (migrated) database.</summary>
    public PriceHistoryRepository(TradewindDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>
    /// Inserts or updates every bar of every series in ONE transaction: either all series are stored
    /// or, on any failure, none. Storing the same bars twice changes nothing.
    /// </summary>
    public async Task<IReadOnlyList<PriceUpsertResult>> UpsertAsync(IReadOnlyList<BarSeries> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var results = new List<PriceUpsertResult>(series.Count);
        foreach (var s in series)
        {
            results.Add(_database.Dialect == DatabaseDialect.Sqlite
                ? await SqlitePriceWriter.UpsertAsync(connection, transaction, s, cancellationToken)
                : await PostgresPriceWriter.UpsertAsync(connection, transaction, s, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// Stores only the bars that are not stored yet, for every series in ONE transaction, and never changes a stored
    /// bar: a stored date is skipped, and when the series reports other values for it, the result lists both so the
    /// caller can warn (the daily fetch; <see cref="UpsertAsync"/> is the import that corrects stored bars).
    /// Storing the same bars twice changes nothing.
    /// </summary>
    public async Task<IReadOnlyList<PriceInsertResult>> InsertNewAsync(IReadOnlyList<BarSeries> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var results = new List<PriceInsertResult>(series.Count);
        foreach (var s in series)
        {
            results.Add(_database.Dialect == DatabaseDialect.Sqlite
                ? SqlitePriceWriter.InsertNew((SqliteConnection)connection, s, cancellationToken)
                : await PostgresPriceWriter.InsertNewAsync(connection, transaction, s, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>One row per (symbol, resolution) with its first and last bar and row count.</summary>
    public async Task<IReadOnlyList<PriceHistorySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        const string sql = "SELECT symbol, resolution, MIN(ts) AS first_ts, MAX(ts) AS last_ts, COUNT(*) AS row_count FROM price_history GROUP BY symbol, resolution ORDER BY symbol, resolution";
        var summaries = new List<PriceHistorySummary>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new PriceHistorySummary(
                reader.GetString(0),
                Resolution.Parse(reader.GetString(1)),
                ReadTime(reader, 2),
                ReadTime(reader, 3),
                reader.GetInt64(4)));
        }

        return summaries;
    }

    /// <summary>
    /// Loads the bars of <paramref name="symbol"/> at <paramref name="resolution"/> whose start lies in
    /// [<paramref name="from"/>, <paramref name="to"/>] (either bound optional), in time order.
    /// </summary>
    public async Task<BarSeries> LoadAsync(Symbol symbol, Resolution resolution, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT ts, open, high, low, close, volume, adj_close FROM price_history " +
            "WHERE symbol = @symbol AND resolution = @resolution AND ts >= @from AND ts <= @to ORDER BY ts";
        AddParameter(command, "symbol", symbol.Ticker);
        AddParameter(command, "resolution", resolution.ToString());
        AddParameter(command, "from", ToDatabaseTime(from ?? DateTime.UnixEpoch.AddYears(-100)));
        AddParameter(command, "to", ToDatabaseTime(to ?? new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var series = new BarSeries(symbol, resolution);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            series.Add(new Bar(
                ReadTime(reader, 0),
                reader.GetDouble(1),
                reader.GetDouble(2),
                reader.GetDouble(3),
                reader.GetDouble(4),
                reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        }

        // The series grew by doubling; a loaded series is kept for a whole run, so it should cost only its bars.
        series.TrimExcess();
        return series;
    }

    /// <summary>The number of stored bars of one symbol (all resolutions when <paramref name="resolution"/> is null).</summary>
    public async Task<long> CountAsync(string symbol, Resolution? resolution = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return resolution is null
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM price_history WHERE symbol = @symbol", new { symbol }, cancellationToken: cancellationToken))
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM price_history WHERE symbol = @symbol AND resolution = @resolution",
                new { symbol, resolution = resolution.Value.ToString() },
                cancellationToken: cancellationToken));
    }

    private object ToDatabaseTime(DateTime utc) =>
        _database.Dialect == DatabaseDialect.Sqlite ? SqlitePriceWriter.ToUnixSeconds(utc) : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    private DateTime ReadTime(DbDataReader reader, int ordinal) =>
        _database.Dialect == DatabaseDialect.Sqlite
            ? DateTime.UnixEpoch.AddSeconds(reader.GetInt64(ordinal))
            : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
