using System.Globalization;
using System.Runtime.CompilerServices;
using Tradewind.Core.Analytics;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Engine;

/// <summary>
/// The engine: one <see cref="Step"/> takes the next time slice (every bar of every symbol with that timestamp),
/// fills the orders pending from earlier decisions against those bars, books the fills in the
/// <see cref="PortfolioLedger"/>, marks the portfolio, lets the strategy decide on the bars' closes and records
/// the equity. A backtest is <see cref="Step"/> in a loop; a daily run is the same step for one day.
/// </summary>
/// <remarks>
/// <para>No lookahead, by construction: a symbol's bars become visible (<see cref="BarHistory"/>) only when the
/// slice of their timestamp is processed, and an order placed on a close is active from the symbol's next bar.</para>
/// <para>Within a slice, fills follow the bar's time: first everything at the open, then inside the bar, then at the
/// close; at each point, sell orders of all symbols fill before buy orders, so the cash a sale frees can pay for a buy
/// at the same open, but never for a buy at an earlier point of the bar (a stop hit during the day does not pay for
/// that morning's open). Of several sells of one symbol that fill on the same bar, one that gapped at the open goes
/// first, then stops before limits (when a bar reaches both a stop-loss and a take-profit, which came first is
/// unknown, so the engine assumes the worse).</para>
/// <para>A buy sized on equity at the fill marks the positions of symbols trading in the slice at the bar's open (at
/// its close for a fill at the close): prices known at that moment, so buys of one slice are sized alike whatever the
/// order they are booked in.</para>
/// <para>Hot path: bars are read from the series' arrays; per bar the engine does a few comparisons, one virtual
/// call into the strategy and one equity point; it allocates only when an order is placed or filled.</para>
/// </remarks>
public sealed class TradingEngine
{
    private readonly BarSeries[] _series;
    private readonly Symbol[] _symbols;
    private readonly Strategy _strategy;
    private readonly EngineOptions _options;
    private readonly ExecutionCosts _costs;
    private readonly FillRule _fillRule;
    private readonly int[] _visible;
    private readonly double[] _quantity;
    private readonly double[] _lastClose;
    private readonly List<long>[] _pending;
    private readonly OpenTrade?[] _openTrades;
    private readonly OpenTrade?[] _tradeRecords;
    private readonly long[] _trailingStop;
    private readonly double[] _trailingDistance;
    private readonly double[] _highestHigh;
    private readonly int[] _slice;
    private readonly EquityCurve _equityCurve;
    private readonly bool _strategyHandlesSlices;
    private readonly bool _strategyHandlesFills;
    private readonly DateTime _start;
    private readonly DateTime _end;
    private int _sliceCount;
    private double _cash;
    private double _tradedThisSlice;
    private long _barsProcessed;
    private bool _started;
    private bool _lastWarmUpSlice;
    private List<(decimal Amount, string Note)>? _depositsDue;

    // Fill and round-trip callbacks wait for the slice's close: a fill at the open must not let the strategy
    // look at the rest of a bar it is notified in the middle of.
    private List<(int Symbol, JournalFill Fill, Analytics.ClosedTrade? Trade)> _notifications = [];
    private List<(int Symbol, JournalFill Fill, Analytics.ClosedTrade? Trade)> _dispatching = [];
    private FillPoint? _filling;

