using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>
/// The PostgreSQL bulk path: binary COPY into a temporary table, then one set-based upsert that
/// reports how many rows were new (xmax = 0) and how many changed.
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

    public static async Task<PriceUpsertResult> UpsertAsync(DbConnection connection, DbTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS price_import (LIKE price_history INCLUDING DEFAULTS) ON COMMIT DROP; TRUNCATE price_import",
            npgsql, (NpgsqlTransaction)transaction))
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

        await using var merge = new NpgsqlCommand(MergeSql, npgsql, (NpgsqlTransaction)transaction);
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var inserted = (int)reader.GetInt64(0);
        var updated = (int)reader.GetInt64(1);
        return new PriceUpsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, updated);
    }
}
