using System.Data.Common;
using Dapper;
using Tradewind.Core.Analytics;
using Tradewind.Core.Market;
using Tradewind.Storage.Backtests;
using Tradewind.Storage.Connections;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.Backtests;

public sealed class BacktestRunRepositoryTests(PostgresServer postgres) : IDisposable
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_saved_run_and_its_trades_read_back_exactly(DatabaseDialect dialect)
    {
        var repository = new BacktestRunRepository(await _databases.OpenAsync(dialect));
        var trades = Trades();
        var run = Run(Guid.CreateVersion7(), new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), trades.Count);

        await repository.SaveAsync(run, trades, Ct);

        var stored = await repository.FindAsync(run.RunId, Ct);
        Assert.NotNull(stored);
        // Microseconds survive; the 100 ns digit does not (PostgreSQL's precision, kept on both dialects).
        Assert.Equal(run.CreatedAt.AddTicks(-7), stored.CreatedAt);
        Assert.Equal(run with { CreatedAt = stored.CreatedAt, Symbols = stored.Symbols, Parameters = stored.Parameters, Summary = stored.Summary }, stored);
        Assert.Equal(["SPY", "QQQ"], stored.Symbols);
        Assert.Equal(Normalize(run.Parameters), Normalize(stored.Parameters));
        Assert.Equal(Normalize(run.Summary), Normalize(stored.Summary));
        Assert.Equal(trades, await repository.TradesAsync(run.RunId, Ct));
        Assert.Null(await repository.FindAsync(Guid.NewGuid(), Ct));
        Assert.Empty(await repository.TradesAsync(Guid.NewGuid(), Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Runs_are_listed_newest_first_and_by_strategy(DatabaseDialect dialect)
    {
        var repository = new BacktestRunRepository(await _databases.OpenAsync(dialect));
        var t = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var first = Run(Guid.CreateVersion7(t), t, 0);
        var second = Run(Guid.CreateVersion7(t.AddHours(1)), t.AddHours(1), 0) with { Strategy = "buy-and-hold" };
        await repository.SaveAsync(first, [], Ct);
        await repository.SaveAsync(second, [], Ct);

        Assert.Equal([second.RunId, first.RunId], (await repository.ListAsync(cancellationToken: Ct)).Select(r => r.RunId));
        Assert.Equal([first.RunId], (await repository.ListAsync("sma-cross", Ct)).Select(r => r.RunId));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_run_that_cannot_be_stored_leaves_nothing_behind(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new BacktestRunRepository(database);
        var run = Run(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, 2);
        await repository.SaveAsync(run, Trades(), Ct);

        // The same run id again: the run row is refused, so its trades must not be stored either.
        await Assert.ThrowsAnyAsync<DbException>(() => repository.SaveAsync(run with { Strategy = "other" }, Trades(), Ct));

        await using var connection = await database.ConnectAsync(Ct);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM backtest_runs"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM backtest_trades"));
        Assert.Equal("sma-cross", (await repository.FindAsync(run.RunId, Ct))!.Strategy);
    }

    [Fact]
    public async Task The_trade_count_must_match_the_trades_given()
    {
        var repository = new BacktestRunRepository(await _databases.OpenAsync(DatabaseDialect.Sqlite));

        await Assert.ThrowsAsync<ArgumentException>(() => repository.SaveAsync(Run(Guid.NewGuid(), DateTimeOffset.UnixEpoch, 5), Trades(), Ct));
    }

    public void Dispose() => _databases.Dispose();

    private static BacktestRunRecord Run(Guid id, DateTimeOffset createdAt, int trades) => new(
        id,
        createdAt,
        "sma-cross",
        """{"fast":20,"slow":50,"size":0}""",
        ["SPY", "QQQ"],
        "1d",
        new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        2516,
        100_000m,
        123_456.789012345678901234m,
        0.23456789012345678,
        0.0431,
        null,
        0.3409357,
        trades,
        trades == 0 ? null : 0.5,
        null,
        """{"run_id":"x","final_equity":123456.789012345678901234,"sharpe":null}""");

    private static List<ClosedTrade> Trades() =>
    [
        new(Spy, new DateTime(2020, 3, 2, 0, 0, 0, DateTimeKind.Utc), 300.123456789m, new DateTime(2020, 6, 1, 0, 0, 0, DateTimeKind.Utc), 310.5m, 33.3333m, 345.6789m, 63, "exit"),
        new(Symbol.Parse("QQQ"), new DateTime(2021, 1, 4, 14, 30, 0, DateTimeKind.Utc), 100m, new DateTime(2021, 1, 4, 15, 30, 0, DateTimeKind.Utc), 95m, 10m, -50.01m, 0, "stop-loss", 2.5m),
    ];

    // PostgreSQL's jsonb re-spaces and re-orders keys; compare the JSON values, not the text.
    private static string Normalize(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value?.ToJsonString()));
}
