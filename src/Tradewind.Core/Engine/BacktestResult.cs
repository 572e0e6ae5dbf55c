using Tradewind.Core.Analytics;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Engine;

/// <summary>A finished backtest: what ran, on what, with which settings, the journal, the final portfolio and the statistics.</summary>
/// <param name="Strategy">The strategy's catalogue name.</param>
/// <param name="Parameters">The strategy's parameter values as text, in definition order.</param>
/// <param name="Symbols">The symbols, in engine order.</param>
/// <param name="Resolution">The bar length.</param>
/// <param name="Options">The engine options (cash, costs, fill rule, leverage, period).</param>
/// <param name="Bars">Symbol-bars processed in the traded period (warm-up excluded).</param>
/// <param name="Journal">Orders, fills, round trips and the equity curve.</param>
/// <param name="Final">The portfolio at the last closes, in decimal.</param>
/// <param name="Statistics">The performance figures.</param>
/// <param name="OpenPositions">Positions still held at the end (not round trips), valued at their last close.</param>
public sealed record BacktestResult(
    string Strategy,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<Symbol> Symbols,
    Resolution Resolution,
    EngineOptions Options,
    long Bars,
    TradeJournal Journal,
    PortfolioSnapshot Final,
    PerformanceStatistics Statistics,
    IReadOnlyList<OpenPosition> OpenPositions)
{
    /// <summary>Cash + positions at the last closes.</summary>
    public decimal FinalEquity => Final.Equity;

    /// <summary>The fill rule's name as outputs record it (next-open, next-close).</summary>
    public string FillRule => FillRuleNames.ToName(Options.FillRule);

    /// <summary>The commission SPEC as the command line spells it.</summary>
    public string Commission => Options.Costs.Commission.ToString() ?? string.Empty;

    /// <summary>The slippage in basis points.</summary>
    public decimal SlippageBps => Options.Costs.Slippage.BasisPoints;
}
