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
        await using (var writer = await npgsql.BeginBinaryImportAsync(
            "COPY price_import (symbol, resolution, ts, open, high, low, close, volume, adj_close) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < series.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(series.Symbol.Ticker, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(resolution, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(series.Time[i], NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(series.Open[i], NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(series.High[i], NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(series.Low[i], NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(series.Close[i], NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(series.Volume[i], NpgsqlDbType.Double, cancellationToken);
                if (hasAdj && !double.IsNaN(series.AdjClose[i]))
                {
                    await writer.WriteAsync(series.AdjClose[i], NpgsqlDbType.Double, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var merge = new NpgsqlCommand(MergeSql, npgsql, (NpgsqlTransaction)transaction);
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var inserted = (int)reader.GetInt64(0);
        var updated = (int)reader.GetInt64(1);
        return new PriceUpsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, updated);
    }
}
