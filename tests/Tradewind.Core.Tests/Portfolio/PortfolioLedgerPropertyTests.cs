using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using static Tradewind.Core.Tests.Portfolio.LedgerTestKit;

namespace Tradewind.Core.Tests.Portfolio;

/// <summary>
/// For any sequence of deposits, withdrawals, buys and sells at random prices and commissions (refusals included):
/// after every step the ledger reconciles exactly (decimal, no tolerance), quantities stay positive, a refused step
/// changes nothing, the entries add up to cash, and without leverage cash never goes below zero.
/// </summary>
public sealed class PortfolioLedgerPropertyTests
{
    private static readonly Symbol[] Symbols = [Spy, Qqq, Btc];

    /// <summary>
    /// One step. Kind: 0 deposit, 1 withdrawal, 2–3 buy, 4–5 sell. Amount: cents for deposits/withdrawals, else a
    /// fraction in per-mille of what is affordable or held (above 1000 asks for too much). Move: the symbol's price
    /// moves by this many basis points first (a random walk, so money stays within realistic magnitudes); odd moves
    /// give sub-penny prices (4 decimals). Commission in cents.
    /// </summary>
    private sealed record Step(int Kind, int Symbol, int Amount, int Move, int Commission)
    {
        public override string ToString() => $"{Kind}/{Symbol}/{Amount}/{Move}/{Commission}";
    }

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Choose(0, 5)
        from symbol in Gen.Choose(0, Symbols.Length - 1)
        from amount in Gen.Frequency((1, Gen.Choose(0, 10_000_000)), (3, Gen.Choose(0, 1_200)), (1, Gen.Constant(1_000)))
        from move in Gen.Choose(-1_000, 1_000)
        from commission in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 1_000)), (1, Gen.Choose(1, 100_000)))
        select new Step(kind, symbol, amount, move, commission);

    [Fact]
    public void Ledger_reconciles_exactly_after_every_step_without_leverage() => Check(1m);

    [Fact]
    public void Ledger_reconciles_exactly_after_every_step_with_leverage() => Check(2.5m);

    private static void Check(decimal maxLeverage)
    {
        var scenario = from steps in StepGen.ListOf()
                       from start in Gen.Choose(0, 100_000_000)
                       select (Start: start, Steps: steps);

        var seen = new Dictionary<string, int>();
        Prop.ForAll(Arb.From(scenario), s => Run(maxLeverage, s.Start, s.Steps, seen))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

        // The property is not vacuous: every kind of step was accepted and refused many times.
        string[] expected = ["Deposit", "Withdrawal", "Buy", "Sell", "Fee", "close", "refused InsufficientCash", "refused InsufficientQuantity"];
        foreach (var key in maxLeverage > 1m ? [.. expected, "borrowing", "refused LeverageExceeded"] : expected)
        {
            Assert.True(seen.GetValueOrDefault(key) >= 20, $"{key}: {seen.GetValueOrDefault(key)} ({string.Join(", ", seen.Select(kv => $"{kv.Key}={kv.Value}"))})");
        }
    }

    private static bool Run(decimal maxLeverage, int start, IEnumerable<Step> steps, Dictionary<string, int> seen)
    {
        var ledger = new PortfolioLedger(maxLeverage);
        var time = T0;
        if (start > 0)
        {
            ledger.Deposit(start / 100m, time, "start");
        }

        var orderId = 0L;
        decimal[] prices = [470.13m, 401.5m, 42_000m];
        foreach (var step in steps)
        {
            time = time.AddHours(1);
            var before = Fingerprint(ledger);
            var refused = false;
            try
            {
                Apply(ledger, step, time, ++orderId, prices);
            }
            catch (PortfolioRejectedException ex)
            {
                refused = true;
                Count(seen, $"refused {ex.Reason}");
            }

            if (!refused)
            {
                var entries = ledger.Entries;
                for (var i = entries.Count - 1; i >= 0 && entries[i].Time == time; i--)
                {
                    Count(seen, entries[i].Kind.ToString());
                }

                if (step.Kind >= 4 && ledger.QuantityOf(Symbols[step.Symbol]) == 0m)
                {
                    Count(seen, "close");
                }

                if (ledger.Cash < 0m)
                {
                    Count(seen, "borrowing");
                }
            }

            if (refused && Fingerprint(ledger) != before)
            {
                throw new InvalidOperationException($"refused step {step} changed the ledger");
            }

            if (ledger.ReconciliationDifference() != 0m)
            {
                throw new InvalidOperationException($"after {step}: difference {ledger.ReconciliationDifference()}");
            }

            if (maxLeverage == 1m && ledger.Cash < 0m)
            {
                throw new InvalidOperationException($"after {step}: cash {ledger.Cash}");
            }

            var entriesSum = 0m;
            foreach (var entry in ledger.Entries)
            {
                entriesSum += entry.Amount;
            }

            if (entriesSum != ledger.Cash || ledger.Fees < 0m)
            {
                throw new InvalidOperationException($"after {step}: entries add up to {entriesSum}, cash {ledger.Cash}");
            }

            foreach (var position in ledger.Positions.Values)
            {
                if (position.Quantity <= 0m || position.CostBasis <= 0m)
                {
                    throw new InvalidOperationException($"after {step}: position {position}");
                }
            }
        }

        return true;
    }

    private static void Count(Dictionary<string, int> seen, string key) => seen[key] = seen.GetValueOrDefault(key) + 1;

    private static void Apply(PortfolioLedger ledger, Step step, DateTime time, long orderId, decimal[] prices)
    {
        var symbol = Symbols[step.Symbol];
        var rule = ledger.QuantityRuleFor(symbol);
        var price = decimal.Round(prices[step.Symbol] * (1m + (step.Move / 10_000m)), step.Move % 2 == 0 ? 2 : 4);
        price = prices[step.Symbol] = Math.Max(price, 0.01m);
        var commission = step.Commission / 100m;
        switch (step.Kind)
        {
            case 0:
                ledger.Deposit(Math.Max(step.Amount, 1) / 100m, time, "contribution");
                break;
            case 1:
                // Mostly a fraction of cash, sometimes more than there is.
                var withdrawal = step.Amount <= 1_200 ? decimal.Round(ledger.Cash * step.Amount / 1_000m, 2) : step.Amount / 100m;
                if (withdrawal > 0m)
                {
                    ledger.Withdraw(withdrawal, time, "withdrawal");
                }

                break;
            case 2:
            case 3:
                var affordable = ledger.BuyingPower / price;
                var buy = rule.RoundDown(affordable * Math.Min(step.Amount, 2_000) / 1_000m);
                ledger.Apply(new Fill(orderId, symbol, OrderSide.Buy, buy > 0m ? buy : rule.Step, price, commission, time, "entry"));
                break;
            default:
                var held = ledger.QuantityOf(symbol);
                var sell = step.Amount == 1_000 ? held : rule.RoundDown(held * Math.Min(step.Amount, 2_000) / 1_000m);
                ledger.Apply(new Fill(orderId, symbol, OrderSide.Sell, sell > 0m ? sell : rule.Step, price, commission, time, "exit"));
                break;
        }
    }
}
