using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tradewind.Core.Execution;
using Tradewind.Storage.Connections;

namespace Tradewind.Storage.PaperTrading;

/// <summary>
/// The paper accounts of daily strategies on either dialect: positions (<c>portfolio</c>), cash (<c>cash_ledger</c>),
/// <c>trades</c> and the completion marker of each executed date (<c>executions</c>). A date's execution is written in
/// one transaction, at most once: a second run of the date writes nothing, and the tables' keys refuse one even
/// from code that does not ask first.
/// </summary>
public sealed class PaperAccountRepository
{
    /// <summary>Step after the check that the date is not executed yet, before the first write.</summary>
    internal const string StepChecked = "checked";

    /// <summary>Step after the completion marker is inserted.</summary>
    internal const string StepExecution = "execution";

    /// <summary>Step after the deposit is booked (also reached when the date deposits nothing).</summary>
    internal const string StepDeposit = "deposit";

    /// <summary>Step after the trades are inserted.</summary>
    internal const string StepTrades = "trades";

    /// <summary>Step after the trades' cash movements are booked.</summary>
    internal const string StepLedger = "ledger";

    /// <summary>Step after the positions are replaced, just before the commit.</summary>
    internal const string StepPortfolio = "portfolio";

    private const string TradeColumns = "id, strategy, trade_date, symbol, action, quantity, price, amount, signal_id, created_at";
    private const string LedgerColumns = "id, strategy, trade_date, kind, symbol, amount, trade_id, created_at";
    private const string ExecutionColumns = "strategy, trade_date, signal_id, status, trade_count, created_at";

    // PostgreSQL's name for the (strategy, trade_date) key of executions (named in migration 0004).
    private const string ExecutionKey = "executions_pkey";

    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteUniqueViolation = 2067;

    private readonly TradewindDatabase _database;
    private readonly ColumnValues _values;
    private readonly Func<string, CancellationToken, Task>? _afterStep;

    /// <summary>Creates a repository over an opened (migrated) database.</summary>
    public PaperAccountRepository(TradewindDatabase database)
        : this(database, null)
    {
    }

