using System.Data.Common;
using System.Text.Json;
using Dapper;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.Signals;

/// <summary>
/// The <c>daily_signals</c> table on either dialect: at most one signal per strategy and trading date, written once
/// and never changed, so re-running the signal job for a date changes nothing.
/// </summary>
public sealed class DailySignalRepository
{
    private const string Columns = "id, strategy, trade_date, model_type, action, confidence_score, allocations, features_used, config_version_id, created_at";

    private readonly TradewindDatabase _database;
    private readonly ColumnValues _values;

    /// <summary>Creates a repository over an opened (migrated) database.</summary>
    public DailySignalRepository(TradewindDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _values = new ColumnValues(database.Dialect);
    }

    /// <summary>
    /// Stores <paramref name="signal"/> unless its strategy already has a signal for its date; then nothing is written
    /// and the stored signal is returned unchanged. A concurrent insert of the same date is settled by the table's
    /// unique key, so exactly one of two racing writers inserts.
    /// </summary>
    /// <exception cref="ArgumentException">The signal is invalid: blank names, an id already set, a confidence outside [0, 1], allocations that are not {SYMBOL: dollars ≥ 0}, or features that are not a JSON object.</exception>
    /// <exception cref="DbException">The configuration version is not a version of the signal's strategy, or the database fails.</exception>
    public async Task<DailySignalInsertResult> InsertAsync(DailySignalRecord signal, CancellationToken cancellationToken = default)
    {
        Validate(signal);
        var stored = signal with { CreatedAt = ColumnValues.ToStoredPrecision(signal.CreatedAt) };
        await using var connection = await _database.ConnectAsync(cancellationToken);
        // DO NOTHING on the (strategy, trade_date) key: a second run, or a racing writer, inserts nothing and gets no id back.
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "INSERT INTO daily_signals (strategy, trade_date, model_type, action, confidence_score, allocations, features_used, config_version_id, created_at) " +
            "VALUES (@Strategy, @TradeDate, @ModelType, @Action, @ConfidenceScore, @Allocations, @FeaturesUsed, @ConfigVersionId, @CreatedAt) " +
            "ON CONFLICT (strategy, trade_date) DO NOTHING RETURNING id",
            new
            {
                stored.Strategy,
                TradeDate = _values.Date(stored.TradeDate),
                stored.ModelType,
                Action = ToText(stored.Action),
                stored.ConfidenceScore,
                stored.Allocations,
                stored.FeaturesUsed,
                stored.ConfigVersionId,
                CreatedAt = _values.Time(stored.CreatedAt),
            },
            cancellationToken: cancellationToken));
        if (id is { } newId)
        {
            return new DailySignalInsertResult(true, stored with { Id = newId });
        }

        var existing = await QuerySingleAsync(connection, "strategy = @strategy AND trade_date = @date", new { strategy = stored.Strategy, date = _values.Date(stored.TradeDate) }, cancellationToken)
            ?? throw new InvalidOperationException($"the signal of {stored.Strategy} on {stored.TradeDate:yyyy-MM-dd} was neither inserted nor found");
        return new DailySignalInsertResult(false, existing);
    }

    /// <summary>The signal of <paramref name="strategy"/> for <paramref name="tradeDate"/>; null when there is none.</summary>
    public async Task<DailySignalRecord?> GetAsync(string strategy, DateOnly tradeDate, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await QuerySingleAsync(connection, "strategy = @strategy AND trade_date = @date", new { strategy, date = _values.Date(tradeDate) }, cancellationToken);
    }

    /// <summary>The signal with row id <paramref name="id"/>; null when there is none.</summary>
    public async Task<DailySignalRecord?> GetByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await QuerySingleAsync(connection, "id = @id", new { id }, cancellationToken);
    }

    /// <summary>The signals of <paramref name="strategy"/> dated in [<paramref name="from"/>, <paramref name="to"/>] (either bound optional), oldest first.</summary>
    public async Task<IReadOnlyList<DailySignalRecord>> ListAsync(string strategy, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await QueryAsync(
            connection,
            $"SELECT {Columns} FROM daily_signals WHERE strategy = @strategy AND trade_date >= @from AND trade_date <= @to ORDER BY trade_date",
            new { strategy, from = _values.Date(from ?? DateOnly.MinValue), to = _values.Date(to ?? DateOnly.MaxValue) },
            cancellationToken);
    }

    private async Task<DailySignalRecord?> QuerySingleAsync(DbConnection connection, string where, object parameters, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, $"SELECT {Columns} FROM daily_signals WHERE {where}", parameters, cancellationToken)).SingleOrDefault();

    private async Task<List<DailySignalRecord>> QueryAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var signals = new List<DailySignalRecord>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            signals.Add(new DailySignalRecord(
                reader.GetString(1),
                _values.ReadDate(reader, 2),
                reader.GetString(3),
                ParseAction(reader.GetString(4)),
                reader.GetDouble(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetInt64(8),
                _values.ReadTime(reader, 9))
            {
                Id = reader.GetInt64(0),
            });
        }

        return signals;
    }

    private static void Validate(DailySignalRecord signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var what = $"signal of {signal.Strategy} on {signal.TradeDate:yyyy-MM-dd}";
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Strategy, nameof(signal));
        if (!string.Equals(signal.Strategy, signal.Strategy.Trim(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"strategy name '{signal.Strategy}' starts or ends with white space", nameof(signal));
        }

        if (signal.Id != 0)
        {
            throw new ArgumentException($"the {what} already has id {signal.Id}; a signal is stored once, with the id the database gives it", nameof(signal));
        }

        if (string.IsNullOrWhiteSpace(signal.ModelType))
        {
            throw new ArgumentException($"the {what} has no model type", nameof(signal));
        }

        if (!Enum.IsDefined(signal.Action))
        {
            throw new ArgumentException($"the {what} has an unknown action {(int)signal.Action}", nameof(signal));
        }

        if (!(signal.ConfidenceScore >= 0 && signal.ConfidenceScore <= 1))
        {
            throw new ArgumentException($"the {what} has confidence {signal.ConfidenceScore}; it must lie in [0, 1]", nameof(signal));
        }

        if (signal.Allocations is null)
        {
            throw new ArgumentException($"the {what} has no allocations; write {{}} when it allocates nothing", nameof(signal));
        }

        try
        {
            foreach (var (symbol, dollars) in signal.ReadAllocations())
            {
                if (string.IsNullOrWhiteSpace(symbol) || dollars < 0)
                {
                    throw new FormatException($"allocation '{symbol}': {dollars} must name a symbol and not be negative");
                }
            }
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"the {what} has invalid allocations: {ex.Message}", nameof(signal), ex);
        }

        if (!IsJsonObject(signal.FeaturesUsed))
        {
            throw new ArgumentException($"the features used by the {what} must be a JSON object", nameof(signal));
        }
    }

    private static bool IsJsonObject(string? json)
    {
        if (json is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ToText(SignalAction action) => action switch
    {
        SignalAction.Buy => "BUY",
        SignalAction.Sell => "SELL",
        SignalAction.Hold => "HOLD",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static SignalAction ParseAction(string text) => text switch
    {
        "BUY" => SignalAction.Buy,
        "SELL" => SignalAction.Sell,
        "HOLD" => SignalAction.Hold,
        _ => throw new InvalidOperationException($"daily_signals holds an unknown action '{text}'"),
    };
}
