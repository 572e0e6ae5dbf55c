using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>
/// The SQLite bulk path: one upsert statement prepared once and stepped for every bar inside the
/// caller's transaction, with values bound by position through SQLite's own API. ADO.NET parameters
/// box every value and re-bind them by name on each execution, which costs more than SQLite's insert itself.
/// </summary>
internal static class SqlitePriceWriter
{
    // The WHERE clause makes an identical re-import a no-op: SQLite then counts no change for the row.
    private const string UpsertSql =
        "INSERT INTO price_history (symbol, resolution, ts, open, high, low, close, volume, adj_close) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) " +
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
        var changed = Upsert(sqlite.Handle!, series, resolution, cancellationToken);
        var after = await CountAsync(sqlite, transaction, series.Symbol.Ticker, resolution, cancellationToken);
        var inserted = (int)(after - before);
        return new PriceUpsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, changed - inserted);
    }

    private static int Upsert(sqlite3 db, BarSeries series, string resolution, CancellationToken cancellationToken)
    {
        Check(db, raw.sqlite3_prepare_v2(db, UpsertSql, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, series.Symbol.Ticker));
            Check(db, raw.sqlite3_bind_text(statement, 2, resolution));
            var time = series.Time;
            var open = series.Open;
            var high = series.High;
            var low = series.Low;
            var close = series.Close;
            var volume = series.Volume;
            var adjClose = series.AdjClose;
            var changed = 0;
            for (var i = 0; i < series.Count; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                raw.sqlite3_bind_int64(statement, 3, ToUnixSeconds(time[i]));
                raw.sqlite3_bind_double(statement, 4, open[i]);
                raw.sqlite3_bind_double(statement, 5, high[i]);
                raw.sqlite3_bind_double(statement, 6, low[i]);
                raw.sqlite3_bind_double(statement, 7, close[i]);
                raw.sqlite3_bind_double(statement, 8, volume[i]);
                if (adjClose.Length > 0 && !double.IsNaN(adjClose[i]))
                {
                    raw.sqlite3_bind_double(statement, 9, adjClose[i]);
                }
                else
                {
                    raw.sqlite3_bind_null(statement, 9);
                }

                var result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_DONE)
                {
                    var message = raw.sqlite3_errmsg(db).utf8_to_string();
                    raw.sqlite3_reset(statement);
                    throw new SqliteException($"SQLite refused bar {i} of {series.Symbol} {resolution}: {message}", result);
                }

                changed += raw.sqlite3_changes(db);
                raw.sqlite3_reset(statement);
            }

            return changed;
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error: {raw.sqlite3_errmsg(db).utf8_to_string()}", result);
        }
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