    /// <summary>Creates an engine over <paramref name="series"/> (one per symbol, all of one resolution) for <paramref name="strategy"/>.</summary>
    /// <exception cref="ArgumentException">No series, an empty series, two series of one symbol, mixed resolutions or invalid options.</exception>
    public TradingEngine(IReadOnlyList<BarSeries> series, Strategy strategy, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (series.Count == 0)
        {
            throw new ArgumentException("the engine needs at least one bar series", nameof(series));
        }

        _series = [.. series];
        _symbols = new Symbol[_series.Length];
        var total = 0;
        for (var s = 0; s < _series.Length; s++)
        {
            var bars = _series[s];
            if (bars.Count == 0)
            {
                throw new ArgumentException($"the series of {bars.Symbol} has no bars", nameof(series));
            }

            if (bars.Resolution != _series[0].Resolution)
            {
                // Bars of different lengths share no common "close": a daily bar keyed at 00:00 would be seen before
                // the hourly bars of its own day. Refuse rather than leak the future.
                throw new ArgumentException(
                    $"all series must have one resolution: {_series[0].Symbol} is {_series[0].Resolution}, {bars.Symbol} is {bars.Resolution}", nameof(series));
            }

            for (var other = 0; other < s; other++)
            {
                if (_symbols[other] == bars.Symbol)
                {
                    throw new ArgumentException($"{bars.Symbol} is given twice", nameof(series));
                }
            }

            _symbols[s] = bars.Symbol;
            total += bars.Count;
        }

        _strategy = strategy;
        _options = options;
        _costs = options.Costs;
        _fillRule = options.FillRule;
        _start = options.Start ?? DateTime.MinValue;
        _end = options.End ?? DateTime.MaxValue;
        var n = _series.Length;
        _visible = new int[n];
        _quantity = new double[n];
        _lastClose = new double[n];
        _pending = new List<long>[n];
        for (var s = 0; s < n; s++)
        {
            _pending[s] = [];
        }

        _openTrades = new OpenTrade?[n];
        _tradeRecords = new OpenTrade?[n];
        _trailingStop = new long[n];
        _trailingDistance = new double[n];
        _highestHigh = new double[n];
        _slice = new int[n];
        Ledger = new PortfolioLedger(options.MaxLeverage, options.QuantityRules);
        // One series: every point of the curve is one of its bars, in order, so the curve refers to the bars' times
        // (8 bytes a bar less to write) instead of copying them.
        Journal = n == 1
            ? new TradeJournal(_series[0].Count, _series[0].TimeArray, _series[0].Count)
            : new TradeJournal(Math.Max(total / n, 16));
        _equityCurve = Journal.Equity;
        Context = new StrategyContext(this);

        // A virtual call per slice into an empty method is measurable at tens of millions of bars per second.
        _strategyHandlesSlices = Overrides(strategy, nameof(Strategy.OnSlice), [typeof(StrategyContext)]);
        // Likewise the notifications: a strategy that overrides neither callback gets none, and nothing is queued per fill.
        _strategyHandlesFills = Overrides(strategy, nameof(Strategy.OnFill), [typeof(StrategyContext), typeof(JournalFill)])
            || Overrides(strategy, nameof(Strategy.OnTradeClosed), [typeof(StrategyContext), typeof(int), typeof(Analytics.ClosedTrade)]);
    }

    private static bool Overrides(Strategy strategy, string method, Type[] parameters) =>
        strategy.GetType().GetMethod(method, parameters)?.DeclaringType != typeof(Strategy);

    /// <summary>The symbols, in the order of the series given; strategies address them by this index.</summary>
    public IReadOnlyList<Symbol> Symbols => _symbols;

    /// <summary>The bar length of every series.</summary>
    public Resolution Resolution => _series[0].Resolution;

    /// <summary>The portfolio and its cash ledger.</summary>
    public PortfolioLedger Ledger { get; }

    /// <summary>Orders, fills, round trips and the equity curve so far.</summary>
    public TradeJournal Journal { get; }

    /// <summary>What the strategy sees.</summary>
    public StrategyContext Context { get; }

    /// <summary>The run's options.</summary>
    public EngineOptions Options => _options;

    /// <summary>The time of the last processed slice (UTC); <see cref="DateTime.MinValue"/> before the first.</summary>
    public DateTime Time { get; private set; } = DateTime.MinValue;

    /// <summary>
    /// True while the current slice is before <see cref="EngineOptions.Start"/>: no equity is recorded, and orders are
    /// ignored except on the last warm-up slice, whose decisions fill on the period's first bar.
    /// </summary>
    public bool IsWarmingUp { get; private set; }

    /// <summary>
    /// Whether orders and targets placed now are accepted: always in the period, and on the last slice before it (a
    /// decision on the close before the start fills at the first bar of the period, as in a live run started that day).
    /// </summary>
    public bool AcceptsOrders => !IsWarmingUp || _lastWarmUpSlice;

    /// <summary>Symbol-bars processed in the traded period (warm-up bars excluded).</summary>
    public long BarsProcessed => _barsProcessed;

    /// <summary>Total bars of all series: a bound for progress reporting.</summary>
    public long TotalBars
    {
        get
        {
            long total = 0;
            foreach (var series in _series)
            {
                total += series.Count;
            }

            return total;
        }
    }

