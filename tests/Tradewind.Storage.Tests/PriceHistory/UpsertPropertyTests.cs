using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Market;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.PriceHistory;

/// <summary>
/// For any two imports A then B of overlapping bars, the table holds B's bars plus A's bars that B does
/// not cover, the counts add up, and repeating B changes nothing.
/// </summary>
public sealed class UpsertPropertyTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    [Fact]
    public void Upserts_merge_by_key_and_are_idempotent()
    {
        var days = Gen.Choose(0, 40).ArrayOf().Select(a => a.Distinct().Order().ToArray());
        var price = Gen.Choose(1, 5);
        var import = days.SelectMany(d => price.ArrayOf(d.Length).Select(p => (Days: d, Prices: p)));

        Prop.ForAll(Arb.From(import), Arb.From(import), (a, b) =>
        {
            var database = _databases.OpenAsync(DatabaseDialect.Sqlite).GetAwaiter().GetResult();
            var repository = new PriceHistoryRepository(database);
            var seriesA = Series(a.Days, a.Prices);
            var seriesB = Series(b.Days, b.Prices);

            repository.UpsertAsync([seriesA]).GetAwaiter().GetResult();
            var result = repository.UpsertAsync([seriesB]).GetAwaiter().GetResult()[0];
            var again = repository.UpsertAsync([seriesB]).GetAwaiter().GetResult()[0];
            var stored = repository.LoadAsync(Symbol.Parse("SPY"), Resolution.Daily).GetAwaiter().GetResult();

            var expected = new SortedDictionary<DateTime, double>();
            for (var i = 0; i < seriesA.Count; i++)
            {
                expected[seriesA.Time[i]] = seriesA.Close[i];
            }

            var newInB = seriesB.Time.ToArray().Count(t => !expected.ContainsKey(t));
            var changedInB = Enumerable.Range(0, seriesB.Count).Count(i => expected.TryGetValue(seriesB.Time[i], out var c) && c != seriesB.Close[i]);
            for (var i = 0; i < seriesB.Count; i++)
            {
                expected[seriesB.Time[i]] = seriesB.Close[i];
            }

            return stored.Time.ToArray().SequenceEqual(expected.Keys)
                && stored.Close.ToArray().SequenceEqual(expected.Values)
                && result.Inserted == newInB && result.Updated == changedInB
                && again.Inserted == 0 && again.Updated == 0 && again.Unchanged == seriesB.Count;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    public void Dispose() => _databases.Dispose();

    private static BarSeries Series(int[] days, int[] prices)
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < days.Length; i++)
        {
            double close = 100 + prices[i];
            series.Add(new Bar(start.AddDays(days[i]), close, close + 1, close - 1, close, 1000));
        }

        return series;
    }
}
