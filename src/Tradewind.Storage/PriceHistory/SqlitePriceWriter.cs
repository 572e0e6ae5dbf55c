using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>The SQLite bulk path: one prepared upsert statement reused for every bar inside the caller's transaction.</summary>
internal static class SqlitePriceWriter
{
    // Many rows per statement: the per-statement cost (binding, stepping, change counting) dominates
    // a single-row upsert, so 64 rows share it. 64 × 9 parameters stays far below SQLite's limit.
    private const int RowsPerStatement = 64;

    public static long ToUnixSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    public static async Task<PriceUpsertResult> UpsertAsync(DbConnection connection, DbTransaction transaction, BarSeries series, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var resolution = series.Resolution.ToString();
        var before = await CountAsync(sqlite, transaction, series.Symbol.Ticker, resolution, cancellationToken);

        using var batch = new Statement(sqlite, (SqliteTransaction)transaction, RowsPerStatement, series.Symbol.Ticker, resolution);
        using var single = new Statement(sqlite, (SqliteTransaction)transaction, 1, series.Symbol.Ticker, resolution);
        var changed = 0;
        var i = 0;
        for (; i + RowsPerStatement <= series.Count; i += RowsPerStatement)
        {
            changed += batch.Execute(series, i);
        }

        for (; i < series.Count; i++)
        {
            changed += single.Execute(series, i);
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

    /// <summary>A prepared upsert of a fixed number of rows; parameters are reused, only their values change.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _values;
        private readonly int _rows;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, int rows, string symbol, string resolution)
        {
            _rows = rows;
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            var sql = new System.Text.StringBuilder("INSERT INTO price_history (symbol, resolution, ts, open, high, low, close, volume, adj_close) VALUES ");
            _values = new SqliteParameter[rows * 7];
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"($s, $r, $t{r}, $o{r}, $h{r}, $l{r}, $c{r}, $v{r}, $a{r})");
                _values[(r * 7) + 0] = _command.Parameters.Add($"$t{r}", SqliteType.Integer);
                _values[(r * 7) + 1] = _command.Parameters.Add($"$o{r}", SqliteType.Real);
                _values[(r * 7) + 2] = _command.Parameters.Add($"$h{r}", SqliteType.Real);
                _values[(r * 7) + 3] = _command.Parameters.Add($"$l{r}", SqliteType.Real);
                _values[(r * 7) + 4] = _command.Parameters.Add($"$c{r}", SqliteType.Real);
                _values[(r * 7) + 5] = _command.Parameters.Add($"$v{r}", SqliteType.Real);
                _values[(r * 7) + 6] = _command.Parameters.Add($"$a{r}", SqliteType.Real);
            }

            // The WHERE clause makes an identical re-import a no-op: SQLite then counts no change for the row.
            sql.Append(" ON CONFLICT (symbol, resolution, ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, ")
                .Append("close = excluded.close, volume = excluded.volume, adj_close = excluded.adj_close ")
                .Append("WHERE price_history.open IS NOT excluded.open OR price_history.high IS NOT excluded.high OR price_history.low IS NOT excluded.low ")
                .Append("OR price_history.close IS NOT excluded.close OR price_history.volume IS NOT excluded.volume OR price_history.adj_close IS NOT excluded.adj_close");
            _command.CommandText = sql.ToString();
            _command.Parameters.AddWithValue("$s", symbol);
            _command.Parameters.AddWithValue("$r", resolution);
            _command.Prepare();
        }

        public int Execute(BarSeries series, int start)
        {
            var hasAdj = series.HasAdjClose;
            for (var r = 0; r < _rows; r++)
            {
                var i = start + r;
                var p = r * 7;
                _values[p].Value = ToUnixSeconds(series.Time[i]);
                _values[p + 1].Value = series.Open[i];
                _values[p + 2].Value = series.High[i];
                _values[p + 3].Value = series.Low[i];
                _values[p + 4].Value = series.Close[i];
                _values[p + 5].Value = series.Volume[i];
                _values[p + 6].Value = hasAdj && !double.IsNaN(series.AdjClose[i]) ? series.AdjClose[i] : DBNull.Value;
            }

            return _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
