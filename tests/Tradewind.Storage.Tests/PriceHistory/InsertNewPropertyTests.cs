using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.PriceHistory;

/// <summary>
/// For any two fetches A then B of overlapping bars stored insert-only, the table holds A's bars plus B's bars on
/// dates A did not have, B's result counts exactly those as inserted and reports exactly the shared dates whose
/// values differ, and repeating B inserts nothing and reports the same differences.
/// </summary>
public sealed class InsertNewPropertyTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private int _case;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Stored_bars_are_never_changed_and_every_difference_is_reported(DatabaseDialect dialect)
    {
        // One database for all cases; each case fetches a symbol of its own.
        var database = await _databases.OpenAsync(dialect);
        var repository = new PriceHistoryRepository(database);
        var days = Gen.Choose(0, 40).ArrayOf().Select(a => a.Distinct().Order().ToArray());
        var price = Gen.Choose(1, 3);
        var fetch = days.SelectMany(d => price.ArrayOf(d.Length).Select(p => (Days: d, Prices: p)));

        // FsCheck calls the property synchronously; off the test's synchronization context, blocking on the repository is safe.
        await Task.Run(
            () => Prop.ForAll(Arb.From(fetch), Arb.From(fetch), (a, b) =>
            {
                var symbol = Symbol.Parse($"P{Interlocked.Increment(ref _case)}");
                var seriesA = Series(symbol, a.Days, a.Prices);
                var seriesB = Series(symbol, b.Days, b.Prices);

                repository.InsertNewAsync([seriesA]).GetAwaiter().GetResult();
                var result = repository.InsertNewAsync([seriesB]).GetAwaiter().GetResult()[0];
                var again = repository.InsertNewAsync([seriesB]).GetAwaiter().GetResult()[0];
                var stored = repository.LoadAsync(symbol, Resolution.Daily).GetAwaiter().GetResult();

                var expected = new SortedDictionary<DateTime, Bar>();
                for (var i = 0; i < seriesA.Count; i++)
                {
                    expected[seriesA.Time[i]] = seriesA[i];
                }

                var differing = new List<PriceDiscrepancy>();
                var newInB = 0;
                for (var i = 0; i < seriesB.Count; i++)
                {
                    if (expected.TryGetValue(seriesB.Time[i], out var kept))
                    {
                        if (kept != seriesB[i])
                        {
                            differing.Add(new PriceDiscrepancy(kept, seriesB[i]));
                        }
                    }
                    else
                    {
                        newInB++;
                        expected[seriesB.Time[i]] = seriesB[i];
                    }
                }

                return Enumerable.Range(0, stored.Count).Select(i => stored[i]).SequenceEqual(expected.Values)
                    && result.Inserted == newInB && result.Discrepancies.SequenceEqual(differing)
                    && result.Unchanged == seriesB.Count - newInB - differing.Count
                    && again.Inserted == 0 && again.Discrepancies.SequenceEqual(differing);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(30)),
            TestContext.Current.CancellationToken);
    }

    public void Dispose() => _databases.Dispose();

    private static BarSeries Series(Symbol symbol, int[] days, int[] prices)
    {
        var series = new BarSeries(symbol, Resolution.Daily);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < days.Length; i++)
        {
            // Prices 1-3 make both equal and different values on shared dates likely; the volume varies with them.
            double close = 100 + prices[i];
            series.Add(new Bar(start.AddDays(days[i]), close, close + 1, close - 1, close, 1000 * prices[i], close * 0.9));
        }

        return series;
    }
}