    /// <summary>Bars consumed so far, warm-up included (for progress).</summary>
    public long BarsConsumed
    {
        get
        {
            long total = 0;
            foreach (var count in _visible)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>
    /// Processes the next time slice. Returns false, doing nothing, when no bar is left or the next one is after
    /// <see cref="EngineOptions.End"/>.
    /// </summary>
    public bool Step()
    {
        if (!_started)
        {
            _started = true;
            Ledger.Deposit(_options.InitialCash, FirstTime(), "initial cash");
            _cash = (double)Ledger.Cash;
            _strategy.OnStart(Context);
        }

        var time = NextSliceTime();
        if (time == DateTime.MaxValue || time > _end)
        {
            return false;
        }

        Time = time;
        IsWarmingUp = time < _start;
        if (_depositsDue is { Count: > 0 })
        {
            PayDepositsDue();
        }

        if (_series.Length == 1)
        {
            _slice[0] = 0;
            _sliceCount = 1;
            _visible[0]++;
        }
        else
        {
            _sliceCount = 0;
            for (var s = 0; s < _series.Length; s++)
            {
                var next = _visible[s];
                if (next < _series[s].Count && _series[s].Time[next] == time)
                {
                    _visible[s] = next + 1;
                    _slice[_sliceCount++] = s;
                }
            }
        }

        if (IsWarmingUp)
        {
            _lastWarmUpSlice = NextSliceTime() >= _start;
            for (var i = 0; i < _sliceCount; i++)
            {
                var s = _slice[i];
                _lastClose[s] = _series[s].Close[_visible[s] - 1];
                _strategy.OnBar(Context, s);
            }

            if (_strategyHandlesSlices)
            {
                _strategy.OnSlice(Context);
            }

            return true;
        }

        _tradedThisSlice = 0;
        if (AnyPendingInSlice())
        {
            FillPendingOrders();
        }

        var equity = _cash;
        for (var i = 0; i < _sliceCount; i++)
        {
            var s = _slice[i];
            var bar = _visible[s] - 1;
            var series = _series[s];
            _lastClose[s] = series.Close[bar];
            if (_trailingStop[s] != 0)
            {
                ref var trailing = ref Ticket(_trailingStop[s]);
                if (bar >= trailing.ActiveFromBar)
                {
                    RaiseTrailingStop(s, ref trailing, series.High[bar]);
                }
            }
        }

        for (var s = 0; s < _quantity.Length; s++)
        {
            var q = _quantity[s];
            if (q != 0)
            {
                equity += q * _lastClose[s];
            }
        }

        // Long only: the gross exposure is the market value, equity − cash, which the curve derives rather than stores.
        _equityCurve.Append(time, equity, _cash, equity - _cash, _tradedThisSlice);
        _barsProcessed += _sliceCount;
        if (_notifications.Count != 0)
        {
            Notify();
        }

        for (var i = 0; i < _sliceCount; i++)
        {
            _strategy.OnBar(Context, _slice[i]);
        }

        if (_strategyHandlesSlices)
        {
            _strategy.OnSlice(Context);
        }

        return true;
    }

    private void Notify()
    {
        // Swap buffers instead of copying: a callback may place orders (they never fill within this slice, so no new
        // notification arrives while dispatching), and nothing is allocated per fill.
        (_notifications, _dispatching) = (_dispatching, _notifications);
        try
        {
            foreach (var (symbol, fill, trade) in _dispatching)
            {
                _strategy.OnFill(Context, fill);
                if (trade is not null)
                {
                    _strategy.OnTradeClosed(Context, symbol, trade);
                }
            }
        }
        finally
        {
            _dispatching.Clear();
        }
    }

    /// <summary>Runs <see cref="Step"/> until the data (or the period) ends.</summary>
    public void Run(CancellationToken cancellationToken = default)
    {
        var count = 0;
        while (Step())
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// Pays cash into the account (a contribution) at the time of the last processed slice, between steps or from a
    /// strategy's callback. Use this, not <c>Ledger.Deposit</c>: the engine keeps a copy of cash for the equity curve,
    /// and records the flow there so that returns and drawdowns are time-weighted (a contribution is not a gain).
    /// Cash paid in before the first recorded equity point is starting capital.
    /// </summary>
    public void Deposit(decimal amount, string note = "contribution")
    {
        Ledger.Deposit(amount, Time == DateTime.MinValue ? FirstTime() : Time, note);
        _cash = (double)Ledger.Cash;
        _equityCurve.AddFlow((double)amount);
    }

    /// <summary>
    /// Pays cash in at the start of the next time slice, before any of its orders fill: a contribution that arrives with
    /// the next session, as a daily deposit made at the open. It is recorded as a flow of that slice. When the run ends
    /// before another slice, it is never paid (like an order still pending at the end).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public void DepositAtNextSlice(decimal amount, string note = "contribution")
    {
        // Checked now, where the strategy made the mistake, not when the engine pays it.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentNullException.ThrowIfNull(note);
        (_depositsDue ??= []).Add((amount, note));
    }

    /// <summary>Takes cash out (as <see cref="Deposit"/>); more than the cash is refused by the ledger.</summary>
    public void Withdraw(decimal amount, string note = "withdrawal")
    {
        Ledger.Withdraw(amount, Time == DateTime.MinValue ? FirstTime() : Time, note);
        _cash = (double)Ledger.Cash;
        _equityCurve.AddFlow(-(double)amount);
    }

    /// <summary>The positions held now, in symbol order, each valued at its symbol's latest close.</summary>
    public IReadOnlyList<OpenPosition> OpenPositions()
    {
        var list = new List<OpenPosition>();
        for (var s = 0; s < _symbols.Length; s++)
        {
            if (Ledger.PositionOf(_symbols[s]) is { } position && _visible[s] > 0)
            {
                list.Add(new OpenPosition(
                    _symbols[s],
                    position.Quantity,
                    position.AverageCost,
                    ExecutionCosts.ToMoney(_lastClose[s]),
                    _series[s].Time[_visible[s] - 1],
                    _openTrades[s]?.EntryTime ?? _series[s].Time[0]));
            }
        }

        return list;
    }

    /// <summary>The portfolio marked at the latest close of each symbol.</summary>
    public PortfolioSnapshot Mark() => Ledger.MarkToMarket(symbol =>
    {
        var s = Array.IndexOf(_symbols, symbol);
        return s >= 0 && _visible[s] > 0 ? ExecutionCosts.ToMoney(_lastClose[s]) : null;
    });

    internal BarHistory History(int symbol) => new(_series[symbol], _visible[symbol]);

    internal bool HasBarNow(int symbol)
    {
        for (var i = 0; i < _sliceCount; i++)
        {
            if (_slice[i] == symbol)
            {
                return true;
            }
        }

        return false;
    }

    internal double QuantityHeld(int symbol) => _quantity[symbol];

    internal int PendingCount(int symbol) => _pending[symbol].Count;

    internal double CashNow => _cash;

    internal double EquityNow
    {
        get
        {
            var equity = _cash;
            for (var s = 0; s < _quantity.Length; s++)
            {
                if (_quantity[s] != 0)
                {
                    equity += _quantity[s] * _lastClose[s];
                }
            }

            return equity;
        }
    }

    internal double LastClose(int symbol) => _lastClose[symbol];

    internal BarSeries Series(int symbol) => _series[symbol];

    internal int LastIndex(int symbol) => _visible[symbol] - 1;

    internal long Place(int symbol, OrderSide side, OrderSizing sizing, OrderType type, double? limitPrice, double? stopPrice, string reason, Bracket bracket)
    {
        if ((uint)symbol >= (uint)_symbols.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(symbol), symbol, $"symbol index must be 0..{_symbols.Length - 1}");
        }

        if (Time == DateTime.MinValue)
        {
            throw new InvalidOperationException("orders can only be placed on a bar's close (OnBar, OnSlice, OnFill, OnTradeClosed), not before the first bar");
        }

        if (!AcceptsOrders)
        {
            return 0;
        }

        var ticket = new OrderTicket
        {
            Id = Journal.OrderCount + 1,
            Symbol = _symbols[symbol],
            Side = side,
            Type = type,
            Sizing = sizing,
            LimitPrice = limitPrice ?? double.NaN,
            StopPrice = stopPrice ?? double.NaN,
            Reason = string.IsNullOrWhiteSpace(reason) ? (side == OrderSide.Buy ? "entry" : "exit") : reason,
            PlacedAt = Time,
            ActiveFromBar = _visible[symbol],
            Bracket = bracket,
            TriggeredOnBar = -1,
            Status = OrderStatus.Pending,
        };
        Journal.Add(ticket);
        if (PlacementProblem(ticket) is { } problem)
        {
            Finish(ref Ticket(ticket.Id), OrderStatus.Rejected, Time, problem);
        }
        else
        {
            _pending[symbol].Add(ticket.Id);
        }

        return ticket.Id;
    }

    internal int Cancel(int symbol, string reason)
    {
        var pending = _pending[symbol];
        var count = pending.Count;
        foreach (var id in pending)
        {
            Finish(ref Ticket(id), OrderStatus.Cancelled, Time, reason);
        }

        pending.Clear();
        _trailingStop[symbol] = 0;
        return count;
    }

    internal void SetTargets(ReadOnlySpan<decimal> targetValues, string reason)
    {
        if (targetValues.Length != _symbols.Length)
        {
            throw new ArgumentException($"targets must have one value per symbol ({_symbols.Length}), got {targetValues.Length}", nameof(targetValues));
        }

        if (Time == DateTime.MinValue)
        {
            throw new InvalidOperationException("targets can only be set on a bar's close (OnBar, OnSlice, OnFill, OnTradeClosed), not before the first bar");
        }

        if (!AcceptsOrders)
        {
            return;
        }

        // Check every target before touching any order: a bad one must not leave a rebalance half-applied.
        for (var s = 0; s < _symbols.Length; s++)
        {
            if (targetValues[s] < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(targetValues), targetValues[s], $"target for {_symbols[s]} must not be negative (long only)");
            }
        }

        for (var s = 0; s < _symbols.Length; s++)
        {
            var target = targetValues[s];

            Cancel(s, "replaced by a new rebalance");
            var held = Ledger.QuantityOf(_symbols[s]);
            if (_visible[s] == 0)
            {
                if (target > 0m)
                {
                    Place(s, OrderSide.Buy, OrderSizing.Notional(target), OrderType.Market, null, null, reason, default);
                }

                continue;
            }

            var rule = Ledger.QuantityRuleFor(_symbols[s]);
            var price = ExecutionCosts.ToMoney(_lastClose[s]);
            var wanted = rule.RoundDown(target / price);
            var delta = wanted - held;
            if (delta < 0m)
            {
                Place(s, OrderSide.Sell, wanted == 0m ? OrderSizing.EntirePosition : OrderSizing.Units(-delta), OrderType.Market, null, null, reason, default);
            }
            else if (delta > 0m)
            {
                Place(s, OrderSide.Buy, OrderSizing.Units(delta), OrderType.Market, null, null, reason, default);
            }
        }
    }

    internal decimal MarkedEquity()
    {
        var equity = Ledger.Cash;
        foreach (var position in Ledger.Positions.Values)
        {
            var s = Array.IndexOf(_symbols, position.Symbol);
            var price = _lastClose[s];
            if (_filling is { } point && HasBarNow(s))
            {
                // While the slice fills, its bar's open is known (and its close, for fills at the close); the previous
                // close is stale, and there is none yet for a position bought at its symbol's first bar.
                var bar = _visible[s] - 1;
                price = point == FillPoint.Close ? _series[s].Close[bar] : _series[s].Open[bar];
            }

            equity += position.Quantity * ExecutionCosts.ToMoney(price);
        }

        return equity;
    }

    private void PayDepositsDue()
    {
        foreach (var (amount, note) in _depositsDue!)
        {
            Deposit(amount, note);
        }

        _depositsDue.Clear();
    }

    private ref OrderTicket Ticket(long id) => ref Journal.Order(id);

    private static void Finish(ref OrderTicket ticket, OrderStatus status, DateTime time, string? note)
    {
        ticket.Status = status;
        ticket.StatusTime = time;
        ticket.Note = note;
    }

    private DateTime FirstTime()
    {
        var first = DateTime.MaxValue;
        foreach (var series in _series)
        {
            var t = series.Time[0];
            if (t < first)
            {
                first = t;
            }
        }

        return first < _start ? _start : first;
    }

    // Inlined into Step: for one series it is one array read, cheaper than the call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DateTime NextSliceTime()
    {
        if (_series.Length == 1)
        {
            var next = _visible[0];
            var times = _series[0].Time;
            return (uint)next < (uint)times.Length ? times[next] : DateTime.MaxValue;
        }

        return NextSliceTimeOfMany();
    }

    private DateTime NextSliceTimeOfMany()
    {
        var time = DateTime.MaxValue;
        for (var s = 0; s < _series.Length; s++)
        {
            var next = _visible[s];
            if (next < _series[s].Count)
            {
                var t = _series[s].Time[next];
                if (t < time)
                {
                    time = t;
                }
            }
        }

        return time;
    }

    private string? PlacementProblem(in OrderTicket ticket)
    {
        if (ticket.Sizing.Validate(ticket.Side == OrderSide.Buy) is { } sizing)
        {
            return sizing;
        }

        if (ticket.Side == OrderSide.Buy && ticket.Bracket.Validate() is { } bracket)
        {
            return bracket;
        }

        if (ticket.Side == OrderSide.Sell && !ticket.Bracket.IsEmpty)
        {
            return "a bracket (stop-loss, take-profit, trailing stop) protects a long entry; a sell cannot carry one";
        }

        var needsLimit = ticket.Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = ticket.Type is OrderType.Stop or OrderType.StopLimit;
        if (needsLimit != !double.IsNaN(ticket.LimitPrice))
        {
            return needsLimit ? $"a {Order.TypeName(ticket.Type)} order needs a limit price" : $"a {Order.TypeName(ticket.Type)} order takes no limit price";
        }

        if (needsStop != !double.IsNaN(ticket.StopPrice))
        {
            return needsStop ? $"a {Order.TypeName(ticket.Type)} order needs a stop price" : $"a {Order.TypeName(ticket.Type)} order takes no stop price";
        }

        if (needsLimit && !(double.IsFinite(ticket.LimitPrice) && ticket.LimitPrice > 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the limit price must be a positive number, got {ticket.LimitPrice}");
        }

        if (needsStop && !(double.IsFinite(ticket.StopPrice) && ticket.StopPrice > 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the stop price must be a positive number, got {ticket.StopPrice}");
        }

        if (ticket.Sizing.Kind == OrderSizingKind.Quantity)
        {
            var rule = ticket.Sizing.WholeUnits ? QuantityRule.WholeUnits : Ledger.QuantityRuleFor(ticket.Symbol);
            if (!rule.IsValid(ticket.Sizing.Value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"quantity {ticket.Sizing.Value} of {ticket.Symbol} does not fit its quantity rule ({rule})");
            }
        }

        return null;
    }

    private bool AnyPendingInSlice()
    {
        for (var i = 0; i < _sliceCount; i++)
        {
            if (_pending[_slice[i]].Count != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void FillPendingOrders()
    {
        // In the bar's time order (open, inside, close), sells before buys at each point. An order fills in the first
        // pass that reaches its point; the protective orders of an entry filled at the open are placed during the open
        // pass and so are live for the rest of the bar.
        for (var point = FillPoint.Open; point <= FillPoint.Close; point++)
        {
            _filling = point;
            for (var i = 0; i < _sliceCount; i++)
            {
                FillSide(_slice[i], OrderSide.Sell, point);
            }

            for (var i = 0; i < _sliceCount; i++)
            {
                FillSide(_slice[i], OrderSide.Buy, point);
            }
        }

        _filling = null;
    }

    private void FillSide(int s, OrderSide side, FillPoint latest)
    {
        var pending = _pending[s];
        if (pending.Count == 0)
        {
            return;
        }

        var series = _series[s];
        var bar = _visible[s] - 1;
        var open = series.Open[bar];
        var high = series.High[bar];
        var low = series.Low[bar];
        var close = series.Close[bar];
        while (true)
        {
            var best = -1;
            var bestType = OrderType.Market;
            FillOutcome bestOutcome = default;
            for (var i = 0; i < pending.Count; i++)
            {
                ref var ticket = ref Ticket(pending[i]);
                // A stop-limit that triggered on this bar without filling rests as a limit from the next bar: looking at it
                // again on this bar (because another order filled) must not fill it at a price from before its trigger.
                if (ticket.Side != side || ticket.ActiveFromBar > bar || ticket.TriggeredOnBar == bar)
                {
                    continue;
                }

                var outcome = FillEvaluator.Evaluate(ticket.Side, ticket.Type, ticket.LimitPrice, ticket.StopPrice, ticket.StopTriggered, open, high, low, close, _fillRule);
                if (outcome.Kind == FillOutcomeKind.Triggered)
                {
                    ticket.StopTriggered = true;
                    ticket.TriggeredOnBar = bar;
                    continue;
                }

                if (!outcome.IsFilled || outcome.Point > latest)
                {
                    continue;
                }

                if (best < 0 || Precedes(ticket.Type, outcome, bestType, bestOutcome))
                {
                    best = i;
                    bestType = ticket.Type;
                    bestOutcome = outcome;
                }
            }

            if (best < 0)
            {
                return;
            }

            var id = pending[best];
            pending.RemoveAt(best);
            Execute(s, ref Ticket(id), bestOutcome, bar);
        }
    }

    private static bool Precedes(OrderType candidate, FillOutcome outcome, OrderType best, FillOutcome bestOutcome)
    {
        static int Rank(OrderType type, FillOutcome o) => o.Point switch
        {
            FillPoint.Open => 0,
            FillPoint.Intrabar when type is OrderType.Stop => 1,
            FillPoint.Intrabar => 2,
            _ => 3,
        };

        return Rank(candidate, outcome) < Rank(best, bestOutcome);
    }

    private void Execute(int s, ref OrderTicket ticket, FillOutcome outcome, int bar)
    {
        var series = _series[s];
        var time = series.Time[bar];
        var symbol = _symbols[s];
        var price = _costs.Slippage.Apply(ExecutionCosts.ToMoney(outcome.Price, ticket.Side, ticket.Type), ticket.Side, ticket.Type);
        decimal quantity;
        decimal? commission;
        (OrderStatus Status, string Note) problem;
        try
        {
            quantity = ResolveQuantity(ticket, price, out problem, out commission);
        }
        catch (OverflowException)
        {
            // Only a run that compounds past ~7.9e28 gets here (a synthetic series, a leverage bug in a strategy).
            Finish(ref ticket, OrderStatus.Rejected, time, $"the amounts of this order exceed what the ledger's decimal can hold (about 7.9e28) at {DecimalText.Of(price)}");
            return;
        }

        if (quantity <= 0m)
        {
            Finish(ref ticket, problem.Status, time, problem.Note);
            return;
        }

        // What ExecutionCosts.ToFill makes of the order, without building an Order for it: the whole quantity at the
        // price slipped above, with the commission on that price.
        Fill fill;
        PortfolioRejection? rejection;
        bool applied;
        decimal held;
        decimal notional;
        try
        {
            fill = new Fill(ticket.Id, symbol, ticket.Side, quantity, price, commission ?? _costs.Commission.Calculate(quantity, price), time, ticket.Reason);
            applied = Ledger.TryApply(in fill, out rejection, out held, out notional);
        }
        catch (OverflowException)
        {
            Finish(ref ticket, OrderStatus.Rejected, time, $"the amounts of this order ({DecimalText.Of(quantity)} at {DecimalText.Of(price)}) exceed what the ledger's decimal can hold (about 7.9e28)");
            return;
        }

        if (!applied)
        {
            Finish(ref ticket, OrderStatus.Rejected, time, rejection!.Message);
            return;
        }

        ticket.FilledQuantity = quantity;
        ticket.FillPrice = fill.Price;
        Finish(ref ticket, OrderStatus.Filled, time, null);
        var record = new JournalFill(fill, outcome.Point);
        Journal.Add(record);
        _cash = (double)Ledger.Cash;
        _quantity[s] = (double)held;
        _tradedThisSlice += (double)notional;

        if (ticket.Side == OrderSide.Buy)
        {
            var trade = _openTrades[s];
            if (trade is null)
            {
                // One OpenTrade per symbol, reused from round trip to round trip: the closed trade copies what it needs.
                trade = _tradeRecords[s] ??= new OpenTrade();
                trade.Start(symbol, time, bar);
                _openTrades[s] = trade;
                // The risk is the distance to the initial stop: the fixed stop or the trail's first level, whichever is higher.
                var risk = Math.Min(ticket.Bracket.StopDistance ?? double.PositiveInfinity, ticket.Bracket.TrailingDistance ?? double.PositiveInfinity);
                if (double.IsFinite(risk) && (double)fill.Price - risk > 0)
                {
                    trade.InitialRiskPerUnit = (decimal)risk;
                }
            }

            trade.Buy(quantity, fill.Price, fill.Commission);
            if (!ticket.Bracket.IsEmpty)
            {
                PlaceProtection(s, ref ticket, fill.Price, outcome.Point, bar, series.High[bar]);
            }
        }
        else
        {
            var trade = _openTrades[s];
            trade?.Sell(quantity, fill.Price, fill.Commission);
            if (ticket.ParentId != 0)
            {
                CancelSiblings(s, ticket.ParentId, time);
            }

            if (held == 0m)
            {
                RemoveSells(s, protectiveOnly: false, time, "position closed");
                if (trade is not null)
                {
                    _openTrades[s] = null;
                    var closed = trade.Close(time, bar, ticket.Reason);
                    Journal.Add(closed);
                    if (_strategyHandlesFills)
                    {
                        _notifications.Add((s, record, closed));
                    }

                    return;
                }
            }
        }

        if (_strategyHandlesFills)
        {
            _notifications.Add((s, record, null));
        }
    }

    /// <summary>
    /// The quantity the order fills at <paramref name="price"/>, 0 with the reason in <paramref name="problem"/> when it
    /// cannot fill; <paramref name="commission"/> is the commission on it when sizing a budget had to compute it.
    /// </summary>
    private decimal ResolveQuantity(in OrderTicket ticket, decimal price, out (OrderStatus Status, string Note) problem, out decimal? commission)
    {
        problem = default;
        commission = null;
        var symbol = ticket.Symbol;
        var sizing = ticket.Sizing;
        var rule = sizing.WholeUnits ? QuantityRule.WholeUnits : Ledger.QuantityRuleFor(symbol);
        switch (sizing.Kind)
        {
            case OrderSizingKind.Quantity:
                return sizing.Value;
            case OrderSizingKind.EntirePosition:
                var held = Ledger.QuantityOf(symbol);
                if (held == 0m)
                {
                    problem = (OrderStatus.Cancelled, $"no position in {symbol} to sell");
                }

                return held;
            case OrderSizingKind.Notional:
                var units = rule.UnitsFor(sizing.Value, price);
                if (units <= 0m)
                {
                    problem = (OrderStatus.Rejected, string.Create(CultureInfo.InvariantCulture,
                        $"{DecimalText.Of(sizing.Value)} buys no {symbol} at {DecimalText.Of(price)} ({rule})"));
                }

                return units;
            default:
                // A budget: the most units whose cost with commission fits in it (the commission found on the way is kept).
                var power = Ledger.BuyingPower;
                var budget = sizing.Kind == OrderSizingKind.EquityFraction ? Math.Min(MarkedEquity() * sizing.Value, power) : power * sizing.Value;
                var quantity = rule.RoundDown(budget / price);
                for (var attempt = 0; quantity > 0m && attempt < 64; attempt++)
                {
                    var charged = _costs.Commission.Calculate(quantity, price);
                    if ((quantity * price) + charged <= budget)
                    {
                        commission = charged;
                        return quantity;
                    }

                    var smaller = rule.RoundDown((budget - charged) / price);
                    quantity = smaller < quantity ? smaller : rule.RoundDown(quantity - rule.Step);
                }

                problem = (OrderStatus.Rejected, string.Create(CultureInfo.InvariantCulture,
                    $"cash {DecimalText.Of(budget)} buys no {symbol} at {DecimalText.Of(price)} after commission ({rule})"));
                return 0m;
        }
    }

    private void PlaceProtection(int s, ref OrderTicket entry, decimal fillPrice, FillPoint point, int bar, double barHigh)
    {
        var entryPrice = (double)fillPrice;
        var bracket = entry.Bracket;
        var activeFrom = point == FillPoint.Open ? bar : bar + 1;

        double? stop = bracket.StopDistance is { } d ? entryPrice - d : null;
        if (bracket.TrailingDistance is { } trail)
        {
            var trailStart = entryPrice - trail;
            stop = stop is { } st ? Math.Max(st, trailStart) : trailStart;
        }

        if (stop is { } below && below <= 0)
        {
            // A stop at or below zero cannot be placed: say so on the entry, and leave any earlier protection in place
            // rather than trade it for none.
            entry.Note = string.Create(CultureInfo.InvariantCulture,
                $"no stop placed: fill {DecimalText.Of(fillPrice)} minus the stop distance is {below:0.####}, not a price; the position is unprotected by this entry's bracket");
            stop = null;
            if (bracket.TakeProfitDistance is null)
            {
                return;
            }
        }

        // A second entry into an open position replaces the earlier protection with one for the whole position.
        RemoveSells(s, protectiveOnly: true, _series[s].Time[bar], "replaced by the protection of a later entry");
        if (stop is { } stopPrice)
        {
            var stopId = Protective(s, entry.Id, OrderType.Stop, double.NaN, stopPrice, "stop-loss", activeFrom, bar);
            if (bracket.TrailingDistance is { } distance)
            {
                _trailingStop[s] = stopId;
                _trailingDistance[s] = distance;
                _highestHigh[s] = point == FillPoint.Open ? barHigh : entryPrice;
            }
        }

        if (bracket.TakeProfitDistance is { } tp)
        {
            Protective(s, entry.Id, OrderType.Limit, entryPrice + tp, double.NaN, "take-profit", activeFrom, bar);
        }
    }

    private long Protective(int s, long entry, OrderType type, double limit, double stop, string reason, int activeFrom, int bar)
    {
        var ticket = new OrderTicket
        {
            Id = Journal.OrderCount + 1,
            Symbol = _symbols[s],
            Side = OrderSide.Sell,
            Type = type,
            Sizing = OrderSizing.EntirePosition,
            LimitPrice = limit,
            StopPrice = stop,
            Reason = reason,
            PlacedAt = _series[s].Time[bar],
            ActiveFromBar = activeFrom,
            ParentId = entry,
            TriggeredOnBar = -1,
            Status = OrderStatus.Pending,
        };
        Journal.Add(ticket);
        _pending[s].Add(ticket.Id);
        return ticket.Id;
    }

    /// <summary>
    /// Cancels the symbol's pending sells (only the protective ones, with a parent, when <paramref name="protectiveOnly"/>)
    /// and forgets its trailing stop.
    /// </summary>
    private void RemoveSells(int s, bool protectiveOnly, DateTime time, string reason)
    {
        var pending = _pending[s];
        var kept = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var id = pending[i];
            ref var order = ref Ticket(id);
            if (order.Side == OrderSide.Sell && (!protectiveOnly || order.ParentId != 0))
            {
                Finish(ref order, OrderStatus.Cancelled, time, reason);
            }
            else
            {
                pending[kept++] = id;
            }
        }

        pending.RemoveRange(kept, pending.Count - kept);
        _trailingStop[s] = 0;
    }

    private void CancelSiblings(int s, long parent, DateTime time)
    {
        var pending = _pending[s];
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            ref var sibling = ref Ticket(pending[i]);
            if (sibling.ParentId == parent)
            {
                Finish(ref sibling, OrderStatus.Cancelled, time, "one-cancels-other: its sibling filled");
                pending.RemoveAt(i);
            }
        }

        if (_trailingStop[s] != 0 && Ticket(_trailingStop[s]).ParentId == parent)
        {
            _trailingStop[s] = 0;
        }
    }

    private void RaiseTrailingStop(int s, ref OrderTicket stop, double barHigh)
    {
        if (stop.Status != OrderStatus.Pending)
        {
            _trailingStop[s] = 0;
            return;
        }

        if (barHigh > _highestHigh[s])
        {
            _highestHigh[s] = barHigh;
        }

        var level = _highestHigh[s] - _trailingDistance[s];
        if (level > stop.StopPrice)
        {
            stop.StopPrice = level;
            stop.Reason = "trailing-stop";
        }
    }
}
