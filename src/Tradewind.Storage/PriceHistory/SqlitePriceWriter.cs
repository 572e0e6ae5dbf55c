using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>The SQLite bulk path: one prepared upsert statement reused for every bar inside the caller's transaction.</summary>
internal static class SqlitePriceWriter
{
    // The WHERE clause makes an identical re-import a no-op: SQLite then reports 0 changes for the row.
    private const string UpsertSql =
        "INSERT INTO price_history (symbol, resolution, ts, open, high, low, close, volume, adj_close) " +
        "VALUES ($symbol, $resolution, $ts, $open, $high, $low, $close, $volume, $adj) " +
        "ON CONFLICT (symbol, resolution, ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, " +
        "close = excluded.close, volume = excluded.volume, adj_close = excluded.adj_close " +
        "WHERE price_history.open IS NOT excluded.open OR price_history.high IS NOT excluded.high OR price_history.low IS NOT excluded.low " +
        "OR price_history.close IS NOT excluded.close OR price_history.volume IS NOT excluded.volume OR price_history.adj_close IS NOT excluded.adj_close";

    public static long ToUnixSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    public static async Task<PriceUpsertResult> UpsertAsync(DbConnection connection, DbTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var resolution = series.Resolution.ToString();
        var before = await CountAsync(sqlite, transaction, series.Symbol.Ticker, resolution, cancellationToken);

        await using var command = sqlite.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = UpsertSql;
        var symbol = command.Parameters.Add("$symbol", SqliteType.Text);
        var res = command.Parameters.Add("$resolution", SqliteType.Text);
        var ts = command.Parameters.Add("$ts", SqliteType.Integer);
        var open = command.Parameters.Add("$open", SqliteType.Real);
        var high = command.Parameters.Add("$high", SqliteType.Real);
        var low = command.Parameters.Add("$low", SqliteType.Real);
        var close = command.Parameters.Add("$close", SqliteType.Real);
        var volume = command.Parameters.Add("$volume", SqliteType.Real);
        var adj = command.Parameters.Add("$adj", SqliteType.Real);
        symbol.Value = series.Symbol.Ticker;
        res.Value = resolution;
        command.Prepare();

        var changed = 0;
        var hasAdj = series.HasAdjClose;
        for (var i = 0; i < series.Count; i++)
        {
            ts.Value = ToUnixSeconds(series.Time[i]);
            open.Value = series.Open[i];
            high.Value = series.High[i];
            low.Value = series.Low[i];
            close.Value = series.Close[i];
            volume.Value = series.Volume[i];
            adj.Value = hasAdj && !double.IsNaN(series.AdjClose[i]) ? series.AdjClose[i] : DBNull.Value;
            changed += command.ExecuteNonQuery();
        }

        var after = await CountAsync(sqlite, transaction, series.Symbol.Ticker, resolution, cancellationToken);
        var inserted = (int)(after - before);
        return new PriceUpsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, changed - inserted);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, DbTransaction transaction, string symbol, string resolution, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = (SqliteTransaction)transaction;
        count.CommandText = "SELECT COUNT(*) FROM price_history WHERE symbol = $symbol AND resolution = $resolution";
        count.Parameters.AddWithValue("$symbol", symbol);
        count.Parameters.AddWithValue("$resolution", resolution);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }
}
