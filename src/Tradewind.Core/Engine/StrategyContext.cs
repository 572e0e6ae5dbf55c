using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>
/// What a strategy can see and do: the bars up to now, its positions and cash, and orders or targets. Every
/// method is answered by the engine from the current slice; nothing here can reach a later bar.
/// </summary>
public sealed class StrategyContext
{
    private readonly TradingEngine _engine;

    internal StrategyContext(TradingEngine engine) => _engine = engine;

    /// <summary>The symbols; strategies address them by index.</summary>
    public IReadOnlyList<Symbol> Symbols => _engine.Symbols;

    /// <summary>The time of the current slice (UTC).</summary>
    public DateTime Time => _engine.Time;

    /// <summary>True before the run's start: the strategy sees bars to warm up; its orders are ignored except on the last warm-up bar (see <see cref="AcceptsOrders"/>).</summary>
    public bool IsWarmingUp => _engine.IsWarmingUp;

    /// <summary>
    /// Pays <paramref name="amount"/> into the account now (a contribution, e.g. a daily deposit): available to the
    /// orders that fill from the next bar on, and recorded as a cash flow, not as a return.
    /// </summary>
    public void Deposit(decimal amount, string note = "contribution") => _engine.Deposit(amount, note);

    /// <summary>
    /// Pays <paramref name="amount"/> into the account at the start of the next time slice, before its orders fill (a
    /// contribution made at the next open, as the daily jobs deposit before they trade); recorded as a cash flow of that
    /// slice. Never paid when the run ends first, so a run's deposits are only those its bars reached.
    /// </summary>
    public void DepositAtNextSlice(decimal amount, string note = "contribution") => _engine.DepositAtNextSlice(amount, note);

    /// <summary>Takes <paramref name="amount"/> out of the account now; more than the cash is refused.</summary>
    public void Withdraw(decimal amount, string note = "withdrawal") => _engine.Withdraw(amount, note);

    /// <summary>Whether orders and targets placed now are accepted: in the period, and on the close just before it (they fill on its first bar).</summary>
    public bool AcceptsOrders => _engine.AcceptsOrders;

    /// <summary>The bars of <paramref name="symbol"/> at or before <see cref="Time"/>.</summary>
    public BarHistory History(int symbol) => _engine.History(symbol);

    /// <summary>The index of <paramref name="symbol"/>'s latest visible bar (−1 before its first): a bar counter for cooldowns.</summary>
    public int BarIndex(int symbol) => _engine.LastIndex(symbol);

    /// <summary>The latest visible close of <paramref name="symbol"/> (0 before its first bar).</summary>
    public double Close(int symbol) => _engine.LastClose(symbol);

    /// <summary>The latest visible bar of <paramref name="symbol"/>.</summary>
    /// <exception cref="InvalidOperationException">The symbol has no bar yet.</exception>
    public Bar CurrentBar(int symbol)
    {
        var index = _engine.LastIndex(symbol);
        return index >= 0 ? _engine.Series(symbol)[index] : throw new InvalidOperationException($"{Symbols[symbol]} has no bar yet");
    }

    /// <summary>Whether <paramref name="symbol"/> has a bar at <see cref="Time"/> (a weekend has crypto bars but no stock bars).</summary>
    public bool HasBar(int symbol) => _engine.HasBarNow(symbol);

    /// <summary>The quantity held (double mirror of the ledger's decimal, for fast checks).</summary>
    public double Quantity(int symbol) => _engine.QuantityHeld(symbol);

    /// <summary>The exact quantity held.</summary>
    public decimal Position(int symbol) => _engine.Ledger.QuantityOf(_engine.Symbols[symbol]);

    /// <summary>True when nothing of <paramref name="symbol"/> is held.</summary>
    public bool IsFlat(int symbol) => _engine.QuantityHeld(symbol) == 0;

    /// <summary>Orders of <paramref name="symbol"/> not yet filled, rejected or cancelled (protective orders included).</summary>
    public int PendingOrders(int symbol) => _engine.PendingCount(symbol);

    /// <summary>Cash now.</summary>
    public double Cash => _engine.CashNow;

    /// <summary>Cash + positions at the latest closes.</summary>
    public double Equity => _engine.EquityNow;

    /// <summary>Places a buy; it fills on a later bar. Returns the order id (0 during warm-up, when orders are ignored).</summary>
    /// <param name="symbol">The symbol's index.</param>
    /// <param name="sizing">How much; see <see cref="OrderSizing"/>.</param>
    /// <param name="reason">Why (journal), default "entry".</param>
    /// <param name="bracket">Stop-loss / take-profit / trailing stop placed when it fills.</param>
    /// <param name="type">Market by default; limit, stop, stop-limit, market-on-open, market-on-close.</param>
    /// <param name="limitPrice">The limit price for limit and stop-limit orders.</param>
    /// <param name="stopPrice">The stop price for stop and stop-limit orders.</param>
    public long Buy(int symbol, OrderSizing sizing, string reason = "entry", Bracket bracket = default, OrderType type = OrderType.Market, double? limitPrice = null, double? stopPrice = null) =>
        _engine.Place(symbol, OrderSide.Buy, sizing, type, limitPrice, stopPrice, reason, bracket);

    /// <summary>Places a sell (long only: at most what is held when it fills). Returns the order id (0 during warm-up).</summary>
    public long Sell(int symbol, OrderSizing sizing, string reason = "exit", OrderType type = OrderType.Market, double? limitPrice = null, double? stopPrice = null) =>
        _engine.Place(symbol, OrderSide.Sell, sizing, type, limitPrice, stopPrice, reason, default);

    /// <summary>Sells the whole position at the next bar by the run's fill rule. Returns the order id (0 during warm-up).</summary>
    public long ClosePosition(int symbol, string reason = "exit") =>
        _engine.Place(symbol, OrderSide.Sell, OrderSizing.EntirePosition, OrderType.Market, null, null, reason, default);

    /// <summary>Cancels every pending order of <paramref name="symbol"/>; returns how many.</summary>
    public int CancelOrders(int symbol, string reason = "cancelled by the strategy") => _engine.Cancel(symbol, reason);

    /// <summary>
    /// Portfolio strategies: hold <paramref name="weights"/>[i] × equity of symbol i (one weight per symbol, each ≥ 0,
    /// summing to at most 1). Quantities are sized on the latest closes and rounded down; sells are placed for what is
    /// above target and buys for what is below, replacing any pending orders of those symbols.
    /// </summary>
    public void SetTargetWeights(ReadOnlySpan<double> weights, string reason = "rebalance")
    {
        if (weights.Length != Symbols.Count)
        {
            throw new ArgumentException($"weights must have one value per symbol ({Symbols.Count}), got {weights.Length}", nameof(weights));
        }

        var sum = 0.0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, "each weight must be a finite number ≥ 0 (long only)");
            }

            sum += w;
        }

        if (sum > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), sum, "weights must sum to at most 1 (no leverage through targets)");
        }

        if (!_engine.AcceptsOrders)
        {
            return;
        }

        var equity = _engine.MarkedEquity();
        Span<decimal> values = weights.Length <= 64 ? stackalloc decimal[weights.Length] : new decimal[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            values[i] = equity * (decimal)weights[i];
        }

        _engine.SetTargets(values, reason);
    }

    /// <summary>Portfolio strategies: hold <paramref name="values"/>[i] in money of symbol i, as <see cref="SetTargetWeights"/> does for weights.</summary>
    public void SetTargetValues(ReadOnlySpan<decimal> values, string reason = "rebalance") => _engine.SetTargets(values, reason);
}
