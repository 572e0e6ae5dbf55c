using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Core.Time;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// What the daily jobs do, replayed the plain way and without the engine: for each NYSE trading day D of a period,
/// the signal from every asset's closes of the trading days before D (the last lookback_days + 1 of them), then the
/// execution at D's opens: deposit daily_capital, <see cref="AllocatorExecution.Plan(AllocatorInstruction, IReadOnlyDictionary{string, AllocatorHolding}, IReadOnlyDictionary{string, decimal})"/>,
/// pay or receive the amounts, carry cash and holdings to the next day. A day on which an asset has too little
/// history has no signal: nothing is deposited or traded.
/// </summary>
internal sealed class AllocatorJobReplay
{
    private AllocatorJobReplay()
    {
    }

    /// <summary>Every trade, by day and then in the plan's (symbol) order.</summary>
    public List<(DateOnly Date, AllocatorTrade Trade)> Trades { get; } = [];

    /// <summary>Each day's decision, for the days that had a signal.</summary>
    public List<(DateOnly Date, CapitalAllocatorDecision Decision)> Decisions { get; } = [];

    /// <summary>Days executed: those with a signal.</summary>
    public int ExecutedDays => Decisions.Count;

    /// <summary>Total deposited.</summary>
    public decimal Deposits { get; private set; }

    /// <summary>Cash after the last day.</summary>
    public decimal Cash { get; private set; }

    /// <summary>The lowest cash after any day's trades.</summary>
    public decimal LowestCash { get; private set; }

    /// <summary>Holdings after the last day.</summary>
    public IReadOnlyDictionary<string, AllocatorHolding> Holdings { get; private set; } = new Dictionary<string, AllocatorHolding>();

    /// <summary>Replays the trading days from <paramref name="from"/> to <paramref name="to"/>, starting with no cash and no holdings.</summary>
    public static AllocatorJobReplay Run(IReadOnlyList<BarSeries> series, CapitalAllocatorParameters parameters, DateOnly from, DateOnly to)
    {
        var bySymbol = series.ToDictionary(s => s.Symbol.Ticker, StringComparer.Ordinal);
        var replay = new AllocatorJobReplay();
        foreach (var day in TradingCalendars.Nyse.TradingDays(from, to))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

            // signal(D): the closes before D only.
            var histories = new List<AssetHistory>();
            foreach (var asset in parameters.Assets)
            {
                var bars = bySymbol[asset];
                var before = bars.LowerBound(midnight);
                if (before < parameters.MinHistoryDays + 1)
                {
                    break;
                }

                var count = Math.Min(before, parameters.LookbackDays + 1);
                histories.Add(new AssetHistory(asset, bars.Close[(before - count)..before].ToArray()));
            }

            if (histories.Count < parameters.Assets.Count)
            {
                continue;
            }

            var decision = CapitalAllocatorModel.Decide(histories, parameters);
            replay.Decisions.Add((day, decision));

            // execute(D): deposit, then the plan at D's opens.
            var opens = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var asset in parameters.Assets)
            {
                var bars = bySymbol[asset];
                var index = bars.LowerBound(midnight);
                if (index < bars.Count && bars.Time[index] == midnight)
                {
                    opens[asset] = ExecutionCosts.ToMoney(bars.Open[index]);
                }
            }

            replay.Cash += parameters.DailyCapital;
            replay.Deposits += parameters.DailyCapital;
            var plan = AllocatorExecution.Plan(decision.Instruction, replay.Holdings, opens);
            foreach (var trade in plan.Trades)
            {
                replay.Cash += trade.Action == AllocatorAction.Buy ? -trade.Amount : trade.Amount;
                replay.Trades.Add((day, trade));
            }

            replay.Holdings = plan.Holdings;
            replay.LowestCash = Math.Min(replay.LowestCash, replay.Cash);
        }

        return replay;
    }
}
