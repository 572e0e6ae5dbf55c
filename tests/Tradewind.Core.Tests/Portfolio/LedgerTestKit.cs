using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Tests.Portfolio;

/// <summary>Fills and a state fingerprint for ledger tests.</summary>
internal static class LedgerTestKit
{
    public static readonly Symbol Spy = Symbol.Parse("SPY");
    public static readonly Symbol Qqq = Symbol.Parse("QQQ");
    public static readonly Symbol Btc = Symbol.Parse("BTC-USD");
    public static readonly DateTime T0 = new(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    private static long _orderId;

    public static Fill Buy(Symbol symbol, decimal quantity, decimal price, decimal commission = 0m) =>
        new(Interlocked.Increment(ref _orderId), symbol, OrderSide.Buy, quantity, price, commission, T0, "entry");

    public static Fill Sell(Symbol symbol, decimal quantity, decimal price, decimal commission = 0m) =>
        new(Interlocked.Increment(ref _orderId), symbol, OrderSide.Sell, quantity, price, commission, T0, "exit");

    /// <summary>Everything observable about a ledger, to prove a refused operation changed nothing.</summary>
    public static string Fingerprint(PortfolioLedger ledger)
    {
        var positions = string.Join(";", ledger.Positions.Values.OrderBy(p => p.Symbol.Ticker).Select(p => p.ToString()));
        return $"{ledger.Cash}|{ledger.Deposits}|{ledger.Withdrawals}|{ledger.Fees}|{ledger.RealizedPnL}|{ledger.Entries.Count}|{positions}";
    }
}
