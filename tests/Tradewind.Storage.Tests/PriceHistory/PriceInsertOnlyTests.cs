using System.Data.Common;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.PriceHistory.PriceHistoryRepositoryTests;

namespace Tradewind.Storage.Tests.PriceHistory;

/// <summary>The daily fetch's insert-only mode: new bars are stored, stored bars are never changed, changed values are reported.</summary>
public sealed class PriceInsertOnlyTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task New_bars_are_stored_and_storing_them_again_skips_every_one(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var bars = DailySeries("SPY", new DateOnly(2024, 1, 2), 5);

        var first = Assert.Single(await repository.InsertNewAsync([bars], Ct));
        var second = Assert.Single(await repository.InsertNewAsync([bars], Ct));

        Assert.Equal(("SPY", Resolution.Daily, 5, 5, 0), (first.Symbol, first.Resolution, first.Rows, first.Inserted, first.Unchanged));
        Assert.Empty(first.Discrepancies);
        Assert.Equal((5, 0, 5), (second.Rows, second.Inserted, second.Unchanged));
        Assert.Empty(second.Discrepancies);
        var stored = await repository.LoadAsync(Symbol.Parse("SPY"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => bars[i]), Enumerable.Range(0, 5).Select(i => stored[i]));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_changed_value_for_a_stored_date_is_reported_and_not_written(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var original = DailySeries("QQQ", new DateOnly(2024, 1, 2), 5);
        await repository.InsertNewAsync([original], Ct);
        // Day 3's close was revised and day 1's volume too; day 5 is new.
        var revised = new BarSeries(Symbol.Parse("QQQ"), Resolution.Daily);
        for (var i = 0; i < 6; i++)
        {
            var bar = i < 5 ? original[i] : DailySeries("QQQ", new DateOnly(2024, 1, 2), 6)[5];
            revised.Add(i switch
            {
                1 => bar with { Volume = bar.Volume + 1 },
                3 => bar with { Close = bar.Close + 0.25 },
                _ => bar,
            });
        }

        var result = Assert.Single(await repository.InsertNewAsync([revised], Ct));

        Assert.Equal((6, 1, 3), (result.Rows, result.Inserted, result.Unchanged));
        Assert.Equal(
            [new PriceDiscrepancy(original[1], revised[1]), new PriceDiscrepancy(original[3], revised[3])],
            result.Discrepancies);
        Assert.Equal(new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc), result.Discrepancies[1].Time);
        var stored = await repository.LoadAsync(Symbol.Parse("QQQ"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal(6, stored.Count);
        Assert.Equal(original[1], stored[1]);
        Assert.Equal(original[3], stored[3]);
        Assert.Equal(revised[5], stored[5]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_adjusted_close_differs_only_when_both_sides_have_one(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var t0 = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var stored = new BarSeries(Symbol.Parse("DIA"), Resolution.Daily);
        stored.Add(new Bar(t0, 370, 372, 369, 371, 1000, 365.5));
        stored.Add(new Bar(t0.AddDays(1), 371, 373, 370, 372, 1000));
        stored.Add(new Bar(t0.AddDays(2), 372, 374, 371, 373, 1000, 367.5));
        await repository.InsertNewAsync([stored], Ct);
        var incoming = new BarSeries(Symbol.Parse("DIA"), Resolution.Daily);
        incoming.Add(new Bar(t0, 370, 372, 369, 371, 1000));
        incoming.Add(new Bar(t0.AddDays(1), 371, 373, 370, 372, 1000, 366.5));
        incoming.Add(new Bar(t0.AddDays(2), 372, 374, 371, 373, 1000, 367.25));

        var result = Assert.Single(await repository.InsertNewAsync([incoming], Ct));

        Assert.Equal((0, 2), (result.Inserted, result.Unchanged));
        Assert.Equal([new PriceDiscrepancy(stored[2], incoming[2])], result.Discrepancies);
        var loaded = await repository.LoadAsync(Symbol.Parse("DIA"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal([365.5, (double?)null, 367.5], Enumerable.Range(0, 3).Select(i => loaded[i].AdjClose));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Several_long_series_are_counted_per_symbol_in_one_call(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        await repository.UpsertAsync([DailySeries("IWM", new DateOnly(2020, 1, 1), 990), DailySeries("GLD", new DateOnly(2020, 1, 1), 10)], Ct);

        var results = await repository.InsertNewAsync(
            [
                DailySeries("IWM", new DateOnly(2020, 1, 1), 1000, closeBump: (700, 0.01)),
                DailySeries("GLD", new DateOnly(2020, 1, 1), 20),
                DailySeries("TLT", new DateOnly(2020, 1, 1), 3),
            ],
            Ct);

        Assert.Equal(
            [("IWM", 1000, 10, 989, 1), ("GLD", 20, 10, 10, 0), ("TLT", 3, 3, 0, 0)],
            results.Select(r => (r.Symbol, r.Rows, r.Inserted, r.Unchanged, r.Discrepancies.Count)));
        Assert.Equal(new DateTime(2021, 12, 1, 0, 0, 0, DateTimeKind.Utc), results[0].Discrepancies[0].Time);
        Assert.Equal(0.01, results[0].Discrepancies[0].Incoming.Close - results[0].Discrepancies[0].Stored.Close, 9);
        Assert.Equal(1000, await repository.CountAsync("IWM", cancellationToken: Ct));
        var iwm = await repository.LoadAsync(Symbol.Parse("IWM"), Resolution.Daily, cancellationToken: Ct);
        Assert.Equal(800, iwm.Close[700]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_failure_in_any_series_stores_nothing_of_the_whole_call(DatabaseDialect dialect)
    {
        var repository = new PriceHistoryRepository(await _databases.OpenAsync(dialect));
        var bad = new BarSeries(Symbol.Parse("QQQ"), Resolution.Daily);
        bad.Add(new Bar(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 10, 11, 9, 10, 100));
        bad.Add(new Bar(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), -1, 11, 9, 10, 100));

        await Assert.ThrowsAnyAsync<DbException>(() => repository.InsertNewAsync([DailySeries("SPY", new DateOnly(2024, 1, 2), 5), bad], Ct));

        Assert.Empty(await repository.ListAsync(Ct));
    }

    public void Dispose() => _databases.Dispose();
}
