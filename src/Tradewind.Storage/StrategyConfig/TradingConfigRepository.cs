using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>
/// The strategy-config registry: reads and writes the versions in <c>trading_config</c> on either
/// dialect. Every change closes the active version and inserts the new one in one transaction, and
/// never rewrites anything but the closed version's end date, so the table is a complete audit trail.
/// Times are passed in and stored to the microsecond (PostgreSQL's precision) on both dialects.
/// </summary>
public sealed class TradingConfigRepository
{
    private const string Columns = "id, strategy, parameters, start_date, end_date, created_at, created_by, source, notes";

    // Fixed width, so that text order is time order in SQLite (the migration checks the shape).
    private const string SqliteTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // The partial unique index of migration 0002 that allows one active version per strategy.
    private const string OneActiveIndex = "trading_config_one_active";

    // SQLITE_CONSTRAINT_UNIQUE: the only unique constraint a trading_config insert can break is the one-active index.
    private const int SqliteUniqueViolation = 2067;

    private readonly TradewindDatabase _database;

    /// <summary>Creates a repository over an opened (migrated) database.</summary>
    public TradingConfigRepository(TradewindDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>The active version of <paramref name="strategy"/>; null when the strategy has no active version.</summary>
    public async Task<TradingConfigVersion?> GetActiveAsync(string strategy, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await ReadActiveAsync(connection, null, strategy, cancellationToken);
    }

    /// <summary>The version with id <paramref name="versionId"/>; null when there is none.</summary>
    public async Task<TradingConfigVersion?> GetAsync(long versionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await ReadAsync(connection, versionId, cancellationToken);
    }

    /// <summary>Every version of <paramref name="strategy"/> (of all strategies when null), newest first.</summary>
    public async Task<IReadOnlyList<TradingConfigVersion>> HistoryAsync(string? strategy = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return strategy is null
            ? await QueryAsync(connection, null, $"SELECT {Columns} FROM trading_config ORDER BY id DESC", null, cancellationToken)
            : await QueryAsync(connection, null, $"SELECT {Columns} FROM trading_config WHERE strategy = @strategy ORDER BY id DESC", new { strategy }, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="parameters"/> the active version of <paramref name="strategy"/> as of
    /// <paramref name="now"/>: in one transaction the active version (if any) gets end date
    /// <paramref name="now"/> and a new active version is inserted. When the canonical parameters equal
    /// the active version's, nothing is written (re-applying is idempotent) and the result says so.
    /// </summary>
    /// <exception cref="TradingConfigConflictException">Another writer activated a version of the strategy at the same time, or the active version starts after <paramref name="now"/>.</exception>
    public Task<TradingConfigApplyResult> ApplyAsync(
        string strategy, JsonObject parameters, string source, string createdBy, string? notes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return ActivateAsync(strategy, CanonicalJson.Write(parameters), source, createdBy, notes, now, cancellationToken);
    }

    /// <summary>
    /// Re-activates the parameters of the older version <paramref name="versionId"/> as a NEW version
    /// (source <c>rollback:&lt;id&gt;</c>), closing the active one; no existing row is re-opened, so the
    /// history stays intact. When those parameters are already the active ones, nothing is written and
    /// the result's <see cref="TradingConfigApplyResult.Created"/> is false.
    /// </summary>
    /// <exception cref="TradingConfigVersionNotFoundException">No version has id <paramref name="versionId"/>.</exception>
    /// <exception cref="TradingConfigConflictException">As for <see cref="ApplyAsync"/>.</exception>
    public async Task<TradingConfigApplyResult> RollbackAsync(
        long versionId, string createdBy, string? notes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        // A row's strategy and parameters are never updated, so reading them before the transaction is safe.
        var target = await GetAsync(versionId, cancellationToken) ?? throw new TradingConfigVersionNotFoundException(versionId);
        return await ActivateAsync(target.Strategy, target.Parameters, TradingConfigSource.Rollback(versionId), createdBy, notes, now, cancellationToken);
    }

    /// <summary>The paths whose values differ between versions <paramref name="versionA"/> and <paramref name="versionB"/> (see <see cref="ParameterDiff.Compare"/>).</summary>
    /// <exception cref="TradingConfigVersionNotFoundException">Either id names no version.</exception>
    public async Task<IReadOnlyList<ParameterDifference>> DiffAsync(long versionA, long versionB, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        var a = await ReadAsync(connection, versionA, cancellationToken) ?? throw new TradingConfigVersionNotFoundException(versionA);
        var b = await ReadAsync(connection, versionB, cancellationToken) ?? throw new TradingConfigVersionNotFoundException(versionB);
        return ParameterDiff.Compare(a.ReadParameters(), b.ReadParameters());
    }

    private async Task<TradingConfigApplyResult> ActivateAsync(
        string strategy, string parameters, string source, string createdBy, string? notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = ToStoredPrecision(now);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        try
        {
            var active = await ReadActiveAsync(connection, transaction, strategy, cancellationToken);
            if (active is not null && string.Equals(active.Parameters, parameters, StringComparison.Ordinal))
            {
                return new TradingConfigApplyResult(false, active, null);
            }

            TradingConfigVersion? closed = null;
            if (active is not null)
            {
                if (at < active.StartDate)
                {
                    throw new TradingConfigConflictException(
                        $"the active version {active.Id} of strategy '{strategy}' starts at {Format(active.StartDate)}, after the time of this change ({Format(at)}); " +
                        "a version cannot end before it starts: check the clock of this machine");
                }

                // "AND end_date IS NULL": a writer that closed it first (PostgreSQL waits for its row lock) leaves 0 rows here.
                var rows = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE trading_config SET end_date = @at WHERE id = @id AND end_date IS NULL",
                    new { at = ToDatabaseTime(at), id = active.Id },
                    transaction,
                    cancellationToken: cancellationToken));
                if (rows != 1)
                {
                    throw RaceLost(strategy, null);
                }

                closed = active with { EndDate = at };
            }

            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO trading_config (strategy, parameters, start_date, end_date, created_at, created_by, source, notes) " +
                "VALUES (@strategy, @parameters, @at, NULL, @at, @createdBy, @source, @notes) RETURNING id",
                new { strategy, parameters, at = ToDatabaseTime(at), createdBy, source, notes },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new TradingConfigApplyResult(true, new TradingConfigVersion(id, strategy, parameters, at, null, at, createdBy, source, notes), closed);
        }
        catch (DbException ex) when (IsOneActiveViolation(ex))
        {
            throw RaceLost(strategy, ex);
        }
    }

    private static TradingConfigConflictException RaceLost(string strategy, Exception? cause)
    {
        var message = $"another change activated a version of strategy '{strategy}' at the same time; this one was not stored: " +
            "look at 'tradewind config history' and run it again if it is still wanted";
        return cause is null ? new TradingConfigConflictException(message) : new TradingConfigConflictException(message, cause);
    }

    private static bool IsOneActiveViolation(DbException ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueViolation,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == OneActiveIndex,
        _ => false,
    };

    private async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_database.Dialect == DatabaseDialect.Sqlite)
        {
            // Take SQLite's write lock before reading the active version: a deferred transaction could read, lose
            // the lock to another writer and fail on its first write instead of waiting (busy_timeout).
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }

