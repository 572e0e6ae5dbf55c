using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// For any holdings, instruction and opening prices: buys never spend more than allocated and stop less than one
/// quantity step short of it; quantities stay positive with 4 decimals; quantity changes equal the trades; and the
/// cost basis reconciles: before + cash spent − (sold quantity × average cost) = after, to decimal precision.
/// </summary>
public sealed class AllocatorExecutionPropertyTests
{
    private static readonly string[] Symbols = ["DIA", "QQQ", "SPY", "IWM"];

    private sealed record Scenario(
        Dictionary<string, AllocatorHolding> Holdings, AllocatorInstruction Instruction, Dictionary<string, decimal> Prices)
    {
        public override string ToString() =>
            $"holdings {string.Join(", ", Holdings.Select(h => $"{h.Key} {h.Value.Quantity}@{h.Value.AverageCost}"))}; "
            + $"{Instruction.Action} {string.Join(", ", Instruction.Allocations.Select(a => $"{a.Key} {a.Value}"))} sell {Instruction.SellFraction}; "
            + $"prices {string.Join(", ", Prices.Select(p => $"{p.Key} {p.Value}"))}";
    }

    private static readonly Gen<Scenario> Scenarios =
        from held in Gen.Elements(Symbols).Select(s => s).ListOf().Select(l => l.Distinct().ToList())
        from quantities in Gen.Choose(1, 100_000_000).ArrayOf(held.Count)
        from costs in Gen.Choose(1, 5_000_000).ArrayOf(held.Count)
        from kind in Gen.Choose(0, 2)
        from dollars in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 100_000_000))).ArrayOf(Symbols.Length)
        from fraction in Gen.Frequency((1, Gen.Constant(10_000)), (1, Gen.Constant(0)), (4, Gen.Choose(1, 10_000)))
        from prices in Gen.Choose(1, 50_000_000).ArrayOf(Symbols.Length)
        select new Scenario(
            held.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => new AllocatorHolding(quantities[x.i] / 10_000m, costs[x.i] / 100m)),
            kind switch
            {
                0 => new AllocatorInstruction(AllocatorAction.Buy, Symbols.Select((s, i) => (s, i)).Where(x => x.i % 2 == 0 || dollars[x.i] % 3 == 0).ToDictionary(x => x.s, x => dollars[x.i] / 100m), 0m),
                1 => new AllocatorInstruction(AllocatorAction.Sell, new Dictionary<string, decimal>(), fraction / 10_000m),
                _ => AllocatorInstruction.Hold,
            },
            Symbols.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => prices[x.i] / 10_000m));

    [Fact]
    public void Execution_reconciles_for_any_holdings_instruction_and_prices()
    {
        var seen = new Dictionary<string, int>();
        Prop.ForAll(Arb.From(Scenarios), s => Check(s, seen)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

        // Not vacuous: buys into new and existing positions, partial and complete sells, and holds all happened.
        foreach (var key in new[] { "buy new", "buy more", "sell part", "sell all", "hold" })
        {
            Assert.True(seen.GetValueOrDefault(key) >= 20, $"{key}: {seen.GetValueOrDefault(key)} ({string.Join(", ", seen.Select(kv => $"{kv.Key}={kv.Value}"))})");
        }
    }

    private static bool Check(Scenario s, Dictionary<string, int> seen)
    {
        var plan = AllocatorExecution.Plan(s.Instruction, s.Holdings, s.Prices);
        void Count(string key) => seen[key] = seen.GetValueOrDefault(key) + 1;
        if (s.Instruction.Action == AllocatorAction.Hold)
        {
            Count("hold");
        }

        var soldCost = 0m;
        foreach (var t in plan.Trades)
        {
            if (t.Quantity <= 0 || decimal.Round(t.Quantity, 4) != t.Quantity || t.Amount != t.Quantity * t.Price || t.Price != s.Prices[t.Symbol])
            {
                return false;
            }

            if (t.Action == AllocatorAction.Buy)
            {
                var allocated = s.Instruction.Allocations[t.Symbol];
                if (t.Amount > allocated || allocated - t.Amount >= t.Price * AllocatorExecution.QuantityStep)
                {
                    return false;
                }

                Count(s.Holdings.ContainsKey(t.Symbol) ? "buy more" : "buy new");
            }
            else
            {
                var held = s.Holdings[t.Symbol];
                if (t.Quantity > held.Quantity)
                {
                    return false;
                }

                soldCost += t.Quantity * held.AverageCost;
                Count(plan.Holdings.ContainsKey(t.Symbol) ? "sell part" : "sell all");
            }
        }

        // A buy skipped only when not even one step was affordable; a sell skipped only when it rounded to nothing.
        if (s.Instruction.Action == AllocatorAction.Buy
            && s.Instruction.Allocations.Any(a => a.Value >= s.Prices[a.Key] * AllocatorExecution.QuantityStep && plan.Trades.All(t => t.Symbol != a.Key)))
        {
            return false;
        }

        if (s.Instruction.Action == AllocatorAction.Sell
            && s.Holdings.Any(h => AllocatorExecution.RoundDown(h.Value.Quantity * s.Instruction.SellFraction) > 0 && plan.Trades.All(t => t.Symbol != h.Key)))
        {
            return false;
        }

        foreach (var symbol in s.Holdings.Keys.Union(plan.Holdings.Keys))
        {
            var before = s.Holdings.GetValueOrDefault(symbol)?.Quantity ?? 0m;
            var after = plan.Holdings.GetValueOrDefault(symbol)?.Quantity ?? 0m;
            var traded = plan.Trades.Where(t => t.Symbol == symbol).Sum(t => t.Action == AllocatorAction.Buy ? t.Quantity : -t.Quantity);
            if (after != before + traded || (plan.Holdings.TryGetValue(symbol, out var h) && (h.Quantity <= 0 || h.AverageCost < 0)))
            {
                return false;
            }

            // Sells keep the average cost.
            if (s.Holdings.TryGetValue(symbol, out var old) && h is not null && plan.Trades.All(t => t.Symbol != symbol || t.Action == AllocatorAction.Sell) && h.AverageCost != old.AverageCost)
            {
                return false;
            }
        }

        var costBefore = s.Holdings.Values.Sum(h => h.CostBasis);
        var costAfter = plan.Holdings.Values.Sum(h => h.CostBasis);
        var expected = costBefore + plan.CashSpent - soldCost;

        // The average cost is a 28-digit quotient: quantity × average differs from the exact cost in the 26th digit or so.
        return Math.Abs(costAfter - expected) <= 1e-18m * (1 + costBefore + plan.CashSpent)
               && plan.CashReceived == plan.Trades.Where(t => t.Action == AllocatorAction.Sell).Sum(t => t.Quantity * t.Price);
    }
}