    /// <summary>
    /// Creates a repository that calls <paramref name="afterStep"/> with the name of each step of
    /// <see cref="RecordExecutionAsync"/> as it completes, inside the transaction: tests throw from it to crash
    /// the execution between two writes.
    /// </summary>
    internal PaperAccountRepository(TradewindDatabase database, Func<string, CancellationToken, Task>? afterStep)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _values = new ColumnValues(database.Dialect);
        _afterStep = afterStep;
    }

    /// <summary>The steps of <see cref="RecordExecutionAsync"/>, in order.</summary>
    internal static IReadOnlyList<string> Steps { get; } = [StepChecked, StepExecution, StepDeposit, StepTrades, StepLedger, StepPortfolio];

    /// <summary>
    /// The paper account of <paramref name="strategy"/>, read in one snapshot: positions by symbol, the cash balance
    /// (the sum of its ledger), the total deposits and the last executed date. An account never executed is empty.
    /// </summary>
    public async Task<PaperAccountState> LoadAsync(string strategy, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        var positions = (await ReadPositionsAsync(connection, transaction, strategy, cancellationToken)).Values
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .ToList();

        // Summed here, in decimal: SQLite would sum the text amounts as REAL and round them.
        decimal cash = 0, deposits = 0;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT kind, amount FROM cash_ledger WHERE strategy = @strategy", new { strategy }, transaction, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var amount = _values.ReadDecimal(reader, 1);
                cash += amount;
                if (ParseKind(reader.GetString(0)) == CashLedgerKind.Deposit)
                {
                    deposits += amount;
                }
            }
        }

        DateOnly? last = null;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT MAX(trade_date) FROM executions WHERE strategy = @strategy", new { strategy }, transaction, cancellationToken: cancellationToken)))
        {
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
            {
                last = _values.ReadDate(reader, 0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new PaperAccountState(strategy, positions, cash, deposits, last);
    }

    /// <summary>The completion marker of <paramref name="strategy"/> for <paramref name="tradeDate"/>; null when that date is not executed.</summary>
    public async Task<CompletedExecution?> GetExecutionAsync(string strategy, DateOnly tradeDate, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await ReadExecutionAsync(connection, null, strategy, tradeDate, cancellationToken);
    }

    /// <summary>
    /// Stores the execution of one date in ONE transaction, in this order: the completion marker, the deposit, the
    /// trades, one cash movement per trade, the positions (the stored ones are replaced by
    /// <see cref="ExecutionRecord.Positions"/>). A failure at any point stores nothing of the date. When the date is
    /// already executed, nothing is written and the result is <see cref="ExecutionOutcome.AlreadyExecuted"/> with
    /// the stored marker; that holds too when a concurrent run commits the date first.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The execution is invalid (non-positive quantities or prices, a symbol traded twice, trades without a signal)
    /// or does not reconcile with the stored positions (see <see cref="ExecutionRecord.Positions"/>); nothing is stored.
    /// </exception>
    /// <exception cref="DbException">The signal is not the strategy's signal for the date, or the database fails; nothing is stored.</exception>
    public async Task<ExecutionRecordResult> RecordExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken = default)
    {
        Validate(execution);
        var stored = execution with { CreatedAt = ColumnValues.ToStoredPrecision(execution.CreatedAt) };
        await using var connection = await _database.ConnectAsync(cancellationToken);
        try
        {
            return await WriteAsync(connection, stored, cancellationToken);
        }
        catch (DbException ex) when (IsExecutionKeyViolation(ex))
        {
            // A concurrent run inserted the marker between our check and our insert and committed: the date is done.
            // WriteAsync's transaction is rolled back by now, so the connection can read again.
            var existing = await ReadExecutionAsync(connection, null, stored.Strategy, stored.TradeDate, cancellationToken)
                ?? throw new InvalidOperationException($"the execution of {stored.Strategy} on {stored.TradeDate:yyyy-MM-dd} collided with another run that is not stored", ex);
            return new ExecutionRecordResult(ExecutionOutcome.AlreadyExecuted, existing);
        }
    }

    /// <summary>The trades of <paramref name="strategy"/> dated in [<paramref name="from"/>, <paramref name="to"/>] (either bound optional), by date and in the order they were made.</summary>
    public async Task<IReadOnlyList<TradeRecord>> ListTradesAsync(string strategy, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {TradeColumns} FROM trades WHERE strategy = @strategy AND trade_date >= @from AND trade_date <= @to ORDER BY trade_date, id",
            new { strategy, from = _values.Date(from ?? DateOnly.MinValue), to = _values.Date(to ?? DateOnly.MaxValue) },
            cancellationToken: cancellationToken));
        var trades = new List<TradeRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            trades.Add(new TradeRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                _values.ReadDate(reader, 2),
                reader.GetString(3),
                ParseAction(reader.GetString(4)),
                _values.ReadDecimal(reader, 5),
                _values.ReadDecimal(reader, 6),
                _values.ReadDecimal(reader, 7),
                reader.GetInt64(8),
                _values.ReadTime(reader, 9)));
        }

        return trades;
    }

    /// <summary>The cash movements of <paramref name="strategy"/> dated in [<paramref name="from"/>, <paramref name="to"/>] (either bound optional), by date and in booking order.</summary>
    public async Task<IReadOnlyList<CashLedgerEntry>> ListLedgerAsync(string strategy, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        CheckStrategy(strategy);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {LedgerColumns} FROM cash_ledger WHERE strategy = @strategy AND trade_date >= @from AND trade_date <= @to ORDER BY trade_date, id",
            new { strategy, from = _values.Date(from ?? DateOnly.MinValue), to = _values.Date(to ?? DateOnly.MaxValue) },
            cancellationToken: cancellationToken));
        var entries = new List<CashLedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var symbol = reader.GetString(4);
            entries.Add(new CashLedgerEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                _values.ReadDate(reader, 2),
                ParseKind(reader.GetString(3)),
                symbol.Length == 0 ? null : symbol,
                _values.ReadDecimal(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                _values.ReadTime(reader, 7)));
        }

        return entries;
    }

    private async Task<ExecutionRecordResult> WriteAsync(DbConnection connection, ExecutionRecord execution, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginWriteAsync(connection, execution.Strategy, cancellationToken);
        var existing = await ReadExecutionAsync(connection, transaction, execution.Strategy, execution.TradeDate, cancellationToken);
        if (existing is not null)
        {
            return new ExecutionRecordResult(ExecutionOutcome.AlreadyExecuted, existing);
        }

        await StepAsync(StepChecked, cancellationToken);
        var held = await ReadPositionsAsync(connection, transaction, execution.Strategy, cancellationToken);
        Reconcile(execution, held);

        var strategy = execution.Strategy;
        var date = _values.Date(execution.TradeDate);
        var createdAt = _values.Time(execution.CreatedAt);
        var marker = new CompletedExecution(
            strategy,
            execution.TradeDate,
            execution.SignalId,
            execution.Trades.Count > 0 ? ExecutionStatus.Traded : ExecutionStatus.NoTrades,
            execution.Trades.Count,
            execution.CreatedAt);
        // The marker first: a concurrent run of the same date then fails on its key before writing anything else.
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO executions ({ExecutionColumns}) VALUES (@strategy, @date, @signalId, @status, @tradeCount, @createdAt)",
            new { strategy, date, signalId = marker.SignalId, status = ToText(marker.Status), tradeCount = marker.TradeCount, createdAt },
            transaction,
            cancellationToken: cancellationToken));
        await StepAsync(StepExecution, cancellationToken);

        if (execution.Deposit > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO cash_ledger (strategy, trade_date, kind, symbol, amount, trade_id, created_at) VALUES (@strategy, @date, 'deposit', '', @amount, NULL, @createdAt)",
                new { strategy, date, amount = _values.Decimal(execution.Deposit), createdAt },
                transaction,
                cancellationToken: cancellationToken));
        }

        await StepAsync(StepDeposit, cancellationToken);

        var tradeIds = new long[execution.Trades.Count];
        for (var i = 0; i < execution.Trades.Count; i++)
        {
            var trade = execution.Trades[i];
            tradeIds[i] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO trades (strategy, trade_date, symbol, action, quantity, price, amount, signal_id, created_at) " +
                "VALUES (@strategy, @date, @symbol, @action, @quantity, @price, @amount, @signalId, @createdAt) RETURNING id",
                new
                {
                    strategy,
                    date,
                    symbol = trade.Symbol,
                    action = ToText(trade.Action),
                    quantity = _values.Decimal(trade.Quantity),
                    price = _values.Decimal(trade.Price),
                    amount = _values.Decimal(trade.Amount),
                    signalId = execution.SignalId,
                    createdAt,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await StepAsync(StepTrades, cancellationToken);

        for (var i = 0; i < execution.Trades.Count; i++)
        {
            var trade = execution.Trades[i];
            var buy = trade.Action == OrderSide.Buy;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO cash_ledger (strategy, trade_date, kind, symbol, amount, trade_id, created_at) VALUES (@strategy, @date, @kind, @symbol, @amount, @tradeId, @createdAt)",
                new
                {
                    strategy,
                    date,
                    kind = ToText(buy ? CashLedgerKind.Buy : CashLedgerKind.Sell),
                    symbol = trade.Symbol,
                    amount = _values.Decimal(buy ? -trade.Amount : trade.Amount),
                    tradeId = tradeIds[i],
                    createdAt,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await StepAsync(StepLedger, cancellationToken);

        await ReplacePositionsAsync(connection, transaction, execution, held, cancellationToken);
        await StepAsync(StepPortfolio, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new ExecutionRecordResult(ExecutionOutcome.Recorded, marker);
    }

    /// <summary>
    /// Makes the stored positions equal <see cref="ExecutionRecord.Positions"/>, touching only what changed, so that a
    /// position's updated_date says when it last changed.
    /// </summary>
    private async Task ReplacePositionsAsync(
        DbConnection connection, DbTransaction transaction, ExecutionRecord execution, Dictionary<string, PaperPosition> held, CancellationToken cancellationToken)
    {
        var date = _values.Date(execution.TradeDate);
        var after = execution.Positions.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        foreach (var symbol in held.Keys.Where(s => !after.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM portfolio WHERE strategy = @strategy AND symbol = @symbol",
                new { strategy = execution.Strategy, symbol },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var position in execution.Positions)
        {
            var values = new
            {
                strategy = execution.Strategy,
                symbol = position.Symbol,
                quantity = _values.Decimal(position.Quantity),
                averageCost = _values.Decimal(position.AverageCost),
                date,
            };
            if (!held.TryGetValue(position.Symbol, out var before))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO portfolio (strategy, symbol, quantity, average_cost, updated_date) VALUES (@strategy, @symbol, @quantity, @averageCost, @date)",
                    values,
                    transaction,
                    cancellationToken: cancellationToken));
            }
            else if (before != position)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE portfolio SET quantity = @quantity, average_cost = @averageCost, updated_date = @date WHERE strategy = @strategy AND symbol = @symbol",
                    values,
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }
    }

    /// <summary>
    /// Refuses positions that do not follow from the stored ones and the trades: what the portfolio says must be what
    /// the trades did, or the account no longer reconciles with its own history.
    /// </summary>
    private static void Reconcile(ExecutionRecord execution, Dictionary<string, PaperPosition> held)
    {
        var what = $"the execution of {execution.Strategy} on {execution.TradeDate:yyyy-MM-dd}";
        var expected = held.ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal);
        foreach (var trade in execution.Trades)
        {
            var before = expected.GetValueOrDefault(trade.Symbol);
            if (trade.Action == OrderSide.Sell && trade.Quantity > before)
            {
                throw new ArgumentException($"{what} sells {trade.Quantity} {trade.Symbol} but the account holds {before}", nameof(execution));
            }

            expected[trade.Symbol] = trade.Action == OrderSide.Buy ? before + trade.Quantity : before - trade.Quantity;
        }

        var after = execution.Positions.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        foreach (var position in execution.Positions)
        {
            if (!expected.ContainsKey(position.Symbol))
            {
                throw new ArgumentException($"{what} gives a position in {position.Symbol}, which is neither held nor traded", nameof(execution));
            }
        }

        var traded = execution.Trades.Select(t => t.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var (symbol, quantity) in expected)
        {
            var given = after.GetValueOrDefault(symbol);
            if ((given?.Quantity ?? 0) != quantity)
            {
                throw new ArgumentException(
                    $"{what} gives {given?.Quantity ?? 0} {symbol} afterwards, but the account held {held.GetValueOrDefault(symbol)?.Quantity ?? 0} and the trades make that {quantity}",
                    nameof(execution));
            }

            if (!traded.Contains(symbol) && given != held[symbol])
            {
                throw new ArgumentException($"{what} changes the position in {symbol} ({held[symbol]} to {given}) without trading it", nameof(execution));
            }
        }
    }

    private async Task<Dictionary<string, PaperPosition>> ReadPositionsAsync(DbConnection connection, DbTransaction transaction, string strategy, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, PaperPosition>(StringComparer.Ordinal);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT symbol, quantity, average_cost FROM portfolio WHERE strategy = @strategy", new { strategy }, transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = new PaperPosition(reader.GetString(0), _values.ReadDecimal(reader, 1), _values.ReadDecimal(reader, 2));
            positions.Add(position.Symbol, position);
        }

        return positions;
    }

    private async Task<CompletedExecution?> ReadExecutionAsync(DbConnection connection, DbTransaction? transaction, string strategy, DateOnly tradeDate, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {ExecutionColumns} FROM executions WHERE strategy = @strategy AND trade_date = @date",
            new { strategy, date = _values.Date(tradeDate) },
            transaction,
            cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new CompletedExecution(
            reader.GetString(0),
            _values.ReadDate(reader, 1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            ParseStatus(reader.GetString(3)),
            reader.GetInt32(4),
            _values.ReadTime(reader, 5));
    }

    private async Task<DbTransaction> BeginWriteAsync(DbConnection connection, string strategy, CancellationToken cancellationToken)
    {
        if (_database.Dialect == DatabaseDialect.Sqlite)
        {
            // SQLite's write lock before the check: no other writer can execute the date between check and insert.
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }

        // One execution at a time per strategy: executions of two dates must not both replace the positions that each
        // read. Two runs of the same date would also be caught by the executions key, but then one of them fails late.
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('tradewind.paper_account:' || @strategy, 0))",
            new { strategy },
            transaction,
            cancellationToken: cancellationToken));
        return transaction;
    }

    private async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        _database.Dialect == DatabaseDialect.Sqlite
            ? ((SqliteConnection)connection).BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    private Task StepAsync(string step, CancellationToken cancellationToken) =>
        _afterStep is null ? Task.CompletedTask : _afterStep(step, cancellationToken);

    private static bool IsExecutionKeyViolation(DbException ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqlitePrimaryKeyViolation or SqliteUniqueViolation
            && sqlite.Message.Contains("executions.", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == ExecutionKey,
        _ => false,
    };

    private static void Validate(ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        CheckStrategy(execution.Strategy);
        var what = $"the execution of {execution.Strategy} on {execution.TradeDate:yyyy-MM-dd}";
        if (execution.Trades is null || execution.Positions is null)
        {
            throw new ArgumentException($"{what} needs its trades and its positions afterwards (empty lists when there are none)", nameof(execution));
        }

        if (execution.Deposit < 0)
        {
            throw new ArgumentException($"{what} deposits {execution.Deposit}; a deposit cannot be negative", nameof(execution));
        }

        if (execution.Trades.Count > 0 && execution.SignalId is null)
        {
            throw new ArgumentException($"{what} has {execution.Trades.Count} trades but no signal; every trade executes a signal", nameof(execution));
        }

        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trade in execution.Trades)
        {
            if (!IsProperSymbol(trade?.Symbol))
            {
                throw new ArgumentException($"{what} has a trade without a proper symbol ('{trade?.Symbol}')", nameof(execution));
            }

            if (!Enum.IsDefined(trade!.Action) || trade.Quantity <= 0 || trade.Price <= 0 || trade.Amount <= 0)
            {
                throw new ArgumentException($"{what} has an invalid trade {trade}: action must be buy or sell, and quantity, price and amount positive", nameof(execution));
            }

            if (!symbols.Add(trade.Symbol))
            {
                throw new ArgumentException($"{what} trades {trade.Symbol} twice; a date has at most one trade per symbol", nameof(execution));
            }
        }

        symbols.Clear();
        foreach (var position in execution.Positions)
        {
            if (!IsProperSymbol(position?.Symbol))
            {
                throw new ArgumentException($"{what} has a position without a proper symbol ('{position?.Symbol}')", nameof(execution));
            }

            if (position!.Quantity <= 0 || position.AverageCost <= 0)
            {
                throw new ArgumentException($"{what} has an invalid position {position}: quantity and average cost must be positive (a closed position is left out)", nameof(execution));
            }

            if (!symbols.Add(position.Symbol))
            {
                throw new ArgumentException($"{what} gives two positions in {position.Symbol}", nameof(execution));
            }
        }
    }

    private static bool IsProperSymbol(string? symbol) =>
        !string.IsNullOrWhiteSpace(symbol) && string.Equals(symbol, symbol.Trim(), StringComparison.Ordinal);

    private static void CheckStrategy(string strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        if (!string.Equals(strategy, strategy.Trim(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"strategy name '{strategy}' starts or ends with white space", nameof(strategy));
        }
    }

    private static string ToText(OrderSide action) => action == OrderSide.Buy ? "BUY" : "SELL";

    private static OrderSide ParseAction(string text) => text switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new InvalidOperationException($"trades holds an unknown action '{text}'"),
    };

    private static string ToText(CashLedgerKind kind) => kind switch
    {
        CashLedgerKind.Deposit => "deposit",
        CashLedgerKind.Buy => "buy",
        CashLedgerKind.Sell => "sell",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static CashLedgerKind ParseKind(string text) => text switch
    {
        "deposit" => CashLedgerKind.Deposit,
        "buy" => CashLedgerKind.Buy,
        "sell" => CashLedgerKind.Sell,
        _ => throw new InvalidOperationException($"cash_ledger holds an unknown kind '{text}'"),
    };

    private static string ToText(ExecutionStatus status) => status == ExecutionStatus.Traded ? "traded" : "no_trades";

    private static ExecutionStatus ParseStatus(string text) => text switch
    {
        "traded" => ExecutionStatus.Traded,
        "no_trades" => ExecutionStatus.NoTrades,
        _ => throw new InvalidOperationException($"executions holds an unknown status '{text}'"),
    };
}
