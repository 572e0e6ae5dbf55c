using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>
/// The PostgreSQL bulk path: binary COPY into a temporary table, then one set-based statement: an upsert that
/// reports how many rows were new (xmax = 0) and how many changed, or an insert of the new rows only.
/// </summary>
internal static class PostgresPriceWriter
{
    private const string MergeSql = """
        WITH upserted AS (
            INSERT INTO price_history AS p (symbol, resolution, ts, open, high, low, close, volume, adj_close)
            SELECT symbol, resolution, ts, open, high, low, close, volume, adj_close FROM price_import
            ON CONFLICT (symbol, resolution, ts) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, adj_close = EXCLUDED.adj_close
            WHERE (p.open, p.high, p.low, p.close, p.volume, p.adj_close)
                IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.adj_close)
            RETURNING (xmax = 0) AS inserted
        )
        SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted) FROM upserted
        """;

    private const string InsertNewSql = """
        WITH inserted AS (
            INSERT INTO price_history (symbol, resolution, ts, open, high, low, close, volume, adj_close)
            SELECT symbol, resolution, ts, open, high, low, close, volume, adj_close FROM price_import
            ON CONFLICT (symbol, resolution, ts) DO NOTHING
            RETURNING 1
        )
        SELECT COUNT(*) FROM inserted
        """;

    // Runs after InsertNewSql in the same transaction: the bars it just inserted equal their import rows, so every row
    // found here was stored before. An adjusted close differs only when both sides have one ("<>" is NULL otherwise).
    private const string DiscrepanciesSql = """
        SELECT i.ts, p.open, p.high, p.low, p.close, p.volume, p.adj_close, i.open, i.high, i.low, i.close, i.volume, i.adj_close
        FROM price_import i
        JOIN price_history p ON p.symbol = i.symbol AND p.resolution = i.resolution AND p.ts = i.ts
        WHERE (p.open, p.high, p.low, p.close, p.volume) IS DISTINCT FROM (i.open, i.high, i.low, i.close, i.volume)
            OR p.adj_close <> i.adj_close
        ORDER BY i.ts
        """;

    public static async Task<PriceUpsertResult> UpsertAsync(DbConnection connection, DbTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await CopyToImportTableAsync(npgsql, (NpgsqlTransaction)transaction, series, cancellationToken);

        await using var merge = new NpgsqlCommand(MergeSql, npgsql, (NpgsqlTransaction)transaction);
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var inserted = (int)reader.GetInt64(0);
        var updated = (int)reader.GetInt64(1);
        return new PriceUpsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, updated);
    }

    /// <summary>
    /// Stores the bars of <paramref name="series"/> that are not stored yet and never changes a stored one; reports the
    /// stored bars whose values differ from the series' (see <see cref="PriceDiscrepancy.Disagree"/>).
    /// </summary>
    public static async Task<PriceInsertResult> InsertNewAsync(DbConnection connection, DbTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var npgsqlTransaction = (NpgsqlTransaction)transaction;
        await CopyToImportTableAsync(npgsql, npgsqlTransaction, series, cancellationToken);
        int inserted;
        await using (var insert = new NpgsqlCommand(InsertNewSql, npgsql, npgsqlTransaction))
        {
            inserted = (int)(long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        var discrepancies = new List<PriceDiscrepancy>();
        await using var compare = new NpgsqlCommand(DiscrepanciesSql, npgsql, npgsqlTransaction);
        await using var reader = await compare.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var time = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
            discrepancies.Add(new PriceDiscrepancy(ReadBar(reader, time, 1), ReadBar(reader, time, 7)));
        }

        return new PriceInsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, discrepancies);
    }

    // Fills the transaction's temporary table price_import with exactly the bars of one series.
    private static async Task CopyToImportTableAsync(NpgsqlConnection npgsql, NpgsqlTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS price_import (LIKE price_history INCLUDING DEFAULTS) ON COMMIT DROP; TRUNCATE price_import",
            npgsql, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var resolution = series.Resolution.ToString();
        var hasAdj = series.HasAdjClose;
        // Synchronous row writes: an await per field costs more than the field itself, and COPY
        // streams through Npgsql's buffer, so the thread only blocks when the buffer is flushed.
        using (var writer = npgsql.BeginBinaryImport(
            "COPY price_import (symbol, resolution, ts, open, high, low, close, volume, adj_close) FROM STDIN (FORMAT BINARY)"))
        {
            var time = series.Time;
            var open = series.Open;
            var high = series.High;
            var low = series.Low;
            var close = series.Close;
            var volume = series.Volume;
            var adjClose = series.AdjClose;
            for (var i = 0; i < series.Count; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                writer.StartRow();
                writer.Write(series.Symbol.Ticker, NpgsqlDbType.Text);
                writer.Write(resolution, NpgsqlDbType.Text);
                writer.Write(time[i], NpgsqlDbType.TimestampTz);
                writer.Write(open[i], NpgsqlDbType.Double);
                writer.Write(high[i], NpgsqlDbType.Double);
                writer.Write(low[i], NpgsqlDbType.Double);
                writer.Write(close[i], NpgsqlDbType.Double);
                writer.Write(volume[i], NpgsqlDbType.Double);
                if (hasAdj && !double.IsNaN(adjClose[i]))
                {
                    writer.Write(adjClose[i], NpgsqlDbType.Double);
                }
                else
                {
                    writer.WriteNull();
                }
            }

            writer.Complete();
        }
    }

    private static Bar ReadBar(NpgsqlDataReader reader, DateTime time, int first) => new(
        time,
        reader.GetDouble(first),
        reader.GetDouble(first + 1),
        reader.GetDouble(first + 2),
        reader.GetDouble(first + 3),
        reader.GetDouble(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetDouble(first + 5));
}
