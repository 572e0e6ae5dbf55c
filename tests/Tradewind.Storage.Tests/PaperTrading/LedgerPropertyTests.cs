using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Execution;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.Signals;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.AllocatorTestData;

namespace Tradewind.Storage.Tests.PaperTrading;

/// <summary>
/// For any sequence of executed days (deposits, buys and partial or full sells, priced to the cent and sized to four
/// decimals), the stored account equals an independent model: the cash balance is the ledger's sum and equals
/// deposits − bought + sold, positions carry weighted-average costs, and executing every day again changes nothing.
/// </summary>
public sealed class LedgerPropertyTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Symbols = ["SPY", "QQQ", "DIA"];
    private readonly TestDatabases _databases = new(postgres);
    private int _case;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_stored_account_reconciles_with_its_ledger_and_trades(DatabaseDialect dialect)
    {
        // One database for all cases; each case is a strategy of its own, which the tables keep apart.
        var database = await _databases.OpenAsync(dialect);
        // Per day: deposit in cents, then per symbol an operation (0-1 none, 2-3 buy, 4 sell), a size and a price in cents.
        var day = Gen.Choose(0, 200_000).SelectMany(deposit =>
            Gen.Choose(0, 4).Zip(Gen.Choose(1, 100_000), (op, size) => (op, size))
                .Zip(Gen.Choose(100, 100_000), (a, cents) => (Op: a.op, Size: a.size, Cents: cents))
                .ArrayOf(Symbols.Length)
                .Select(ops => (Deposit: deposit, Ops: ops)));
        var days = day.ArrayOf().Select(d => d.Take(8).ToArray());

        // FsCheck calls the property synchronously; off the test's synchronization context, blocking on the repository is safe.
        await Task.Run(
            () => Prop.ForAll(Arb.From(days), plan => Check(database, $"prop-{Interlocked.Increment(ref _case)}", plan))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(25)),
            TestContext.Current.CancellationToken);
    }

    public void Dispose() => _databases.Dispose();

    private static bool Check(TradewindDatabase database, string strategy, (int Deposit, (int Op, int Size, int Cents)[] Ops)[] plan)
    {
        var repository = new PaperAccountRepository(database);
        var signals = new DailySignalRepository(database);
        var config = ConfigVersionAsync(database, strategy).GetAwaiter().GetResult();
        var held = new SortedDictionary<string, PaperPosition>(StringComparer.Ordinal);
        var expectedTrades = new List<(DateOnly, string, OrderSide, decimal, decimal, decimal)>();
        decimal deposits = 0, bought = 0, sold = 0;
        var executions = new List<ExecutionRecord>();
        var date = new DateOnly(2024, 1, 1);
        foreach (var (depositCents, ops) in plan)
        {
            date = date.AddDays(1);
            var deposit = depositCents / 100m;
            var trades = new List<TradeFill>();
            for (var s = 0; s < Symbols.Length; s++)
            {
                var (op, size, cents) = ops[s];
                var symbol = Symbols[s];
                var price = cents / 100m;
                if (op is 2 or 3)
                {
                    var quantity = size / 10_000m;
                    var amount = quantity * price;
                    held[symbol] = held.TryGetValue(symbol, out var p)
                        ? new PaperPosition(symbol, p.Quantity + quantity, (p.Quantity * p.AverageCost + amount) / (p.Quantity + quantity))
                        : new PaperPosition(symbol, quantity, price);
                    trades.Add(new TradeFill(symbol, OrderSide.Buy, quantity, price, amount));
                    bought += amount;
                }
                else if (op == 4 && held.TryGetValue(symbol, out var position))
                {
                    // Sell a fraction of the holding, rounded to 4 decimals like fractional shares; 100 000 sells it all.
                    var quantity = Math.Min(position.Quantity, Math.Max(0.0001m, Math.Round(position.Quantity * size / 100_000m, 4)));
                    var amount = quantity * price;
                    if (quantity == position.Quantity)
                    {
                        held.Remove(symbol);
                    }
                    else
                    {
                        held[symbol] = position with { Quantity = position.Quantity - quantity };
                    }

                    trades.Add(new TradeFill(symbol, OrderSide.Sell, quantity, price, amount));
                    sold += amount;
                }
            }

            deposits += deposit;
            long? signalId = trades.Count == 0 ? null : signals.InsertAsync(Signal(date, config, strategy: strategy)).GetAwaiter().GetResult().Signal.Id;
            var execution = new ExecutionRecord(strategy, date, signalId, deposit, trades, held.Values.ToList(), At(date));
            executions.Add(execution);
            expectedTrades.AddRange(trades.Select(t => (date, t.Symbol, t.Action, t.Quantity, t.Price, t.Amount)));
            if (repository.RecordExecutionAsync(execution).GetAwaiter().GetResult().Outcome != ExecutionOutcome.Recorded)
            {
                return false;
            }
        }

        var account = repository.LoadAsync(strategy).GetAwaiter().GetResult();
        var ledger = repository.ListLedgerAsync(strategy).GetAwaiter().GetResult();
        var stored = repository.ListTradesAsync(strategy).GetAwaiter().GetResult();
        var dump = TableDump.DumpAsync(database, TableDump.AllocatorTables).GetAwaiter().GetResult();
        var rerunsChangeNothing = executions.All(e => repository.RecordExecutionAsync(e).GetAwaiter().GetResult().Outcome == ExecutionOutcome.AlreadyExecuted)
            && dump == TableDump.DumpAsync(database, TableDump.AllocatorTables).GetAwaiter().GetResult();

        return account.Cash == ledger.Sum(e => e.Amount)
            && account.Cash == deposits - bought + sold
            && account.TotalDeposits == deposits
            && account.Positions.SequenceEqual(held.Values)
            && stored.Select(t => (t.TradeDate, t.Symbol, t.Action, t.Quantity, t.Price, t.Amount)).SequenceEqual(expectedTrades)
            && ledger.Count(e => e.Kind != CashLedgerKind.Deposit) == stored.Count
            && account.LastExecutedDate == (plan.Length == 0 ? null : date)
            && rerunsChangeNothing;
    }
}
