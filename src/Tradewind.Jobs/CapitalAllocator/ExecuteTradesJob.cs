using System.Globalization;
using Tradewind.Configuration.Settings;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Storage;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// Execute trades (scheduled 09:30 ET): the date's signal traded on paper at that day's opening prices, in ONE
/// transaction: the day's capital deposited, the trades, the cash ledger and the new portfolio. Quantities and amounts
/// come from <see cref="AllocatorExecution"/>, the same rule the backtest applies. A date already executed is never
/// executed again (the <c>executions</c> row and the trades' unique key); no signal or no opening price writes nothing.
/// </summary>
public sealed class ExecuteTradesJob
{
    /// <summary>The job's name in outcomes and logs.</summary>
    public const string Name = "execute";

    private readonly TradewindDatabase _database;
    private readonly PaperAccountRepository _account;
    private readonly AllocatorParameterSource _parameters;
    private readonly TimeProvider _time;

    /// <summary>Creates the job over <paramref name="database"/>.</summary>
    public ExecuteTradesJob(TradewindDatabase database, StrategySettings settings, TimeProvider time)
        : this(database, settings, time, new PaperAccountRepository(database ?? throw new ArgumentNullException(nameof(database))))
    {
    }

    // Tests pass a repository that fails between its writes, to prove a crash leaves nothing behind.
    internal ExecuteTradesJob(TradewindDatabase database, StrategySettings settings, TimeProvider time, PaperAccountRepository account)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _parameters = new AllocatorParameterSource(database, settings, time);
    }

    /// <summary>Executes the signal of <paramref name="date"/> at the date's opening prices.</summary>
    public async Task<DailyJobOutcome> RunAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (TradingDate.ClosedOutcome(Name, date) is { } closed)
        {
            return closed;
        }

        const string strategy = CapitalAllocatorParameters.StrategyName;
        if (await _account.GetExecutionAsync(strategy, date, cancellationToken) is { } done)
        {
            return new DailyJobOutcome(Name, date, DailyJobStatus.AlreadyDone,
                string.Create(CultureInfo.InvariantCulture, $"already executed ({done.TradeCount} trades, recorded {done.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC); nothing changed"));
        }

        var signal = await new DailySignalRepository(_database).GetAsync(strategy, date, cancellationToken);
        if (signal is null)
        {
            return new DailyJobOutcome(Name, date, DailyJobStatus.NothingToDo,
                $"no signal stored for {date:yyyy-MM-dd}: nothing executed, nothing written (run `tradewind signal --date {date:yyyy-MM-dd}` first)");
        }

        var parameters = await _parameters.VersionAsync(signal.ConfigVersionId, cancellationToken);
        var action = signal.Action switch
        {
            SignalAction.Buy => AllocatorAction.Buy,
            SignalAction.Sell => AllocatorAction.Sell,
            _ => AllocatorAction.Hold,
        };
        var allocations = signal.ReadAllocations().ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var instruction = new AllocatorInstruction(action, allocations, action == AllocatorAction.Sell ? parameters.SellPercentage : 0m);

        var account = await _account.LoadAsync(strategy, cancellationToken);
        if (account.LastExecutedDate is { } latest && latest > date)
        {
            // Sells are sized on the holdings; executing an earlier day after a later one would size them on
            // positions bought after it. Days are executed in order, like the market traded them.
            throw new JobInputException(
                $"execute {date:yyyy-MM-dd}: {latest:yyyy-MM-dd} is already executed, and days are executed in order (an earlier day's sells would be sized on later positions); "
                + $"nothing was written. Only dates after {latest:yyyy-MM-dd} can still be executed in this database");
        }

        var holdings = account.Positions.ToDictionary(p => p.Symbol, p => new AllocatorHolding(p.Quantity, p.AverageCost), StringComparer.Ordinal);
        var traded = action switch
        {
            AllocatorAction.Buy => allocations.Where(a => a.Value > 0m).Select(a => a.Key),
            AllocatorAction.Sell => holdings.Keys,
            _ => [],
        };
        var opens = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var prices = new PriceHistoryRepository(_database);
        foreach (var symbol in traded.Order(StringComparer.Ordinal))
        {
            var bars = await prices.LoadAsync(Symbol.Parse(symbol), Resolution.Daily, TradingDate.BarTime(date), TradingDate.BarTime(date), cancellationToken);
            if (bars.Count == 0)
            {
                var removed = parameters.Assets.Contains(symbol, StringComparer.Ordinal)
                    ? ""
                    : $" ({symbol} is held but no longer among the configured assets; `fetch` still tries its bars, and if the provider has none, `tradewind data import {symbol}.csv` stores them)";
                return new DailyJobOutcome(Name, date, DailyJobStatus.NothingToDo,
                    $"no opening price of {symbol} stored for {date:yyyy-MM-dd}: nothing executed, nothing written. Daily bars (with the open) arrive with the fetch after the close: "
                    + $"run `tradewind fetch --date {date:yyyy-MM-dd}` and then this again (it is safe to repeat){removed}");
            }

            // The same conversion the engine applies to a bar's open: parity with the backtest depends on it.
            opens[symbol] = ExecutionCosts.ToMoney(bars.Open[0]);
        }

        var plan = AllocatorExecution.Plan(instruction, holdings, opens);
        var record = new ExecutionRecord(
            strategy,
            date,
            signal.Id,
            parameters.DailyCapital,
            [.. plan.Trades.Select(t => new TradeFill(t.Symbol, t.Action == AllocatorAction.Buy ? OrderSide.Buy : OrderSide.Sell, t.Quantity, t.Price, t.Amount))],
            [.. plan.Holdings.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new PaperPosition(h.Key, h.Value.Quantity, h.Value.AverageCost))],
            _time.GetUtcNow());
        var result = await _account.RecordExecutionAsync(record, cancellationToken);
        if (result.Outcome == ExecutionOutcome.AlreadyExecuted)
        {
            return new DailyJobOutcome(Name, date, DailyJobStatus.AlreadyDone, "already executed by another run; nothing changed");
        }

        var trades = plan.Trades.Count == 0
            ? "no trades"
            : string.Join(", ", plan.Trades.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{CapitalAllocatorDecision.ActionName(t.Action)} {t.Quantity} {t.Symbol} @ {t.Price} = {t.Amount:0.00}")));
        return new DailyJobOutcome(Name, date, DailyJobStatus.Completed,
            string.Create(CultureInfo.InvariantCulture, $"deposited {parameters.DailyCapital:0.00}; {CapitalAllocatorDecision.ActionName(action)}: {trades}"));
    }
}
