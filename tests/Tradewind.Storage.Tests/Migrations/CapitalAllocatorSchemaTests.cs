using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.AllocatorTestData;
using static Tradewind.Storage.Tests.PaperTrading.PaperAccountScenario;

namespace Tradewind.Storage.Tests.Migrations;

/// <summary>
/// The tables of migration 0004 protect their data by themselves: rows written by plain SQL, past every repository
/// check, are refused when they would duplicate an execution, break a sign or point at the wrong parent.
/// </summary>
public sealed class CapitalAllocatorSchemaTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Opening_a_database_twice_creates_the_allocator_tables_once(DatabaseDialect dialect)
    {
        var target = await _databases.CreateTargetAsync(dialect);
        await TradewindDatabase.OpenAsync(target, Ct);
        var database = await TradewindDatabase.OpenAsync(target, Ct);

        await using var connection = await database.ConnectAsync(Ct);
        Assert.Equal(
            [(4L, "capital_allocator")],
            (await connection.QueryAsync<(long, string)>("SELECT version, name FROM schema_migrations WHERE version >= 4")).ToList());
        foreach (var table in TableDump.AllocatorTables)
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_copy_of_a_trade_row_is_refused_by_the_unique_key(DatabaseDialect dialect)
    {
        var (database, connection) = await ExecutedDay1Async(dialect);
        await using var _ = connection;

        var error = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO trades (strategy, trade_date, symbol, action, quantity, price, amount, signal_id, created_at) " +
            "SELECT strategy, trade_date, symbol, action, quantity, price, amount, signal_id, created_at FROM trades WHERE symbol = 'SPY'"));

        Assert.Equal("unique", Violation(error));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trades"));
        Assert.Equal(2, (await new PaperAccountRepository(database).ListTradesAsync(Strategy, cancellationToken: Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_second_deposit_execution_or_signal_for_a_date_is_refused(DatabaseDialect dialect)
    {
        var (_, connection) = await ExecutedDay1Async(dialect);
        await using var __ = connection;

        var deposit = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO cash_ledger (strategy, trade_date, kind, symbol, amount, trade_id, created_at) " +
            "SELECT strategy, trade_date, kind, symbol, amount + 1, trade_id, created_at FROM cash_ledger WHERE kind = 'deposit'"));
        // NULL would never collide in a unique key; the column does not take it.
        var nullSymbol = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO cash_ledger (strategy, trade_date, kind, symbol, amount, trade_id, created_at) " +
            "SELECT strategy, trade_date, kind, NULL, amount, trade_id, created_at FROM cash_ledger WHERE kind = 'deposit'"));
        var execution = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO executions (strategy, trade_date, signal_id, status, trade_count, created_at) " +
            "SELECT strategy, trade_date, NULL, 'no_trades', 0, created_at FROM executions"));
        var signal = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO daily_signals (strategy, trade_date, model_type, action, confidence_score, allocations, features_used, config_version_id, created_at) " +
            "SELECT strategy, trade_date, model_type, 'HOLD', confidence_score, '{}', features_used, config_version_id, created_at FROM daily_signals WHERE id = (SELECT MIN(id) FROM daily_signals)"));

        Assert.Equal(["unique", "not null", "unique", "unique"], new[] { deposit, nullSymbol, execution, signal }.Select(Violation));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cash_ledger"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Values_that_break_the_rules_are_refused_by_checks(DatabaseDialect dialect)
    {
        var (_, connection) = await ExecutedDay1Async(dialect);
        await using var __ = connection;
        string[] updates =
        [
            "UPDATE trades SET quantity = 0 WHERE symbol = 'SPY'",
            "UPDATE trades SET quantity = -1.5 WHERE symbol = 'SPY'",
            "UPDATE trades SET price = -412.37 WHERE symbol = 'SPY'",
            "UPDATE trades SET amount = 0 WHERE symbol = 'SPY'",
            "UPDATE trades SET action = 'HOLD' WHERE symbol = 'SPY'",
            "UPDATE portfolio SET quantity = 0 WHERE symbol = 'SPY'",
            "UPDATE portfolio SET average_cost = -1 WHERE symbol = 'SPY'",
            "UPDATE cash_ledger SET amount = 509.070765 WHERE kind = 'buy' AND symbol = 'SPY'",
            "UPDATE cash_ledger SET amount = -1000 WHERE kind = 'deposit'",
            "UPDATE cash_ledger SET kind = 'sell' WHERE kind = 'buy' AND symbol = 'SPY'",
            "UPDATE cash_ledger SET kind = 'dividend' WHERE kind = 'deposit'",
            "UPDATE daily_signals SET action = 'MAYBE'",
            "UPDATE daily_signals SET confidence_score = 1.5",
            "UPDATE daily_signals SET allocations = '[412.5]'",
            "UPDATE executions SET trade_count = 0",
            "UPDATE executions SET status = 'failed'",
        ];

        foreach (var update in updates)
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(update));
            Assert.True(Violation(error) == "check", $"{update}: {error.Message}");
        }
    }

    [Fact]
    public async Task Sqlite_refuses_decimal_text_that_is_not_a_plain_number_and_impossible_dates()
    {
        var (_, connection) = await ExecutedDay1Async(DatabaseDialect.Sqlite);
        await using var __ = connection;
        string[] updates =
        [
            "UPDATE trades SET quantity = '1e5' WHERE symbol = 'SPY'",
            "UPDATE trades SET price = 'abc' WHERE symbol = 'SPY'",
            "UPDATE trades SET price = '412,37' WHERE symbol = 'SPY'",
            "UPDATE cash_ledger SET amount = '5-1' WHERE kind = 'deposit'",
            "UPDATE portfolio SET updated_date = '2024-02-30'",
            "UPDATE portfolio SET updated_date = '2024-1-2'",
            "UPDATE daily_signals SET created_at = '2024-01-02 11:00:00'",
        ];

        foreach (var update in updates)
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(update));
            Assert.True(Violation(error) == "check", $"{update}: {error.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Rows_must_point_at_parents_of_their_own_strategy_and_date(DatabaseDialect dialect)
    {
        var (database, connection) = await ExecutedDay1Async(dialect);
        await using var __ = connection;
        var values = new Values(dialect);
        var day2Signal = await connection.ExecuteScalarAsync<long>("SELECT MAX(id) FROM daily_signals");
        var day1Signal = await connection.ExecuteScalarAsync<long>("SELECT MIN(id) FROM daily_signals");
        const string InsertTrade =
            "INSERT INTO trades (strategy, trade_date, symbol, action, quantity, price, amount, signal_id, created_at) " +
            "VALUES (@Strategy, @Date, @Symbol, 'BUY', @One, @One, @One, @Signal, @At)";

        // Day 2 has a signal but no execution marker: its trades cannot exist yet.
        var unexecuted = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(InsertTrade,
            new { Strategy, Date = values.Date(Day2), Symbol = "DIA", One = values.Decimal(1m), Signal = day2Signal, At = values.Time(At(Day2)) }));
        // A day 1 trade naming day 2's signal.
        var otherDate = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(InsertTrade,
            new { Strategy, Date = values.Date(Day1), Symbol = "DIA", One = values.Decimal(1m), Signal = day2Signal, At = values.Time(At(Day1)) }));
        // A trade in DIA on day 1, then a ledger row that pays for it under another symbol.
        var diaTrade = await connection.ExecuteScalarAsync<long>(InsertTrade + " RETURNING id",
            new { Strategy, Date = values.Date(Day1), Symbol = "DIA", One = values.Decimal(1m), Signal = day1Signal, At = values.Time(At(Day1)) });
        var otherSymbol = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO cash_ledger (strategy, trade_date, kind, symbol, amount, trade_id, created_at) VALUES (@Strategy, @Date, 'buy', 'IWM', @Amount, @Trade, @At)",
            new { Strategy, Date = values.Date(Day1), Amount = values.Decimal(-1m), Trade = diaTrade, At = values.Time(At(Day1)) }));
        // An execution of day 2 naming day 1's signal.
        var markerOtherDate = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO executions (strategy, trade_date, signal_id, status, trade_count, created_at) VALUES (@Strategy, @Date, @Signal, 'traded', 1, @At)",
            new { Strategy, Date = values.Date(Day2), Signal = day1Signal, At = values.Time(At(Day2)) }));

        Assert.Equal(["foreign key", "foreign key", "foreign key", "foreign key"], new[] { unexecuted, otherDate, otherSymbol, markerOtherDate }.Select(Violation));
        Assert.Equal(3, (await new PaperAccountRepository(database).ListTradesAsync(Strategy, cancellationToken: Ct)).Count);
    }

    public void Dispose() => _databases.Dispose();

    private async Task<(TradewindDatabase Database, DbConnection Connection)> ExecutedDay1Async(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var signals = await SeedSignalsAsync(database);
        await new PaperAccountRepository(database).RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        return (database, await database.ConnectAsync(Ct));
    }

    private static string Violation(DbException error) => error switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode switch
        {
            1555 or 2067 => "unique",
            275 => "check",
            787 => "foreign key",
            1299 => "not null",
            var code => $"sqlite {code}: {sqlite.Message}",
        },
        PostgresException postgres => postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => "unique",
            PostgresErrorCodes.CheckViolation => "check",
            PostgresErrorCodes.ForeignKeyViolation => "foreign key",
            PostgresErrorCodes.NotNullViolation => "not null",
            var state => $"postgres {state}: {postgres.Message}",
        },
        _ => error.GetType().Name,
    };

    /// <summary>Parameter values as each dialect stores them (what the repositories do internally).</summary>
    private sealed class Values(DatabaseDialect dialect)
    {
        private bool IsSqlite => dialect == DatabaseDialect.Sqlite;

        public object Date(DateOnly date) => IsSqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;

        public object Decimal(decimal value) => IsSqlite ? value.ToString(CultureInfo.InvariantCulture) : value;

        public object Time(DateTimeOffset time) =>
            IsSqlite ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : time.UtcDateTime;
    }
}
