using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using static Tradewind.Core.Tests.Portfolio.LedgerTestKit;

namespace Tradewind.Core.Tests.Portfolio;

public sealed class PortfolioLedgerTests
{
    [Fact]
    public void Hand_computed_buys_and_a_sell()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(10_000m, T0, "initial capital");
        Assert.True(ledger.Reconciles);

        ledger.Apply(Buy(Spy, 10m, 100m, 1m));
        Assert.Equal(8_999m, ledger.Cash);
        Assert.True(ledger.Reconciles);

        ledger.Apply(Buy(Spy, 10m, 110m));
        Assert.Equal(7_899m, ledger.Cash);
        Assert.Equal(105m, ledger.Positions[Spy].AverageCost);
        Assert.Equal(20m, ledger.QuantityOf(Spy));
        Assert.True(ledger.Reconciles);

        ledger.Apply(Sell(Spy, 5m, 120m, 1m));
        Assert.Equal(8_498m, ledger.Cash); // 7899 + 600 − 1
        Assert.Equal(75m, ledger.RealizedPnL);
        Assert.Equal(105m, ledger.Positions[Spy].AverageCost);
        Assert.Equal(15m, ledger.QuantityOf(Spy));
        Assert.Equal(2m, ledger.Fees);
        Assert.Equal(1_575m, ledger.CostBasis);
        // 8498 + 1575 − 75 + 2 = 10000
        Assert.Equal(0m, ledger.ReconciliationDifference());

