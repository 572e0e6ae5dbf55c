using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Tradewind.Core.Execution;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.AllocatorTestData;
using static Tradewind.Storage.Tests.PaperTrading.PaperAccountScenario;

namespace Tradewind.Storage.Tests.PaperTrading;

public sealed class PaperAccountRepositoryTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_execution_stores_its_marker_deposit_trades_cash_movements_and_positions(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);

        var result = await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);

        var stamp = At(Day1, 15).AddTicks(-7);
        var marker = new CompletedExecution(Strategy, Day1, signals.Day1, ExecutionStatus.Traded, 2, stamp);
        Assert.Equal(new ExecutionRecordResult(ExecutionOutcome.Recorded, marker), result);
        Assert.Equal(marker, await repository.GetExecutionAsync(Strategy, Day1, Ct));
        Assert.Null(await repository.GetExecutionAsync(Strategy, Day2, Ct));

        var trades = await repository.ListTradesAsync(Strategy, cancellationToken: Ct);
        Assert.Equal(
            [
                new TradeRecord(trades[0].Id, Strategy, Day1, "SPY", OrderSide.Buy, 1.2345m, 412.37m, 509.070765m, signals.Day1, stamp),
                new TradeRecord(trades[1].Id, Strategy, Day1, "QQQ", OrderSide.Buy, 0.5m, 400.10m, 200.050m, signals.Day1, stamp),
            ],
            trades);
        var ledger = await repository.ListLedgerAsync(Strategy, cancellationToken: Ct);
        Assert.Equal(
            [
                new CashLedgerEntry(ledger[0].Id, Strategy, Day1, CashLedgerKind.Deposit, null, 1000m, null, stamp),
                new CashLedgerEntry(ledger[1].Id, Strategy, Day1, CashLedgerKind.Buy, "SPY", -509.070765m, trades[0].Id, stamp),
                new CashLedgerEntry(ledger[2].Id, Strategy, Day1, CashLedgerKind.Buy, "QQQ", -200.050m, trades[1].Id, stamp),
            ],
            ledger);

        var account = await repository.LoadAsync(Strategy, Ct);
        Assert.Equal([new("QQQ", 0.5m, 400.10m), new("SPY", 1.2345m, 412.37m)], account.Positions);
        Assert.Equal((290.879235m, 1000m, (DateOnly?)Day1), (account.Cash, account.TotalDeposits, account.LastExecutedDate));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Three_days_keep_average_costs_remove_closed_positions_and_carry_the_cash(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);

        await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        await repository.RecordExecutionAsync(Day2Execution(signals.Day2), Ct);
        var afterDay2 = await repository.LoadAsync(Strategy, Ct);
        await repository.RecordExecutionAsync(Day3Execution(signals.Day3), Ct);
        var afterDay3 = await repository.LoadAsync(Strategy, Ct);

        Assert.Equal([new("DIA", 0.2718m, 376.89m), new("QQQ", 0.15m, 400.10m), new("SPY", 2.2345m, SpyCostAfterDay2)], afterDay2.Positions);
        Assert.Equal((916.940533m, 2000m), (afterDay2.Cash, afterDay2.TotalDeposits));
        Assert.Equal([new("DIA", 0.2718m, 376.89m)], afterDay3.Positions);
        Assert.Equal((2916.255533m, 3000m, (DateOnly?)Day3), (afterDay3.Cash, afterDay3.TotalDeposits, afterDay3.LastExecutedDate));
        Assert.Equal(CashAfterDay3, afterDay3.Cash);
        Assert.Equal(afterDay3.Cash, (await repository.ListLedgerAsync(Strategy, cancellationToken: Ct)).Sum(e => e.Amount));

        // Positions not traded on a date keep the date they last changed on.
        await using var connection = await database.ConnectAsync(Ct);
        Assert.Equal(
            "DIA 2024-01-03",
            string.Join(",", (await connection.QueryAsync<(string, object)>("SELECT symbol, updated_date FROM portfolio")).Select(r => $"{r.Item1} {Date(r.Item2)}")));
        Assert.Equal(
            [Day2, Day2, Day2],
            (await repository.ListTradesAsync(Strategy, Day2, Day2, Ct)).Select(t => t.TradeDate));
        Assert.Equal(
            ["SPY", "QQQ", "QQQ", "SPY", "DIA", "SPY", "QQQ"],
            (await repository.ListTradesAsync(Strategy, cancellationToken: Ct)).Select(t => t.Symbol));
        Assert.Equal(
            [null, "QQQ", "SPY", "DIA", null, "SPY", "QQQ"],
            (await repository.ListLedgerAsync(Strategy, Day2, cancellationToken: Ct)).Select(e => e.Symbol));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Decimals_round_trip_exactly_with_their_digits(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        var tiny = 0.0000000000000000000000000001m;
        var huge = 7922816251426433759354395.0335m;
        var execution = new ExecutionRecord(
            Strategy,
            Day1,
            signals.Day1,
            1000.00m,
            [Buy("SPY", 1.2345m, 412.37m), new TradeFill("QQQ", OrderSide.Buy, huge, tiny, 1m), Buy("DIA", 0.0001m, 79228162514264.337593543950m)],
            [new("SPY", 1.2345m, SpyCostAfterDay2), new("QQQ", huge, tiny), new("DIA", 0.0001m, 79228162514264.337593543950m)],
            At(Day1));
        // As many significant digits as a decimal holds (28 or 29): nothing may be lost on the way through the database.
        Assert.True(SpyCostAfterDay2.ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length >= 28);

        await repository.RecordExecutionAsync(execution, Ct);

        var account = await repository.LoadAsync(Strategy, Ct);
        var trades = await repository.ListTradesAsync(Strategy, cancellationToken: Ct);
        Assert.Equal(
            execution.Positions.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(Text),
            account.Positions.Select(Text));
        Assert.Equal(execution.Trades.Select(Text), trades.Select(t => Text(new TradeFill(t.Symbol, t.Action, t.Quantity, t.Price, t.Amount))));
        Assert.Equal(509.070765m, trades[0].Amount);
        Assert.Equal(1000.00m - 509.070765m - 1m - 7922816251.4264337593543950m, account.Cash);
        Assert.Equal("1000.00", account.TotalDeposits.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Executing_a_date_again_writes_nothing_and_returns_the_stored_marker(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        var first = await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        var before = await TableDump.DumpAsync(database, TableDump.AllocatorTables);

        var same = await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        // Even a different execution of the same date (a changed job, another price) is not applied.
        var different = await repository.RecordExecutionAsync(
            Day1Execution(signals.Day1) with { Deposit = 5m, Trades = [Buy("DIA", 1m, 1m)], Positions = [new("DIA", 1m, 1m)], CreatedAt = At(Day2) }, Ct);

        Assert.Equal(new ExecutionRecordResult(ExecutionOutcome.AlreadyExecuted, first.Execution), same);
        Assert.Equal(same, different);
        Assert.Equal(before, await TableDump.DumpAsync(database, TableDump.AllocatorTables));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Racing_runs_of_one_date_execute_it_exactly_once(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct), Ct)));

        var recorded = Assert.Single(results, r => r.Outcome == ExecutionOutcome.Recorded);
        Assert.All(results, r => Assert.Equal(recorded.Execution, r.Execution));
        Assert.Equal(2, (await repository.ListTradesAsync(Strategy, cancellationToken: Ct)).Count);
        Assert.Equal(CashAfterDay1, (await repository.LoadAsync(Strategy, Ct)).Cash);
    }

    [Fact]
    public async Task On_postgres_a_run_that_commits_the_date_between_the_check_and_the_insert_makes_this_one_already_executed()
    {
        var database = await _databases.OpenAsync(DatabaseDialect.Postgres);
        var signals = await SeedSignalsAsync(database);
        // Another writer (a job that does not take the repository's lock) executes the date after our check.
        var repository = new PaperAccountRepository(database, async (step, ct) =>
        {
            if (step == PaperAccountRepository.StepChecked)
            {
                await using var other = await database.ConnectAsync(ct);
                await other.ExecuteAsync(
                    "INSERT INTO executions (strategy, trade_date, signal_id, status, trade_count, created_at) VALUES (@Strategy, @Day1, @Signal, 'no_trades', 0, now())",
                    new { Strategy, Day1, Signal = signals.Day1 });
            }
        });

        var result = await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);

        Assert.Equal(ExecutionOutcome.AlreadyExecuted, result.Outcome);
        Assert.Equal((ExecutionStatus.NoTrades, 0), (result.Execution.Status, result.Execution.TradeCount));
        Assert.Empty(await repository.ListTradesAsync(Strategy, cancellationToken: Ct));
        Assert.Empty(await repository.ListLedgerAsync(Strategy, cancellationToken: Ct));
        Assert.Empty((await repository.LoadAsync(Strategy, Ct)).Positions);
    }

    [Fact]
    public async Task On_sqlite_no_other_writer_can_get_in_between_the_check_and_the_insert()
    {
        var database = await _databases.OpenAsync(DatabaseDialect.Sqlite);
        var signals = await SeedSignalsAsync(database);
        SqliteException? refused = null;
        var repository = new PaperAccountRepository(database, async (step, ct) =>
        {
            if (step == PaperAccountRepository.StepChecked)
            {
                await using var other = await database.ConnectAsync(ct);
                // Microsoft.Data.Sqlite retries a busy statement until the command timeout: give up after a second.
                await other.ExecuteAsync("PRAGMA busy_timeout=50");
                refused = await Assert.ThrowsAsync<SqliteException>(() => other.ExecuteAsync(
                    "INSERT INTO executions (strategy, trade_date, signal_id, status, trade_count, created_at) VALUES (@Strategy, '2024-01-02', NULL, 'no_trades', 0, '2024-01-02T15:00:00.0000000Z')",
                    new { Strategy },
                    commandTimeout: 1));
            }
        });

        var result = await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);

        // SQLITE_BUSY: the repository holds the database's write lock from before its check until its commit.
        Assert.Equal(5, refused!.SqliteErrorCode);
        Assert.Equal(ExecutionOutcome.Recorded, result.Outcome);
        Assert.Equal(2, result.Execution.TradeCount);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_date_without_a_signal_books_only_its_deposit(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);

        var withDeposit = await repository.RecordExecutionAsync(new ExecutionRecord(Strategy, Day1, null, 1000m, [], [], At(Day1)), Ct);
        var withoutDeposit = await repository.RecordExecutionAsync(new ExecutionRecord(Strategy, Day2, null, 0m, [], [], At(Day2)), Ct);

        Assert.Equal((ExecutionOutcome.Recorded, ExecutionStatus.NoTrades, 0, (long?)null), (withDeposit.Outcome, withDeposit.Execution.Status, withDeposit.Execution.TradeCount, withDeposit.Execution.SignalId));
        Assert.Equal(ExecutionOutcome.Recorded, withoutDeposit.Outcome);
        Assert.Equal([(Day1, CashLedgerKind.Deposit, 1000m)], (await repository.ListLedgerAsync(Strategy, cancellationToken: Ct)).Select(e => (e.TradeDate, e.Kind, e.Amount)));
        var account = await repository.LoadAsync(Strategy, Ct);
        Assert.Equal((1000m, 1000m, (DateOnly?)Day2), (account.Cash, account.TotalDeposits, account.LastExecutedDate));
        Assert.Empty(account.Positions);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Strategies_have_separate_accounts(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        var otherSignal = await SignalIdAsync(database, Day1, await ConfigVersionAsync(database, "other"), "other");

        await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        var other = await repository.RecordExecutionAsync(
            new ExecutionRecord("other", Day1, otherSignal, 50m, [Buy("SPY", 0.1m, 400m)], [new("SPY", 0.1m, 400m)], At(Day1)), Ct);

        Assert.Equal(ExecutionOutcome.Recorded, other.Outcome);
        Assert.Equal([new PaperPosition("SPY", 0.1m, 400m)], (await repository.LoadAsync("other", Ct)).Positions);
        Assert.Equal(10m, (await repository.LoadAsync("other", Ct)).Cash);
        Assert.Equal(CashAfterDay1, (await repository.LoadAsync(Strategy, Ct)).Cash);
        var none = await repository.LoadAsync("none", Ct);
        Assert.Equal(("none", 0m, 0m, (DateOnly?)null), (none.Strategy, none.Cash, none.TotalDeposits, none.LastExecutedDate));
        Assert.Empty(none.Positions);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Trades_must_execute_the_signal_of_their_own_strategy_and_date(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        var before = await TableDump.DumpAsync(database, TableDump.AllocatorTables);

        // Day 2's signal used on day 1, and a signal id that does not exist: the foreign keys refuse both.
        await Assert.ThrowsAnyAsync<DbException>(() => repository.RecordExecutionAsync(Day1Execution(signals.Day2), Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => repository.RecordExecutionAsync(Day1Execution(signals.Day3 + 1000), Ct));

        Assert.Equal(before, await TableDump.DumpAsync(database, TableDump.AllocatorTables));
        Assert.Equal(ExecutionOutcome.Recorded, (await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Positions_that_do_not_follow_from_the_stored_ones_and_the_trades_are_refused(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        var before = await TableDump.DumpAsync(database, TableDump.AllocatorTables);
        var day2 = Day2Execution(signals.Day2);
        ExecutionRecord[] wrong =
        [
            // SPY should be 2.2345 after buying 1 more.
            day2 with { Positions = [new("SPY", 2.2344m, SpyCostAfterDay2), new("QQQ", 0.15m, 400.10m), new("DIA", 0.2718m, 376.89m)] },
            // Selling more QQQ than held.
            day2 with { Trades = [Sell("QQQ", 0.5001m, 410m)], Positions = [new("SPY", 1.2345m, 412.37m)] },
            // QQQ is not traded but its cost changes.
            day2 with { Trades = [Buy("SPY", 1m, 415.00m)], Positions = [new("SPY", 2.2345m, SpyCostAfterDay2), new("QQQ", 0.5m, 401m)] },
            // A position appears without a trade.
            day2 with { Trades = [], Positions = [new("SPY", 1.2345m, 412.37m), new("QQQ", 0.5m, 400.10m), new("IWM", 1m, 200m)] },
            // A held position disappears without a sell.
            day2 with { Trades = [], Positions = [new("SPY", 1.2345m, 412.37m)] },
        ];

        foreach (var execution in wrong)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => repository.RecordExecutionAsync(execution, Ct));
        }

        Assert.Equal(before, await TableDump.DumpAsync(database, TableDump.AllocatorTables));
        Assert.Equal(ExecutionOutcome.Recorded, (await repository.RecordExecutionAsync(day2, Ct)).Outcome);
    }

    [Theory]
    [InlineData("negative deposit")]
    [InlineData("trades without signal")]
    [InlineData("zero quantity")]
    [InlineData("negative price")]
    [InlineData("zero amount")]
    [InlineData("symbol traded twice")]
    [InlineData("blank symbol")]
    [InlineData("two positions in one symbol")]
    [InlineData("zero position")]
    [InlineData("unknown action")]
    public async Task An_invalid_execution_is_refused_before_anything_is_written(string problem)
    {
        var database = await _databases.OpenAsync(DatabaseDialect.Sqlite);
        var repository = new PaperAccountRepository(database);
        var valid = Day1Execution((await SeedSignalsAsync(database)).Day1);
        var execution = problem switch
        {
            "negative deposit" => valid with { Deposit = -0.01m },
            "trades without signal" => valid with { SignalId = null },
            "zero quantity" => valid with { Trades = [new("SPY", OrderSide.Buy, 0m, 412.37m, 1m)] },
            "negative price" => valid with { Trades = [new("SPY", OrderSide.Buy, 1m, -412.37m, 1m)] },
            "zero amount" => valid with { Trades = [new("SPY", OrderSide.Buy, 1m, 412.37m, 0m)] },
            "symbol traded twice" => valid with { Trades = [Buy("SPY", 1m, 1m), Sell("SPY", 1m, 1m)], Positions = [] },
            "blank symbol" => valid with { Trades = [Buy(" ", 1m, 1m)] },
            "two positions in one symbol" => valid with { Positions = [new("SPY", 1m, 1m), new("SPY", 0.2345m, 1m)] },
            "zero position" => valid with { Positions = [new("SPY", 0m, 1m)] },
            "unknown action" => valid with { Trades = [new("SPY", (OrderSide)7, 1m, 1m, 1m)] },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => repository.RecordExecutionAsync(execution, Ct));

        Assert.Null(await repository.GetExecutionAsync(Strategy, Day1, Ct));
    }

    public void Dispose() => _databases.Dispose();

    private static string Text(PaperPosition p) => FormattableString.Invariant($"{p.Symbol} {p.Quantity} {p.AverageCost}");

    private static string Text(TradeFill t) => FormattableString.Invariant($"{t.Symbol} {t.Action} {t.Quantity} {t.Price} {t.Amount}");

    private static string Date(object value) => value switch
    {
        string text => text,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
