using Tradewind.Core.Execution;
using Tradewind.Jobs.Daily;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// Thirty trading days of run-day on the simulated market, buys and a sell among them, end with a paper account that
/// reconciles: cash never negative and equal to its ledger, one deposit per executed date, positions and costs equal
/// to a replay of the stored trades.
/// </summary>
public sealed class RunDayLedgerTests(PostgresServer postgres) : IDisposable
{
    // In the simulated market the allocator buys on most of these days and sells on 2022-03-23.
    private static readonly DateOnly First = new(2022, 3, 1);

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Thirty_days_of_run_day_leave_a_ledger_that_reconciles(DatabaseDialect dialect)
    {
        var jobs = DailyJobs.Simulated(await _databases.OpenAsync(dialect));
        var days = DailyJobs.TradingDays(First, 30);
        await jobs.BackfillAsync(TradingDate.Calendar.PreviousTradingDay(First), 150);

        foreach (var day in days)
        {
            var outcomes = await jobs.RunDayAsync(day);
            Assert.All(outcomes, o => Assert.Equal(DailyJobStatus.Completed, o.Status));
            var account = await jobs.AccountAsync();
            Assert.True(account.Cash >= 0, $"cash {account.Cash} after {day:yyyy-MM-dd}");
            Assert.Equal(day, account.LastExecutedDate);
        }

        var trades = await jobs.TradesAsync();
        var ledger = await jobs.LedgerAsync();
        var final = await jobs.AccountAsync();
        Assert.Contains(trades, t => t.Action == OrderSide.Sell);
        Assert.Equal(30, await TableDump.CountAsync(jobs.Database, "executions"));

        // One deposit of daily_capital per executed date, and one cash movement per trade, of its amount.
        var deposits = ledger.Where(e => e.Kind == CashLedgerKind.Deposit).ToList();
        Assert.Equal(days, deposits.Select(e => e.TradeDate));
        Assert.All(deposits, e => Assert.Equal(1000m, e.Amount));
        Assert.Equal(
            trades.Select(t => (t.Id, t.TradeDate, t.Symbol, t.Action == OrderSide.Buy ? -t.Amount : t.Amount)),
            ledger.Where(e => e.Kind != CashLedgerKind.Deposit).Select(e => (e.TradeId!.Value, e.TradeDate, e.Symbol!, e.Amount)));

        // Cash is the ledger's sum and the deposits less what was bought plus what was sold.
        var bought = trades.Where(t => t.Action == OrderSide.Buy).Sum(t => t.Amount);
        var sold = trades.Where(t => t.Action == OrderSide.Sell).Sum(t => t.Amount);
        Assert.Equal(ledger.Sum(e => e.Amount), final.Cash);
        Assert.Equal(30_000m - bought + sold, final.Cash);
        Assert.Equal(30_000m, final.TotalDeposits);

        // Replaying the trades gives the stored positions: quantities exactly, weighted-average costs to 20 decimals, and
        // cash + cost of positions + realized P&L = deposits.
        var held = new SortedDictionary<string, PaperPosition>(StringComparer.Ordinal);
        var realized = 0m;
        var signals = new Dictionary<DateOnly, long>();
        foreach (var trade in trades)
        {
            signals[trade.TradeDate] = signals.TryGetValue(trade.TradeDate, out var id) ? id : (await jobs.StoredSignalAsync(trade.TradeDate))!.Id;
            Assert.Equal(signals[trade.TradeDate], trade.SignalId);
            Assert.Equal(trade.Quantity * trade.Price, trade.Amount);
            if (trade.Action == OrderSide.Buy)
            {
                held[trade.Symbol] = held.TryGetValue(trade.Symbol, out var p)
                    ? new PaperPosition(trade.Symbol, p.Quantity + trade.Quantity, (p.Quantity * p.AverageCost + trade.Amount) / (p.Quantity + trade.Quantity))
                    : new PaperPosition(trade.Symbol, trade.Quantity, trade.Price);
            }
            else
            {
                var p = held[trade.Symbol];
                realized += trade.Amount - trade.Quantity * p.AverageCost;
                held[trade.Symbol] = p with { Quantity = p.Quantity - trade.Quantity };
            }
        }

        Assert.Equal(held.Values.Where(p => p.Quantity > 0).Select(p => (p.Symbol, p.Quantity)), final.Positions.Select(p => (p.Symbol, p.Quantity)));
        Assert.All(final.Positions, p => Assert.Equal(Math.Round(held[p.Symbol].AverageCost, 20), Math.Round(p.AverageCost, 20)));
        var costOfPositions = final.Positions.Sum(p => p.Quantity * p.AverageCost);
        Assert.True(Math.Abs(final.Cash + costOfPositions - realized - 30_000m) < 0.000001m, $"cash {final.Cash} + cost {costOfPositions} - realized {realized} != 30000");
    }

    public void Dispose() => _databases.Dispose();
}
