using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Engine;

/// <summary>
/// Commissions and slippage as the engine books them: hand-computed, exact decimals in the fill, the round trip and
/// the ledger's cash (no tolerance anywhere).
/// </summary>
public sealed class EngineCostTests
{
    private static BarSeries Bars() => Daily(
        "SPY",
        (100, 101, 99, 100),    // 0: decisions
        (102, 106, 101, 105),   // 1: entries
        (104, 105, 103, 104),   // 2: exits
        (104, 105, 103, 104));

    private static TradingEngine BuyThenSell(EngineOptions options, decimal quantity, OrderType type = OrderType.Market, double? limit = null, double? stop = null) =>
        EngineRun.Run(
            new ScriptedStrategy()
                .At(0, c => c.Buy(0, OrderSizing.Units(quantity), type: type, limitPrice: limit, stopPrice: stop))
                .At(1, c => c.ClosePosition(0)),
            options,
            Bars());

    [Theory]
    [InlineData(100, 1)]     // 100 × 0.005 = 0.50 → the minimum 1
    [InlineData(1000, 5)]    // 1,000 × 0.005 = 5.00
    public void Per_share_commission_with_a_minimum(int quantity, int commission)
    {
        var engine = BuyThenSell(new EngineOptions { InitialCash = 1_000_000m }.WithCommission(new PerShareCommission(0.005m, 1m)), quantity);
        var buy = engine.Journal.Fills[0].Fill;
        Assert.Equal(commission, buy.Commission);
        Assert.Equal(1_000_000m - (quantity * 102m) - commission, CashAfter(engine, 0));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((quantity * (104m - 102m)) - (2 * commission), trade.ProfitLoss);
        Assert.Equal(1_000_000m + trade.ProfitLoss, engine.Ledger.Cash);
        Assert.Equal(2 * commission, engine.Ledger.Fees);
    }

    [Fact]
    public void Percent_commission_is_a_fraction_of_the_notional()
    {
        // percent:0.1 → 0.1% of 100 × 102 = 10.2 on the buy, 0.1% of 100 × 104 = 10.4 on the sell.
        var engine = BuyThenSell(new EngineOptions().WithCommission(CommissionModel.Parse("percent:0.1")), 100);
        Assert.Equal(10.2m, engine.Journal.Fills[0].Fill.Commission);
        Assert.Equal(10.4m, engine.Journal.Fills[1].Fill.Commission);
        Assert.Equal(100_000m - 10_200m - 10.2m, CashAfter(engine, 0));
        Assert.Equal(100_000m + 200m - 20.6m, engine.Ledger.Cash);
        Assert.Equal(179.4m, Assert.Single(engine.Journal.ClosedTrades).ProfitLoss);
    }

    [Fact]
    public void Fixed_commission_is_charged_per_order_whatever_its_size()
    {
        var engine = BuyThenSell(new EngineOptions().WithCommission(CommissionModel.Parse("fixed:2.5")), 3);
        Assert.All(engine.Journal.Fills, f => Assert.Equal(2.5m, f.Fill.Commission));
        Assert.Equal(100_000m + 6m - 5m, engine.Ledger.Cash);
    }

    [Fact]
    public void Slippage_goes_against_the_trader_on_market_orders_both_ways()
    {
        // 10 bps: the buy pays 102 × 1.001 = 102.102, the sell gets 104 × 0.999 = 103.896.
        var engine = BuyThenSell(new EngineOptions().WithSlippage(10m).WithCommission(new PerShareCommission(0.02m, 1m)), 100);
        Assert.Equal(102.102m, engine.Journal.Fills[0].Fill.Price);
        Assert.Equal(103.896m, engine.Journal.Fills[1].Fill.Price);
        Assert.Equal(102.102m, engine.Journal.Orders[0].FillPrice);

        // P&L = 100 × (103.896 − 102.102) − 2 − 2 = 179.4 − 4.
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(175.4m, trade.ProfitLoss);
        Assert.Equal(102.102m, trade.EntryPrice);
        Assert.Equal(103.896m, trade.ExitPrice);
        Assert.Equal(100_175.4m, engine.Ledger.Cash);
        Assert.Equal(4m, engine.Ledger.Fees);
    }

    [Fact]
    public void Slippage_applies_to_a_stop_but_not_to_a_limit()
    {
        var options = new EngineOptions().WithSlippage(10m);
        var stop = BuyThenSell(options, 10, OrderType.Stop, stop: 104);
        Assert.Equal(104.104m, stop.Journal.Fills[0].Fill.Price);
        var limit = BuyThenSell(options, 10, OrderType.Limit, limit: 101.5);
        Assert.Equal(101.5m, limit.Journal.Fills[0].Fill.Price);
        var gappedLimit = BuyThenSell(options, 10, OrderType.Limit, limit: 103);
        Assert.Equal(102m, gappedLimit.Journal.Fills[0].Fill.Price);
    }

    [Fact]
    public void Fill_prices_and_cash_are_exact_decimals()
    {
        // 100.1 is not a double; the fill must be 100.1 × 1.0005 = 100.15005 exactly, and cash
        // 100,000 − 3 × 100.15005 − 0.1% of that = 100,000 − 300.45015 − 0.30045015.
        var bars = Daily("SPY", (100, 100, 100, 100), (100.1, 100.3, 100, 100.2));
        var options = new EngineOptions().WithSlippage(5m).WithCommission(CommissionModel.Parse("percent:0.1"));
        var engine = EngineRun.Run(new ScriptedStrategy().At(0, c => c.Buy(0, OrderSizing.Units(3))), options, bars);
        var fill = engine.SingleFill().Fill;
        Assert.Equal(100.15005m, fill.Price);
        Assert.Equal(0.30045015m, fill.Commission);
        Assert.Equal(99_699.24939985m, engine.Ledger.Cash);
        Assert.True(engine.Ledger.Reconciles);

        // Marked at the last close 100.2: 99,699.24939985 + 300.6.
        Assert.Equal(99_999.84939985m, engine.Mark().Equity);
    }

    [Fact]
    public void A_round_trip_costs_exactly_both_commissions_and_both_slippages()
    {
        var engine = BuyThenSell(new EngineOptions().WithSlippage(25m).WithCommission(new PerShareCommission(0.01m, 1.5m)), 250);

        // buy 250 × 102 × 1.0025 = 250 × 102.255, commission 2.5; sell 250 × 104 × 0.9975 = 250 × 103.74, commission 2.5.
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal((250m * (103.74m - 102.255m)) - 5m, trade.ProfitLoss);
        Assert.Equal(100_000m + trade.ProfitLoss, engine.Ledger.Cash);
        Assert.Equal(trade.ProfitLoss, engine.Ledger.RealizedPnL - engine.Ledger.Fees);
    }

    /// <summary>Cash right after the fill at index <paramref name="fill"/> of the journal (its commission included), from the ledger lines.</summary>
    private static decimal CashAfter(TradingEngine engine, int fill)
    {
        var id = engine.Journal.Fills[fill].Fill.OrderId;
        return engine.Ledger.Entries.Last(e => e.OrderId == id).CashAfter;
    }
}
