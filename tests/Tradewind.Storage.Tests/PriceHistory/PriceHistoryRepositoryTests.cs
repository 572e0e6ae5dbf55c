using System.Data.Common;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.PriceHistory;

public sealed class PriceHistoryRepositoryTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Upserting_the_same_bars_twice_changes_nothing(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var bars = DailySeries("SPY", new DateOnly(2024, 1, 2), 5);

        var first = Assert.Single(await repository.UpsertAsync([bars], Ct));
        var second = Assert.Single(await repository.UpsertAsync([bars], Ct));

        Assert.Equal((5, 5, 0, 0), (first.Rows, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((5, 0, 0, 5), (second.Rows, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(5, await repository.CountAsync("SPY", cancellationToken: Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_changed_value_updates_only_that_bar(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        await repository.UpsertAsync([DailySeries("QQQ", new DateOnly(2024, 1, 2), 5)], Ct);

        var revised = DailySeries("QQQ", new DateOnly(2024, 1, 2), 6, closeBump: (3, 0.25));
        var result = Assert.Single(await repository.UpsertAsync([revised], Ct));

        Assert.Equal((6, 1, 1, 4), (result.Rows, result.Inserted, result.Updated, result.Unchanged));
        var loaded = await repository.LoadAsync(Symbol.Parse("QQQ"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal(revised.Close[3], loaded.Close[3]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Bulk_upsert_counts_new_changed_and_unchanged_bars_exactly(DatabaseDialect dialect)
    {
        // 1,000 bars cross the batched-statement path (64 rows) and its remainder path.
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        await repository.UpsertAsync([DailySeries("IWM", new DateOnly(2020, 1, 1), 990)], Ct);

        var revised = DailySeries("IWM", new DateOnly(2020, 1, 1), 1000, closeBump: (700, 0.01));
        var result = Assert.Single(await repository.UpsertAsync([revised], Ct));

        Assert.Equal((1000, 10, 1, 989), (result.Rows, result.Inserted, result.Updated, result.Unchanged));
        var loaded = await repository.LoadAsync(Symbol.Parse("IWM"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal(revised.Close.ToArray(), loaded.Close.ToArray());
        Assert.Equal(revised.Time.ToArray(), loaded.Time.ToArray());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Bars_round_trip_bit_for_bit_with_times_and_missing_adjusted_closes(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var series = new BarSeries(Symbol.Parse("BTC-USD"), Resolution.Minute);
        var t0 = new DateTime(2017, 12, 23, 4, 48, 0, DateTimeKind.Utc);
        series.Add(new Bar(t0, 14000.123456789012, 14100.5, 13900.25, 14050.000000000002, 12.34567891, 14050.1));
        series.Add(new Bar(t0.AddMinutes(1), 44.43000030517578, 44.4900016784668, 44.06999969482422, 44.380001068115234, 0));
        series.Add(new Bar(t0.AddMinutes(3), 0.1 + 0.2, 0.5, 0.1, 0.3, 1e-8, 0.3));

        await repository.UpsertAsync([series], Ct);
        var loaded = await repository.LoadAsync(series.Symbol, Resolution.Minute, cancellationToken: Ct);

        Assert.Equal(series.Count, loaded.Count);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(series[i], loaded[i]);
            Assert.Equal(DateTimeKind.Utc, loaded.Time[i].Kind);
        }

        Assert.Null(loaded[1].AdjClose);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Load_filters_by_inclusive_time_range_and_resolution(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        await repository.UpsertAsync([DailySeries("SPY", new DateOnly(2024, 1, 1), 10), HourlySeries("SPY", 3)], Ct);

        var from = new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var loaded = await repository.LoadAsync(Symbol.Parse("SPY"), Resolution.Daily, from, to, Ct);

        Assert.Equal([from, from.AddDays(1), to], loaded.Time.ToArray());
        Assert.Equal(13, await repository.CountAsync("SPY", cancellationToken: Ct));
        Assert.Equal(3, await repository.CountAsync("SPY", Resolution.Hourly, Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task List_summarizes_each_symbol_and_resolution(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        await repository.UpsertAsync([DailySeries("SPY", new DateOnly(2024, 1, 1), 10), DailySeries("GLD", new DateOnly(2023, 6, 1), 4), HourlySeries("SPY", 3)], Ct);

        var list = await repository.ListAsync(Ct);

        Assert.Equal(
            [
                ("GLD", "1d", new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 6, 4, 0, 0, 0, DateTimeKind.Utc), 4L),
                ("SPY", "1d", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc), 10L),
                ("SPY", "1h", new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc), new DateTime(2024, 1, 2, 16, 30, 0, DateTimeKind.Utc), 3L),
            ],
            list.Select(s => (s.Symbol, s.Resolution.ToString(), s.First, s.Last, s.Rows)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_failure_in_any_series_stores_nothing_of_the_whole_upsert(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var good = DailySeries("SPY", new DateOnly(2024, 1, 2), 5);
        var bad = new BarSeries(Symbol.Parse("QQQ"), Resolution.Daily);
        bad.Add(new Bar(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 10, 11, 9, 10, 100));
        // A negative price slipped past validation: the database's own CHECK constraint must stop it.
        bad.Add(new Bar(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), -1, 11, 9, 10, 100));

        await Assert.ThrowsAnyAsync<DbException>(() => repository.UpsertAsync([good, bad], Ct));

        Assert.Empty(await repository.ListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_database_refuses_NaN_prices(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var bad = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        bad.Add(new Bar(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), double.NaN, 11, 9, 10, 100));

        // SQLite's driver refuses to bind NaN; PostgreSQL's CHECK refuses it. Either way nothing is stored.
        await Assert.ThrowsAnyAsync<Exception>(() => repository.UpsertAsync([bad], Ct));
        Assert.Equal(0, await repository.CountAsync("SPY", cancellationToken: Ct));
    }

    [Fact]
    public async Task Sqlite_file_and_folder_are_created_on_first_use()
    {
        var target = DatabaseTarget.Parse(null, _databases.TempPath);
        Assert.False(File.Exists(target.SqliteFile));

        await TradewindDatabase.OpenAsync(target, Ct);

        Assert.Equal(Path.Combine(_databases.TempPath, "data", "tradewind.db"), target.SqliteFile);
        Assert.True(File.Exists(target.SqliteFile));
    }

    public void Dispose() => _databases.Dispose();

    internal static BarSeries DailySeries(string ticker, DateOnly start, int days, (int Index, double Delta)? closeBump = null)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily);
        for (var i = 0; i < days; i++)
        {
            var close = 100 + i + (closeBump is { } b && b.Index == i ? b.Delta : 0);
            series.Add(new Bar(start.AddDays(i).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 100 + i, 102 + i, 99 + i, close, 1_000_000 + i, close * 0.9));
        }

        return series;
    }

    private static BarSeries HourlySeries(string ticker, int hours)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Hourly);
        var start = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        for (var i = 0; i < hours; i++)
        {
            series.Add(new Bar(start.AddHours(i), 470, 471, 469, 470.5, 5000));
        }

        return series;
    }
}
