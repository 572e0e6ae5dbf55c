using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Tradewind.Core.Analytics;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.Backtests;

/// <summary>
/// Stored backtest runs: <c>backtest_runs</c> and their round trips in <c>backtest_trades</c> on either dialect. A run is
/// written with all its trades in one transaction, or not at all, and never changed afterwards.
/// </summary>
public sealed class BacktestRunRepository
{
    private const string RunColumns =
        "run_id, created_at, strategy, parameters, symbols, resolution, period_start, period_end, bars, initial_cash, final_equity, " +
        "total_return, cagr, sharpe, max_drawdown, closed_trades, win_rate, profit_factor, summary";

    private const string TradeColumns =
        "run_id, seq, symbol, entry_time, entry_price, exit_time, exit_price, quantity, pnl, return, r_multiple, initial_risk, bars_held, exit_reason";

    // Fixed width, so that text order is time order in SQLite.
    private const string SqliteTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly TradewindDatabase _database;

    /// <summary>Creates a repository over an opened (migrated) database.</summary>
    public BacktestRunRepository(TradewindDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>Stores <paramref name="run"/> and its <paramref name="trades"/> (in closing order) in one transaction.</summary>
    /// <exception cref="DbException">The run id is already stored, a value breaks a table rule, or the database fails; nothing is stored.</exception>
    public async Task SaveAsync(BacktestRunRecord run, IReadOnlyList<ClosedTrade> trades, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(trades);
        if (run.ClosedTrades != trades.Count)
        {
            throw new ArgumentException($"the run says {run.ClosedTrades} closed trades but {trades.Count} were given", nameof(trades));
        }

        var sqlite = _database.Dialect == DatabaseDialect.Sqlite;
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cast = sqlite ? string.Empty : "::jsonb";
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO backtest_runs ({RunColumns}) VALUES (@RunId, @CreatedAt, @Strategy, @Parameters{cast}, @Symbols, @Resolution, @PeriodStart, @PeriodEnd, " +
            $"@Bars, @InitialCash, @FinalEquity, @TotalReturn, @Cagr, @Sharpe, @MaxDrawdown, @ClosedTrades, @WinRate, @ProfitFactor, @Summary{cast})",
            new
            {
                RunId = sqlite ? (object)run.RunId.ToString() : run.RunId,
                CreatedAt = Time(ToStoredPrecision(run.CreatedAt).UtcDateTime),
                run.Strategy,
                run.Parameters,
                Symbols = string.Join(',', run.Symbols),
                run.Resolution,
                PeriodStart = Time(run.PeriodStart),
                PeriodEnd = Time(run.PeriodEnd),
                run.Bars,
                InitialCash = Money(run.InitialCash),
                FinalEquity = Money(run.FinalEquity),
                run.TotalReturn,
                run.Cagr,
                run.Sharpe,
                run.MaxDrawdown,
                run.ClosedTrades,
                run.WinRate,
                run.ProfitFactor,
                run.Summary,
            },
            transaction,
            cancellationToken: cancellationToken));

        if (sqlite)
        {
            // Dapper runs the statement once per trade on one command, inside the transaction.
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO backtest_trades ({TradeColumns}) VALUES (@RunId, @Seq, @Symbol, @EntryTime, @EntryPrice, @ExitTime, @ExitPrice, @Quantity, @Pnl, @Return, @RMultiple, @InitialRisk, @BarsHeld, @ExitReason)",
                trades.Select((t, i) => new
                {
                    RunId = run.RunId.ToString(),
                    Seq = i + 1,
                    Symbol = t.Symbol.Ticker,
                    EntryTime = Time(t.EntryTime),
                    EntryPrice = Money(t.EntryPrice),
                    ExitTime = Time(t.ExitTime),
                    ExitPrice = Money(t.ExitPrice),
                    Quantity = Money(t.Quantity),
                    Pnl = Money(t.ProfitLoss),
                    t.Return,
                    t.RMultiple,
                    InitialRisk = t.InitialRiskPerUnit is { } risk ? Money(risk) : null,
                    t.BarsHeld,
                    t.ExitReason,
                }),
                transaction,
                cancellationToken: cancellationToken));
        }
        else
        {
            await CopyTradesAsync((NpgsqlConnection)connection, run.RunId, trades, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The run with id <paramref name="runId"/>; null when none is stored.</summary>
    public async Task<BacktestRunRecord?> FindAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return (await QueryRunsAsync(connection, $"SELECT {RunColumns} FROM backtest_runs WHERE run_id = @runId", new { runId = Id(runId) }, cancellationToken))
            .SingleOrDefault();
    }

    /// <summary>Every stored run (of <paramref name="strategy"/> when given), newest first.</summary>
    public async Task<IReadOnlyList<BacktestRunRecord>> ListAsync(string? strategy = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return strategy is null
            ? await QueryRunsAsync(connection, $"SELECT {RunColumns} FROM backtest_runs ORDER BY created_at DESC, run_id DESC", null, cancellationToken)
            : await QueryRunsAsync(connection, $"SELECT {RunColumns} FROM backtest_runs WHERE strategy = @strategy ORDER BY created_at DESC, run_id DESC", new { strategy }, cancellationToken);
    }

    /// <summary>The closed round trips of run <paramref name="runId"/> in closing order; empty when it has none or is not stored.</summary>
    public async Task<IReadOnlyList<ClosedTrade>> TradesAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {TradeColumns} FROM backtest_trades WHERE run_id = @runId ORDER BY seq", new { runId = Id(runId) }, cancellationToken: cancellationToken));
        var trades = new List<ClosedTrade>();
        while (await reader.ReadAsync(cancellationToken))
        {
            trades.Add(new ClosedTrade(
                Symbol.Parse(reader.GetString(2)),
                ReadTime(reader, 3),
                reader.GetDecimal(4),
                ReadTime(reader, 5),
                reader.GetDecimal(6),
                reader.GetDecimal(7),
                reader.GetDecimal(8),
                reader.GetInt32(12),
                reader.GetString(13),
                reader.IsDBNull(11) ? null : reader.GetDecimal(11)));
        }

        return trades;
    }

    private static async Task CopyTradesAsync(NpgsqlConnection connection, Guid runId, IReadOnlyList<ClosedTrade> trades, CancellationToken cancellationToken)
    {
        // Binary COPY: one round trip for any number of trades. Synchronous row writes, as in the price writer.
        using var writer = await connection.BeginBinaryImportAsync($"COPY backtest_trades ({TradeColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            writer.StartRow();
            writer.Write(runId, NpgsqlDbType.Uuid);
            writer.Write(i + 1, NpgsqlDbType.Integer);
            writer.Write(t.Symbol.Ticker, NpgsqlDbType.Text);
            writer.Write(t.EntryTime, NpgsqlDbType.TimestampTz);
            writer.Write(t.EntryPrice, NpgsqlDbType.Numeric);
            writer.Write(t.ExitTime, NpgsqlDbType.TimestampTz);
            writer.Write(t.ExitPrice, NpgsqlDbType.Numeric);
            writer.Write(t.Quantity, NpgsqlDbType.Numeric);
            writer.Write(t.ProfitLoss, NpgsqlDbType.Numeric);
            writer.Write(t.Return, NpgsqlDbType.Double);
            if (t.RMultiple is { } r)
            {
                writer.Write(r, NpgsqlDbType.Double);
            }
            else
            {
                writer.WriteNull();
            }

            if (t.InitialRiskPerUnit is { } risk)
            {
                writer.Write(risk, NpgsqlDbType.Numeric);
            }
            else
            {
                writer.WriteNull();
            }

            writer.Write(t.BarsHeld, NpgsqlDbType.Integer);
            writer.Write(t.ExitReason, NpgsqlDbType.Text);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task<List<BacktestRunRecord>> QueryRunsAsync(DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var runs = new List<BacktestRunRecord>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new BacktestRunRecord(
                _database.Dialect == DatabaseDialect.Sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0),
                new DateTimeOffset(ReadTime(reader, 1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4).Split(','),
                reader.GetString(5),
                ReadTime(reader, 6),
                ReadTime(reader, 7),
                reader.GetInt64(8),
                reader.GetDecimal(9),
                reader.GetDecimal(10),
                reader.GetDouble(11),
                reader.IsDBNull(12) ? null : reader.GetDouble(12),
                reader.IsDBNull(13) ? null : reader.GetDouble(13),
                reader.GetDouble(14),
                reader.GetInt32(15),
                reader.IsDBNull(16) ? null : reader.GetDouble(16),
                reader.IsDBNull(17) ? null : reader.GetDouble(17),
                reader.GetString(18)));
        }

        return runs;
    }

    // PostgreSQL keeps microseconds; dropping the last tick digit everywhere makes both dialects return what was stored.
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    private object Id(Guid runId) => _database.Dialect == DatabaseDialect.Sqlite ? runId.ToString() : runId;

    private object Time(DateTime utc) =>
        _database.Dialect == DatabaseDialect.Sqlite
            ? DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(SqliteTimeFormat, CultureInfo.InvariantCulture)
            : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    // SQLite has no decimal: the exact text, never REAL. PostgreSQL's numeric takes the decimal itself.
    private object Money(decimal value) =>
        _database.Dialect == DatabaseDialect.Sqlite ? value.ToString(CultureInfo.InvariantCulture) : value;

    private DateTime ReadTime(DbDataReader reader, int ordinal) =>
        _database.Dialect == DatabaseDialect.Sqlite
            ? DateTime.ParseExact(reader.GetString(ordinal), SqliteTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
