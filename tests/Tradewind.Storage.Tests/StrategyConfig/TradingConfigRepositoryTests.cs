using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Tradewind.Storage.Connections;
using Tradewind.Storage.StrategyConfig;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.StrategyConfig;

public sealed class TradingConfigRepositoryTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset T1 = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddDays(1);
    private static readonly DateTimeOffset T3 = T1.AddDays(2);
    private static readonly DateTimeOffset T4 = T1.AddDays(3);
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_first_apply_creates_version_1_active(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);

        var result = await repository.ApplyAsync("capital-allocator", Json("""{ "lookback_days": 252, "regime": { "bullish_threshold": 0.3 } }"""), "files:abc", "alice", "first", T1, Ct);

        Assert.True(result.Created);
        Assert.Null(result.Closed);
        var expected = new TradingConfigVersion(1, "capital-allocator", """{"lookback_days":252,"regime":{"bullish_threshold":0.3}}""", T1, null, T1, "alice", "files:abc", "first");
        Assert.Equal(expected, result.Active);
        Assert.True(result.Active.IsActive);
        Assert.Equal(expected, await repository.GetActiveAsync("capital-allocator", Ct));
        Assert.Equal(expected, await repository.GetAsync(1, Ct));
        Assert.Equal([expected], await repository.HistoryAsync("capital-allocator", Ct));
        Assert.Null(await repository.GetActiveAsync("other", Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Reapplying_the_same_parameters_in_another_key_order_and_layout_creates_nothing(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        var first = await repository.ApplyAsync("s", Json("""{"b": 1, "a": {"y": [1, 2.50, "x"], "x": "\u00e9"}}"""), "files:1", "alice", null, T1, Ct);

        var again = await repository.ApplyAsync("s", Json("{\n  \"a\" : { \"x\" : \"é\",\n \"y\":[1,2.50,\"\\u0078\"] },\r\n\t\"b\":1 }"), "files:2", "bob", "again", T2, Ct);

        Assert.False(again.Created);
        Assert.Null(again.Closed);
        Assert.Equal(first.Active, again.Active);
        Assert.Equal([first.Active], await repository.HistoryAsync("s", Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Applying_a_change_closes_the_active_version_at_now_and_activates_the_new_one(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        var v1 = (await repository.ApplyAsync("s", Json("""{"threshold": 0.3}"""), "files:1", "alice", null, T1, Ct)).Active;

        var result = await repository.ApplyAsync("s", Json("""{"threshold": 0.4}"""), TradingConfigSource.Tuning, "tuner", "better Sharpe", T2, Ct);

        Assert.True(result.Created);
        Assert.Equal(v1 with { EndDate = T2 }, result.Closed);
        Assert.Equal(new TradingConfigVersion(2, "s", """{"threshold":0.4}""", T2, null, T2, "tuner", "tuning", "better Sharpe"), result.Active);
        Assert.Equal([result.Active, v1 with { EndDate = T2 }], await repository.HistoryAsync("s", Ct));
        Assert.Equal(result.Active, await repository.GetActiveAsync("s", Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_database_itself_refuses_a_second_active_version_of_a_strategy(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new TradingConfigRepository(database);
        await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T1, Ct);
        await using var connection = await database.ConnectAsync(Ct);

        // Behind the repository's back: a second active row of the same strategy breaks the partial unique index ...
        var error = await Assert.ThrowsAnyAsync<DbException>(() => InsertRawAsync(connection, "s", endDate: null));
        Assert.Contains("trading_config", error.Message, StringComparison.Ordinal);
        // ... while a closed row of it, and an active row of another strategy, are fine.
        await InsertRawAsync(connection, "s", endDate: "2024-01-03T00:00:00.0000000Z");
        await InsertRawAsync(connection, "other", endDate: null);
        // A version cannot end before it starts.
        await Assert.ThrowsAnyAsync<DbException>(() => InsertRawAsync(connection, "s", endDate: "2023-12-31T00:00:00.0000000Z"));

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trading_config WHERE strategy = 's' AND end_date IS NULL"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM trading_config WHERE strategy = 's'"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_apply_racing_a_writer_that_activates_a_version_first_never_leaves_two_active(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new TradingConfigRepository(database);
        await using var other = await database.ConnectAsync(Ct);
        await using var otherTransaction = await other.BeginTransactionAsync(Ct);
        await InsertRawAsync(other, "s", endDate: null, otherTransaction);

        var apply = Task.Run(() => repository.ApplyAsync("s", Json("""{"a": 2}"""), "files:2", "bob", null, T2, Ct), Ct);
        await WaitUntilBlockedAsync(dialect, database, apply);
        await otherTransaction.CommitAsync(Ct);

        if (dialect == DatabaseDialect.Sqlite)
        {
            // SQLite has one writer at a time: the apply waited for the other writer, then closed its version.
            var result = await apply;
            Assert.Equal(1, result.Closed!.Id);
            Assert.Equal(2, result.Active.Id);
        }
        else
        {
            // PostgreSQL let both read "no active version"; the one-active index makes the later insert fail.
            var error = await Assert.ThrowsAsync<TradingConfigConflictException>(() => apply);
            Assert.Contains("another change activated a version of strategy 's' at the same time; this one was not stored", error.Message, StringComparison.Ordinal);
            Assert.Single(await repository.HistoryAsync("s", Ct));
        }

        Assert.Single(await repository.HistoryAsync("s", Ct), v => v.IsActive);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Many_concurrent_applies_leave_exactly_one_active_version(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""{"n": 0}"""), "files:0", "alice", null, T1, Ct);

        var applies = Enumerable.Range(1, 6)
            .Select(n => Task.Run(() => repository.ApplyAsync("s", Json($$"""{"n": {{n}}}"""), "files:n", "alice", null, T2, Ct), Ct))
            .ToArray();
        var stored = 0;
        foreach (var apply in applies)
        {
            try
            {
                stored += (await apply).Created ? 1 : 0;
            }
            catch (TradingConfigConflictException)
            {
                // The loser of a race is told so and stores nothing.
            }
        }

        var history = await repository.HistoryAsync("s", Ct);
        Assert.True(stored >= 1);
        Assert.Equal(1 + stored, history.Count);
        Assert.Single(history, v => v.IsActive);
        Assert.Equal(history.Max(v => v.Id), history.Single(v => v.IsActive).Id);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Rollback_activates_the_old_parameters_as_a_new_version_and_keeps_all_history(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T1, Ct);
        await repository.ApplyAsync("s", Json("""{"a": 2}"""), "files:2", "alice", null, T2, Ct);
        await repository.ApplyAsync("s", Json("""{"a": 3}"""), "files:3", "alice", null, T3, Ct);
        var before = await repository.HistoryAsync("s", Ct);

        var result = await repository.RollbackAsync(1, "bob", "3 lost money", T4, Ct);

        Assert.True(result.Created);
        Assert.Equal(new TradingConfigVersion(4, "s", """{"a":1}""", T4, null, T4, "bob", "rollback:1", "3 lost money"), result.Active);
        Assert.Equal(before[0] with { EndDate = T4 }, result.Closed);
        var after = await repository.HistoryAsync("s", Ct);
        Assert.Equal([result.Active, before[0] with { EndDate = T4 }, before[1], before[2]], after);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Rollback_to_the_parameters_already_active_changes_nothing(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T1, Ct);
        await repository.ApplyAsync("s", Json("""{"a": 2}"""), "files:2", "alice", null, T2, Ct);
        var v3 = (await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T3, Ct)).Active;
        var before = await repository.HistoryAsync("s", Ct);

        var toActive = await repository.RollbackAsync(3, "bob", null, T4, Ct);
        var toSameParameters = await repository.RollbackAsync(1, "bob", null, T4, Ct);

        Assert.Equal(new TradingConfigApplyResult(false, v3, null), toActive);
        Assert.Equal(new TradingConfigApplyResult(false, v3, null), toSameParameters);
        Assert.Equal(before, await repository.HistoryAsync("s", Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Unknown_version_ids_are_a_clear_error(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T1, Ct);

        var rollback = await Assert.ThrowsAsync<TradingConfigVersionNotFoundException>(() => repository.RollbackAsync(42, "bob", null, T2, Ct));
        var diff = await Assert.ThrowsAsync<TradingConfigVersionNotFoundException>(() => repository.DiffAsync(1, 7, Ct));

        Assert.Equal((42, "configuration version 42 does not exist"), (rollback.VersionId, rollback.Message));
        Assert.Equal(7, diff.VersionId);
        Assert.Null(await repository.GetAsync(42, Ct));
        Assert.Single(await repository.HistoryAsync(cancellationToken: Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Diff_lists_exactly_the_changed_paths_in_nested_objects_and_arrays(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""
            {
              "lookback_days": 252,
              "regime": { "bullish_threshold": 0.3, "bearish_threshold": -0.3 },
              "assets": ["SPY", "QQQ", "DIA"],
              "universe": [ { "symbol": "SPY", "max_weight": 0.6 }, { "symbol": "QQQ", "max_weight": 0.5 } ],
              "risk": { "high": 70 },
              "retired": 1
            }
            """), "files:1", "alice", null, T1, Ct);
        await repository.ApplyAsync("s", Json("""
            {
              "lookback_days": 252,
              "regime": { "bearish_threshold": -0.3, "bullish_threshold": 0.4 },
              "assets": ["SPY", "GLD"],
              "universe": [ { "symbol": "SPY", "max_weight": 0.6 }, { "max_weight": 0.45, "symbol": "QQQ" } ],
              "risk": { "high": 70, "medium": 40 },
              "added": { "on": true }
            }
            """), "files:2", "alice", null, T2, Ct);

        var diff = await repository.DiffAsync(1, 2, Ct);

        Assert.Equal(
            [
                new ParameterDifference("added", null, """{"on":true}"""),
                new ParameterDifference("assets[1]", "\"QQQ\"", "\"GLD\""),
                new ParameterDifference("assets[2]", "\"DIA\"", null),
                new ParameterDifference("regime.bullish_threshold", "0.3", "0.4"),
                new ParameterDifference("retired", "1", null),
                new ParameterDifference("risk.medium", null, "40"),
                new ParameterDifference("universe[1].max_weight", "0.5", "0.45"),
            ],
            diff);
        Assert.Equal(diff.Select(d => new ParameterDifference(d.Path, d.ValueInB, d.ValueInA)), await repository.DiffAsync(2, 1, Ct));
        Assert.Empty(await repository.DiffAsync(2, 2, Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Strategies_have_independent_versions(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        var a1 = (await repository.ApplyAsync("a", Json("""{"x": 1}"""), "files:1", "alice", null, T1, Ct)).Active;
        var b1 = (await repository.ApplyAsync("b", Json("""{"x": 1}"""), "files:1", "alice", null, T1, Ct)).Active;
        var a2 = (await repository.ApplyAsync("a", Json("""{"x": 2}"""), "files:2", "alice", null, T2, Ct)).Active;
        var a4 = (await repository.RollbackAsync(a1.Id, "bob", null, T3, Ct)).Active;

        Assert.Equal(b1, await repository.GetActiveAsync("b", Ct));
        Assert.Equal([b1], await repository.HistoryAsync("b", Ct));
        Assert.Equal([a4.Id, a2.Id, a1.Id], (await repository.HistoryAsync("a", Ct)).Select(v => v.Id));
        Assert.Equal([4L, 3, 2, 1], (await repository.HistoryAsync(cancellationToken: Ct)).Select(v => v.Id));
        Assert.Equal(("a", """{"x":1}"""), (a4.Strategy, a4.Parameters));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_change_dated_before_the_active_version_started_is_refused_and_stores_nothing(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, T2, Ct);

        var error = await Assert.ThrowsAsync<TradingConfigConflictException>(() => repository.ApplyAsync("s", Json("""{"a": 2}"""), "files:2", "alice", null, T1, Ct));

        Assert.Contains("the active version 1 of strategy 's' starts at 2024-01-03T14:30:00.0000000Z, after the time of this change (2024-01-02T14:30:00.0000000Z)", error.Message, StringComparison.Ordinal);
        Assert.Single(await repository.HistoryAsync("s", Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Times_are_stored_in_UTC_to_the_microsecond_on_both_dialects(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        var now = new DateTimeOffset(2024, 7, 1, 9, 30, 15, TimeSpan.FromHours(-4)).AddTicks(1_234_567);

        var stored = (await repository.ApplyAsync("s", Json("""{"a": 1}"""), "files:1", "alice", null, now, Ct)).Active;
        var read = await repository.GetAsync(stored.Id, Ct);

        var expected = new DateTimeOffset(2024, 7, 1, 13, 30, 15, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal(stored, read);
        Assert.Equal((expected, TimeSpan.Zero), (read!.StartDate, read.StartDate.Offset));
        Assert.Equal(expected, read.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Parameters_text_round_trips_exactly(DatabaseDialect dialect)
    {
        var repository = await RepositoryAsync(dialect);
        var parameters = Json("""{"name": "caf\u00e9 \"quoted\" \\ \u2603", "big": 12345678901234567890, "small": 1e-9, "exact": 0.1000, "none": null, "list": [[], {}]}""");

        var stored = (await repository.ApplyAsync("s", parameters, "files:1", "alice", "notes with 'quotes'", T1, Ct)).Active;

        Assert.Equal("""{"big":12345678901234567890,"exact":0.1000,"list":[[],{}],"name":"café \"quoted\" \\ ☃","none":null,"small":1e-9}""", stored.Parameters);
        Assert.Equal(stored, await repository.GetAsync(stored.Id, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" padded")]
    public async Task A_blank_or_padded_strategy_name_is_refused(string strategy)
    {
        var repository = await RepositoryAsync(DatabaseDialect.Sqlite);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => repository.ApplyAsync(strategy, Json("{}"), "files:1", "alice", null, T1, Ct));
        Assert.Empty(await repository.HistoryAsync(cancellationToken: Ct));
    }

    public void Dispose() => _databases.Dispose();

    internal static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private async Task<TradingConfigRepository> RepositoryAsync(DatabaseDialect dialect) => new(await _databases.OpenAsync(dialect));

    // Literal times: the same ISO text is a valid SQLite value and a valid PostgreSQL timestamptz literal.
    private static Task<int> InsertRawAsync(DbConnection connection, string strategy, string? endDate, DbTransaction? transaction = null) =>
        connection.ExecuteAsync(
            "INSERT INTO trading_config (strategy, parameters, start_date, end_date, created_at, created_by, source, notes) " +
            $"VALUES (@strategy, '{{\"raw\":true}}', '2024-01-01T00:00:00.0000000Z', {(endDate is null ? "NULL" : $"'{endDate}'")}, '2024-01-01T00:00:00.0000000Z', 'sql', 'manual', NULL)",
            new { strategy },
            transaction);

    /// <summary>Waits until the apply is blocked by the other transaction: on a PostgreSQL lock, or on SQLite's write lock.</summary>
    private static async Task WaitUntilBlockedAsync(DatabaseDialect dialect, TradewindDatabase database, Task apply)
    {
        // Its own connection outside any transaction: PostgreSQL shows one snapshot of pg_stat_activity per transaction.
        await using var monitor = await database.ConnectAsync(Ct);
        var deadline = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < deadline && !apply.IsCompleted)
        {
            if (dialect == DatabaseDialect.Postgres)
            {
                var waiting = await monitor.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'");
                if (waiting > 0)
                {
                    return;
                }
            }
            else
            {
                // SQLite shows no waiters; give the apply time to reach BEGIN IMMEDIATE (it waits up to busy_timeout).
                await Task.Delay(300, Ct);
                return;
            }

            await Task.Delay(20, Ct);
        }

        Assert.False(apply.IsCompleted, "the apply finished before the other writer committed");
        Assert.Fail("the apply never waited for the other writer's lock");
    }
}
