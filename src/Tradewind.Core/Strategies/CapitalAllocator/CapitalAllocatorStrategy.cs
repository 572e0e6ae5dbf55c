using System.Globalization;
using Tradewind.Core.Engine;

namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// The capital allocator on the engine: on each daily close it makes the next trading day's decision with
/// <see cref="CapitalAllocatorModel.Decide"/> and places that day's orders, which fill at its open, so a backtest trades
/// exactly what the daily signal and execute jobs trade on the same bars. How it decides:
/// docs/strategies/capital-allocator.md.
/// </summary>
/// <remarks>
/// <para>On the close of day D−1, when every asset has a bar that day and at least <c>min_history_days</c> days of
/// history (else nothing happens, as the job makes no signal for D): the decision from each asset's last
/// <c>lookback_days</c> + 1 closes ending at that close; the day's capital paid in at the start of D
/// (<see cref="StrategyContext.DepositAtNextSlice"/>), before the fills, as the execute job deposits before it trades;
/// then the orders. A buy is an <see cref="OrderSizing.Notional"/> order of the decision's dollars, which the engine
/// sizes at D's open with <see cref="Portfolio.QuantityRule.UnitsFor"/>, the very rule
/// <see cref="AllocatorExecution.BuyQuantity"/> uses. A sell is a <see cref="OrderSizing.Units"/> order of
/// <see cref="AllocatorExecution.SellQuantity"/> of the holding, which needs no price.</para>
/// <para>The first executed day is paid for by the run's initial cash (the daily jobs start from nothing, and the
/// engine needs starting capital for its first equity point): the first decision deposits nothing; every later one
/// deposits <c>daily_capital</c>. With initial cash = <c>daily_capital</c> the cash is the jobs' cash day by day.</para>
/// <para>Parity needs the engine's defaults for this: fills at the next open, no commission, no slippage, fractional
/// shares to 4 decimals.</para>
/// </remarks>
public sealed class CapitalAllocatorStrategy : Strategy
{
    /// <summary>The journal reason of the buys.</summary>
    public const string BuyReason = "allocate";

    /// <summary>The journal reason of the sells of a bearish day.</summary>
    public const string SellReason = "bearish-sell";

    private readonly CapitalAllocatorParameters _given;
    private readonly bool _tradesTheRunsSymbols;
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private CapitalAllocatorParameters? _parameters;
    private int[] _assets = [];
    private bool _funded;

    /// <summary>Trades <paramref name="parameters"/>' assets: the run must have a series for each of them and for no other symbol.</summary>
    /// <exception cref="Catalog.StrategyParameterException">The parameters are invalid.</exception>
    public CapitalAllocatorStrategy(CapitalAllocatorParameters parameters)
        : this(parameters, tradesTheRunsSymbols: false)
    {
    }

    private CapitalAllocatorStrategy(CapitalAllocatorParameters parameters, bool tradesTheRunsSymbols)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        _given = parameters;
        _tradesTheRunsSymbols = tradesTheRunsSymbols;
    }

    /// <summary>
    /// Trades every symbol of the run (a backtest's <c>--data</c> files or <c>--symbol</c>s) in place of
    /// <paramref name="parameters"/>' assets, with its other parameters: the catalogue's <c>capital-allocator</c>.
    /// </summary>
    /// <exception cref="Catalog.StrategyParameterException">The parameters are invalid.</exception>
    public static CapitalAllocatorStrategy ForSymbolsOfTheRun(CapitalAllocatorParameters parameters) => new(parameters, tradesTheRunsSymbols: true);

    /// <summary>The parameters it decides with; from the start of the run, with the run's symbols as the assets when it trades those.</summary>
    public CapitalAllocatorParameters Parameters => _parameters ?? _given;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An asset has no series in the run, or the run has a series of a symbol that is not an asset.</exception>
    public override void OnStart(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var symbols = context.Symbols.Select(s => s.Ticker).ToList();
        var parameters = _tradesTheRunsSymbols ? _given with { Assets = symbols } : _given;
        parameters.Validate();

        var missing = parameters.Assets.Where(a => !symbols.Contains(a, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"{CapitalAllocatorParameters.StrategyName} trades {string.Join(", ", parameters.Assets)}, but the run has no bars of {string.Join(", ", missing)}; give every asset's bars");
        }

        // A series nobody trades would still count in the run's coverage and figures: refuse it rather than ignore it.
        var extra = symbols.Where(s => !parameters.Assets.Contains(s, StringComparer.Ordinal)).ToList();
        if (extra.Count > 0)
        {
            throw new ArgumentException(
                $"the run has bars of {string.Join(", ", extra)}, which {CapitalAllocatorParameters.StrategyName} does not trade (its assets are {string.Join(", ", parameters.Assets)}); leave them out or add them to the assets");
        }

        _indexOf.Clear();
        for (var s = 0; s < symbols.Count; s++)
        {
            _indexOf[symbols[s]] = s;
        }

        // Orders in symbol order, as the execute job lists its trades.
        _assets = [.. parameters.Assets.Order(StringComparer.Ordinal).Select(a => _indexOf[a])];
        _parameters = parameters;
        _funded = false;
    }

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, int symbol)
    {
    }

    /// <inheritdoc />
    public override void OnSlice(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = _parameters ?? throw new InvalidOperationException("OnStart was not called");

        // A decision's orders are for the next trading day's open. One still pending did not fill that day (its asset
        // had no bar), and the execute job never trades a day's signal on a later day at another price.
        foreach (var s in _assets)
        {
            if (context.PendingOrders(s) > 0)
            {
                context.CancelOrders(s, "its asset had no bar on the day the decision was for");
            }
        }

        if (!context.AcceptsOrders || Histories(context, p) is not { } histories)
        {
            return;
        }

        var decision = CapitalAllocatorModel.Decide(histories, p);
        if (_funded)
        {
            context.DepositAtNextSlice(p.DailyCapital, "daily capital");
        }

        _funded = true;
        switch (decision.Action)
        {
            case AllocatorAction.Buy:
                foreach (var (symbol, dollars) in decision.Allocations.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    if (dollars > 0m)
                    {
                        context.Buy(_indexOf[symbol], OrderSizing.Notional(dollars), BuyReason);
                    }
                }

                break;

            case AllocatorAction.Sell:
                foreach (var s in _assets)
                {
                    var held = context.Position(s);
                    var quantity = held > 0m ? AllocatorExecution.SellQuantity(held, decision.SellFraction) : 0m;
                    if (quantity > 0m)
                    {
                        context.Sell(s, OrderSizing.Units(quantity), SellReason);
                    }
                }

                break;

            case AllocatorAction.Hold:
                break;

            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"unknown action {decision.Action}"));
        }
    }

    // Each asset's last lookback_days + 1 closes ending at this close, or null when there is no decision to make: an
    // asset without a bar now (the closes would not line up, and the model pairs them by position) or with fewer than
    // min_history_days days (N days are N + 1 closes).
    private AssetHistory[]? Histories(StrategyContext context, CapitalAllocatorParameters p)
    {
        var histories = new AssetHistory[_assets.Length];
        for (var i = 0; i < _assets.Length; i++)
        {
            var s = _assets[i];
            if (!context.HasBar(s))
            {
                return null;
            }

            var closes = context.History(s).Close;
            if (closes.Length <= p.MinHistoryDays)
            {
                return null;
            }

            var window = closes[^Math.Min(closes.Length, p.LookbackDays + 1)..];
            histories[i] = new AssetHistory(context.Symbols[s].Ticker, window.ToArray());
        }

        return histories;
    }
}
