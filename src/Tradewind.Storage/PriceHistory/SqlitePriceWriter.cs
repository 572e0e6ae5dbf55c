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

    private const string InsertNewSql =
        "INSERT INTO price_history (symbol, resolution, ts, open, high, low, close, volume, adj_close) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (symbol, resolution, ts) DO NOTHING";

    private const string StoredBarSql =
        "SELECT open, high, low, close, volume, adj_close FROM price_history WHERE symbol = ?1 AND resolution = ?2 AND ts = ?3";

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
            var changed = 0;
            for (var i = 0; i < series.Count; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                BindBar(statement, series, i);
                Step(db, statement, series, resolution, i);
                changed += raw.sqlite3_changes(db);
            }

            return changed;
        }
    }

    /// <summary>
    /// Stores the bars of <paramref name="series"/> that are not stored yet and never changes a stored one: a bar whose
    /// key exists is looked up and, when its values differ, reported as a discrepancy.
    /// </summary>
    public static PriceInsertResult InsertNew(SqliteConnection connection, BarSeries series, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        var resolution = series.Resolution.ToString();
        Check(db, raw.sqlite3_prepare_v2(db, InsertNewSql, out var insert));
        using (insert)
        {
            Check(db, raw.sqlite3_prepare_v2(db, StoredBarSql, out var lookup));
            using (lookup)
            {
                Check(db, raw.sqlite3_bind_text(insert, 1, series.Symbol.Ticker));
                Check(db, raw.sqlite3_bind_text(insert, 2, resolution));
                Check(db, raw.sqlite3_bind_text(lookup, 1, series.Symbol.Ticker));
                Check(db, raw.sqlite3_bind_text(lookup, 2, resolution));
                var inserted = 0;
                var discrepancies = new List<PriceDiscrepancy>();
                for (var i = 0; i < series.Count; i++)
                {
                    if ((i & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    BindBar(insert, series, i);
                    Step(db, insert, series, resolution, i);
                    if (raw.sqlite3_changes(db) == 1)
                    {
                        inserted++;
                        continue;
                    }

                    // DO NOTHING: the bar's key is stored. Only now is it worth reading what is stored.
                    raw.sqlite3_bind_int64(lookup, 3, ToUnixSeconds(series.Time[i]));
                    if (raw.sqlite3_step(lookup) != raw.SQLITE_ROW)
                    {
                        raw.sqlite3_reset(lookup);
                        throw new SqliteException($"SQLite neither stored nor found bar {i} of {series.Symbol} {resolution}: {raw.sqlite3_errmsg(db).utf8_to_string()}", raw.SQLITE_ERROR);
                    }

                    var stored = new Bar(
                        series.Time[i],
                        raw.sqlite3_column_double(lookup, 0),
                        raw.sqlite3_column_double(lookup, 1),
                        raw.sqlite3_column_double(lookup, 2),
                        raw.sqlite3_column_double(lookup, 3),
                        raw.sqlite3_column_double(lookup, 4),
                        raw.sqlite3_column_type(lookup, 5) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(lookup, 5));
                    raw.sqlite3_reset(lookup);
                    var incoming = series[i];
                    if (PriceDiscrepancy.Disagree(stored, incoming))
                    {
                        discrepancies.Add(new PriceDiscrepancy(stored, incoming));
                    }
                }

                return new PriceInsertResult(series.Symbol.Ticker, series.Resolution, series.Count, inserted, discrepancies);
            }
        }
    }

    // Binds the per-bar values ?3..?9; the symbol and resolution (?1, ?2) stay bound for the whole series.
    private static void BindBar(sqlite3_stmt statement, BarSeries series, int i)
    {
        raw.sqlite3_bind_int64(statement, 3, ToUnixSeconds(series.Time[i]));
        raw.sqlite3_bind_double(statement, 4, series.Open[i]);
        raw.sqlite3_bind_double(statement, 5, series.High[i]);
        raw.sqlite3_bind_double(statement, 6, series.Low[i]);
        raw.sqlite3_bind_double(statement, 7, series.Close[i]);
        raw.sqlite3_bind_double(statement, 8, series.Volume[i]);
        var adjClose = series.AdjClose;
        if (adjClose.Length > 0 && !double.IsNaN(adjClose[i]))
        {
            raw.sqlite3_bind_double(statement, 9, adjClose[i]);
        }
        else
        {
            raw.sqlite3_bind_null(statement, 9);
        }
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement, BarSeries series, string resolution, int i)
    {
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            raw.sqlite3_reset(statement);
            throw new SqliteException($"SQLite refused bar {i} of {series.Symbol} {resolution}: {message}", result);
        }

        raw.sqlite3_reset(statement);
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
