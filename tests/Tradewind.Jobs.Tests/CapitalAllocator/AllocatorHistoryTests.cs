using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Jobs.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The closes a daily decision reads are the last lookback_days + 1 stored ones before the date, as the backtest's
/// strategy takes them from the same bars, also when the provider left a gap in the window.
/// </summary>
public sealed class AllocatorHistoryTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Date = new(2024, 3, 5);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_gap_of_eight_trading_days_in_the_window_reaches_further_back_for_the_same_number_of_closes(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var parameters = new CapitalAllocatorParameters { Assets = ["SPY"] };
        var days = DailyJobs.TradingDaysEnding(TradingDate.Calendar.PreviousTradingDay(Date), 300);
        var stored = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        for (var i = 0; i < days.Count; i++)
        {
            // Eight trading days about 100 sessions back were never fetched: more than the window's spare days.
            if (i is >= 190 and < 198)
            {
                continue;
            }

            var close = 400 + i;
            stored.Add(new Bar(TradingDate.BarTime(days[i]), close, close + 1, close - 1, close, 1_000_000));
        }

        await new PriceHistoryRepository(database).UpsertAsync([stored], Ct);
        var history = Assert.Single(await AllocatorHistory.LoadAsync(new PriceHistoryRepository(database), parameters, Date, Ct));

        Assert.Equal(parameters.LookbackDays + 1, history.Closes.Length);
        Assert.Equal(stored.Close[^(parameters.LookbackDays + 1)..], history.Closes.ToArray());
    }

    public void Dispose() => _databases.Dispose();
}