        var snapshot = ledger.MarkToMarket(_ => 130m);
        Assert.Equal(8_498m, snapshot.Cash);
        Assert.Equal(1_950m, snapshot.MarketValue);
        Assert.Equal(10_448m, snapshot.Equity);
        Assert.Equal(375m, snapshot.UnrealizedPnL);
        Assert.Equal(1_950m, snapshot.GrossExposure);
        Assert.Equal(448m, snapshot.Profit); // 75 realized + 375 unrealized − 2 fees
        Assert.Equal(1, snapshot.Positions);
        Assert.Equal(0, snapshot.UnpricedPositions);
    }

    [Fact]
    public void Selling_everything_removes_the_position_and_keeps_the_realized_pnl()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(5_000m, T0);
        ledger.Apply(Buy(Spy, 10m, 100m, 1m));
        ledger.Apply(Sell(Spy, 10m, 90m, 1m));
        Assert.False(ledger.Positions.ContainsKey(Spy));
        Assert.Null(ledger.PositionOf(Spy));
        Assert.Equal(0m, ledger.QuantityOf(Spy));
        Assert.Equal(-100m, ledger.RealizedPnL);
        Assert.Equal(4_898m, ledger.Cash);
        Assert.Equal(0m, ledger.CostBasis);
        Assert.True(ledger.Reconciles);

        // Reopening starts a fresh average.
        ledger.Apply(Buy(Spy, 1m, 95m));
        Assert.Equal(95m, ledger.Positions[Spy].AverageCost);
        Assert.Equal(0m, ledger.Positions[Spy].RealizedPnL);
        Assert.Equal(-100m, ledger.RealizedPnL);
        Assert.True(ledger.Reconciles);
    }

    [Fact]
    public void Daily_deposits_accumulate_and_unspent_cash_carries_over()
    {
        var ledger = new PortfolioLedger();
        for (var day = 0; day < 5; day++)
        {
            var time = T0.AddDays(day);
            ledger.Deposit(1_000m, time, "daily capital");
            var quantity = ledger.QuantityRuleFor(Spy).RoundDown(800m / 470.13m);
            ledger.Apply(new Fill(day + 1, Spy, OrderSide.Buy, quantity, 470.13m, 0m, time, "allocation"));
            Assert.True(ledger.Reconciles);
        }

        Assert.Equal(5_000m, ledger.Deposits);
        Assert.Equal(8.5080m, ledger.QuantityOf(Spy)); // 5 × 1.7016
        Assert.Equal(5_000m - (8.508m * 470.13m), ledger.Cash);
        Assert.Equal(10, ledger.Entries.Count);
    }

    [Fact]
    public void Buy_beyond_cash_is_refused_and_changes_nothing()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(1_000m, T0);
        ledger.Apply(Buy(Spy, 5m, 100m));
        var before = Fingerprint(ledger);

        var ex = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Buy(Spy, 5m, 100m, 0.01m)));
        Assert.Equal(PortfolioRejectReason.InsufficientCash, ex.Reason);
        Assert.Equal("insufficient_cash", ex.Rejection.Code);
        Assert.Equal("buy of 5 SPY at 100 refused: costs 500.01 with commission 0.01, cash is 500", ex.Message);
        Assert.Equal(before, Fingerprint(ledger));
        Assert.True(ledger.Reconciles);

        // Exactly all the cash is fine.
        ledger.Apply(Buy(Spy, 4.9999m, 100m, 0.01m));
        Assert.Equal(0m, ledger.Cash);
        Assert.True(ledger.Reconciles);
    }

    [Fact]
    public void Oversell_and_selling_what_is_not_held_are_refused_and_change_nothing()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(1_000m, T0);
        ledger.Apply(Buy(Spy, 2m, 100m));
        var before = Fingerprint(ledger);

        var ex = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Sell(Spy, 2.0001m, 100m)));
        Assert.Equal(PortfolioRejectReason.InsufficientQuantity, ex.Reason);
        Assert.Equal("sell of 2.0001 SPY refused: only 2 held (long only; short selling is not supported)", ex.Message);

        var none = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Sell(Qqq, 1m, 100m)));
        Assert.Equal("sell of 1 QQQ refused: none held (long only; short selling is not supported)", none.Message);
        Assert.Equal(before, Fingerprint(ledger));

        Assert.False(ledger.TryApply(Sell(Spy, 3m, 100m), out var rejection));
        Assert.Equal(PortfolioRejectReason.InsufficientQuantity, rejection.Reason);
        Assert.Equal(before, Fingerprint(ledger));
    }

    [Fact]
    public void Withdrawal_beyond_cash_is_refused_and_changes_nothing()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(1_000m, T0);
        ledger.Apply(Buy(Spy, 5m, 100m));
        var before = Fingerprint(ledger);

        var ex = Assert.Throws<PortfolioRejectedException>(() => ledger.Withdraw(500.01m, T0, "too much"));
        Assert.Equal(PortfolioRejectReason.InsufficientCash, ex.Reason);
        Assert.Equal("withdrawal of 500.01 refused: cash is 500", ex.Message);
        Assert.Equal(before, Fingerprint(ledger));

        ledger.Withdraw(500m, T0, "all of it");
        Assert.Equal(0m, ledger.Cash);
        Assert.Equal(500m, ledger.NetContributions);
        Assert.True(ledger.Reconciles);
    }

    [Fact]
    public void A_sell_whose_commission_exceeds_its_proceeds_is_refused_when_cash_cannot_pay()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(100m, T0);
        ledger.Apply(Buy(Spy, 1m, 100m));
        var ex = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Sell(Spy, 0.0001m, 100m, 1m)));
        Assert.Equal(PortfolioRejectReason.InsufficientCash, ex.Reason);
        Assert.Equal(0m, ledger.Cash);
    }

    [Fact]
    public void Leverage_allows_gross_exposure_at_cost_up_to_the_limit()
    {
        var ledger = new PortfolioLedger(maxLeverage: 2m);
        ledger.Deposit(1_000m, T0);
        Assert.Equal(2_000m, ledger.BuyingPower);

        // Exposure 2000 at cost, equity at cost 1000 − 0 fees: exactly 2×.
        ledger.Apply(Buy(Spy, 20m, 100m));
        Assert.Equal(-1_000m, ledger.Cash);
        Assert.Equal(0m, ledger.BuyingPower);
        Assert.True(ledger.Reconciles);

        var before = Fingerprint(ledger);
        var ex = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Buy(Spy, 0.0001m, 100m)));
        Assert.Equal(PortfolioRejectReason.LeverageExceeded, ex.Reason);
        Assert.Equal("leverage_exceeded", ex.Rejection.Code);
        Assert.Equal("buy of 0.0001 SPY at 100 refused: gross exposure at cost would be 2000.01, above 2 × equity at cost 1000 = 2000", ex.Message);
        Assert.Equal(before, Fingerprint(ledger));

        // A commission counts against equity.
        var fee = Assert.Throws<PortfolioRejectedException>(() => ledger.Apply(Sell(Spy, 1m, 100m, 200m)));
        Assert.Equal(PortfolioRejectReason.LeverageExceeded, fee.Reason);

        ledger.Apply(Sell(Spy, 10m, 100m, 1m));
        Assert.Equal(-1m, ledger.Cash);
        Assert.True(ledger.Reconciles);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortfolioLedger(maxLeverage: 0.5m));
    }

    [Fact]
    public void Ledger_entries_record_every_cash_movement_in_order()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(1_000m, T0, "initial");
        var buy = Buy(Spy, 2m, 100m, 1m);
        ledger.Apply(buy);
        ledger.Apply(Sell(Spy, 1m, 110m, 0m));
        ledger.Withdraw(100m, T0.AddDays(1), "rent");

        var entries = ledger.Entries;
        Assert.Equal([LedgerEntryKind.Deposit, LedgerEntryKind.Buy, LedgerEntryKind.Fee, LedgerEntryKind.Sell, LedgerEntryKind.Withdrawal], entries.Select(e => e.Kind));
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal([1_000m, -200m, -1m, 110m, -100m], entries.Select(e => e.Amount));
        Assert.Equal([1_000m, 800m, 799m, 909m, 809m], entries.Select(e => e.CashAfter));
        Assert.Equal(10m, entries[3].RealizedPnL);
        Assert.Equal(buy.OrderId, entries[1].OrderId);
        Assert.Equal(buy.OrderId, entries[2].OrderId);
        Assert.Equal(Spy, entries[2].Symbol);
        Assert.Null(entries[0].Symbol);
        Assert.Equal("rent", entries[4].Note);
        Assert.Equal(ledger.Cash, entries[^1].CashAfter);
        Assert.Equal(ledger.Cash, entries.Sum(e => e.Amount));
    }

    [Fact]
    public void Malformed_fills_and_amounts_are_argument_errors()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(1_000m, T0);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Deposit(0m, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Withdraw(-1m, T0));
        Assert.Throws<ArgumentException>(() => ledger.Deposit(1m, new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Throws<ArgumentException>(() => ledger.Apply(Buy(Spy, 1.00001m, 100m)));
        Assert.Throws<ArgumentException>(() => ledger.Apply(Buy(Spy, 1m, 0m)));
        Assert.Throws<ArgumentException>(() => ledger.Apply(Buy(Spy, 1m, 10m, -1m)));
        Assert.Throws<ArgumentException>(() => ledger.Apply(default)); // an empty fill: no UTC time, no quantity
        Assert.Equal(1_000m, ledger.Cash);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public void Whole_share_rules_are_enforced_when_configured()
    {
        var ledger = new PortfolioLedger(quantityRules: s => QuantityRule.For(s.AssetClass, wholeShares: true));
        ledger.Deposit(1_000m, T0);
        var ex = Assert.Throws<ArgumentException>(() => ledger.Apply(Buy(Spy, 1.5m, 100m)));
        Assert.Contains("whole units", ex.Message, StringComparison.Ordinal);
        ledger.Apply(Buy(Spy, 1m, 100m));
        ledger.Apply(Buy(Btc, 0.00012345m, 40_000m));
        Assert.Equal(0.00012345m, ledger.QuantityOf(Btc));
        Assert.True(ledger.Reconciles);
    }

    [Fact]
    public void Mark_to_market_values_unpriced_positions_at_cost()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(10_000m, T0);
        ledger.Apply(Buy(Spy, 10m, 100m));
        ledger.Apply(Buy(Qqq, 10m, 200m));
        var snapshot = ledger.MarkToMarket(s => s == Spy ? 110m : null);
        Assert.Equal(1_100m + 2_000m, snapshot.MarketValue);
        Assert.Equal(3_000m, snapshot.CostBasis);
        Assert.Equal(100m, snapshot.UnrealizedPnL);
        Assert.Equal(10_100m, snapshot.Equity);
        Assert.Equal(1, snapshot.UnpricedPositions);
        Assert.Equal(2, snapshot.Positions);
        Assert.Equal(3_100m / 10_100m, snapshot.Leverage);

        var empty = new PortfolioLedger().MarkToMarket(_ => 1m);
        Assert.Equal(0m, empty.Equity);
        Assert.Equal(0m, empty.Leverage);
    }

    [Fact]
    public void Mark_to_market_allocates_nothing()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(10_000m, T0);
        ledger.Apply(Buy(Spy, 10m, 100m));
        ledger.Apply(Buy(Qqq, 10m, 200m));
        Func<Symbol, decimal?> price = s => s == Spy ? 101m : 202m;
        var total = ledger.MarkToMarket(price).Equity;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            total += ledger.MarkToMarket(price).Equity;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_001m * 10_030m, total);
    }

    [Fact]
    public void Check_reports_without_booking()
    {
        var ledger = new PortfolioLedger();
        ledger.Deposit(100m, T0);
        Assert.Null(ledger.Check(Buy(Spy, 1m, 100m)));
        Assert.Equal(PortfolioRejectReason.InsufficientCash, ledger.Check(Buy(Spy, 1m, 100.01m))!.Reason);
        Assert.Single(ledger.Entries);
    }
}