        // Read committed: a concurrent writer is caught by the row lock on the closed version or by the one-active index.
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    private async Task<TradingConfigVersion?> ReadActiveAsync(DbConnection connection, DbTransaction? transaction, string strategy, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, transaction, $"SELECT {Columns} FROM trading_config WHERE strategy = @strategy AND end_date IS NULL", new { strategy }, cancellationToken))
            .SingleOrDefault();

    private async Task<TradingConfigVersion?> ReadAsync(DbConnection connection, long versionId, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, null, $"SELECT {Columns} FROM trading_config WHERE id = @versionId", new { versionId }, cancellationToken))
            .SingleOrDefault();

    private async Task<List<TradingConfigVersion>> QueryAsync(
        DbConnection connection, DbTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var versions = new List<TradingConfigVersion>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new TradingConfigVersion(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                ReadTime(reader, 3),
                reader.IsDBNull(4) ? null : ReadTime(reader, 4),
                ReadTime(reader, 5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return versions;
    }

    private static void CheckStrategy(string strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        if (!string.Equals(strategy, strategy.Trim(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"strategy name '{strategy}' starts or ends with white space", nameof(strategy));
        }
    }

    // PostgreSQL keeps microseconds; dropping the last tick digit everywhere makes both dialects return what was stored.
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    private object ToDatabaseTime(DateTimeOffset utc) =>
        _database.Dialect == DatabaseDialect.Sqlite ? Format(utc) : utc.UtcDateTime;

    private DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        _database.Dialect == DatabaseDialect.Sqlite
            ? DateTimeOffset.ParseExact(reader.GetString(ordinal), SqliteTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private static string Format(DateTimeOffset utc) => utc.UtcDateTime.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);
}
