using Tradewind.Core.Execution;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// The execute job crashing between any two of its writes leaves nothing of the date in any table, and running it
/// again afterwards executes the date exactly once.
/// </summary>
public sealed class ExecuteTradesCrashTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 6, 3);
    private static readonly DateOnly Day2 = new(2024, 6, 4);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect, string> DialectsAndSteps
    {
        get
        {
            var data = new TheoryData<DatabaseDialect, string>();
            foreach (var dialect in new[] { DatabaseDialect.Sqlite, DatabaseDialect.Postgres })
            {
                foreach (var step in PaperAccountRepository.Steps)
                {
                    data.Add(dialect, step);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DialectsAndSteps))]
    public async Task A_crash_after_any_write_stores_nothing_of_the_date_and_a_rerun_executes_it_once(DatabaseDialect dialect, string step)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(Day1), 150);
        await jobs.RunDayAsync(Day1);
        await jobs.FetchAsync(Day2);
        await jobs.SignalAsync(Day2);
        var signal = await jobs.StoredSignalAsync(Day2);
        var bought = signal!.ReadAllocations().Where(a => a.Value > 0).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        // Day 2 buys more of what day 1 bought: the crash interrupts trades, cash and changed positions alike.
        Assert.NotEmpty(bought);
        Assert.Subset((await jobs.AccountAsync()).Positions.Select(p => p.Symbol).ToHashSet(), bought.ToHashSet());
        var before = await jobs.DumpAsync();

        var crash = await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            jobs.ExecuteAsync(Day2, (reached, _) => reached == step ? throw new SimulatedCrashException(reached) : Task.CompletedTask));

        Assert.Equal(step, crash.Message);
        Assert.Equal(before, await jobs.DumpAsync());

        var rerun = await jobs.ExecuteAsync(Day2);
        var after = await jobs.DumpAsync();
        var again = await jobs.ExecuteAsync(Day2);

        Assert.Equal(DailyJobStatus.Completed, rerun.Status);
        Assert.Equal(DailyJobStatus.AlreadyDone, again.Status);
        Assert.Equal(after, await jobs.DumpAsync());
        var trades = await jobs.TradesAsync(Day2, Day2);
        Assert.Equal(bought, trades.Select(t => t.Symbol).Order(StringComparer.Ordinal));
        Assert.All(trades, t => Assert.Equal((OrderSide.Buy, signal.Id), (t.Action, t.SignalId)));
        var ledger = await jobs.LedgerAsync();
        Assert.Equal([Day1, Day2], ledger.Where(e => e.Kind == CashLedgerKind.Deposit).Select(e => e.TradeDate));
        Assert.Equal(trades.Select(t => t.Id).Order(), ledger.Where(e => e.TradeDate == Day2 && e.TradeId is not null).Select(e => e.TradeId!.Value).Order());
        var account = await jobs.AccountAsync();
        var allTrades = await jobs.TradesAsync();
        Assert.Equal(2000m - allTrades.Sum(t => t.Amount), account.Cash);
        foreach (var position in account.Positions)
        {
            Assert.Equal(allTrades.Where(t => t.Symbol == position.Symbol).Sum(t => t.Quantity), position.Quantity);
        }
    }

    public void Dispose() => _databases.Dispose();

    private sealed class SimulatedCrashException(string step) : Exception(step);
}
