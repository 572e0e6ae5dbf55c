using Tradewind.Core.Analytics;

namespace Tradewind.Core.Engine;

/// <summary>
/// A trading strategy: it sees bars through a <see cref="StrategyContext"/> and answers with orders (bar strategies)
/// or target weights/amounts (portfolio strategies, see <see cref="PortfolioStrategy"/>). The engine calls it on each
/// bar's close, in time order, with only the bars at or before that close visible; orders fill on a later bar.
/// A strategy keeps its own indicator state and must not read clocks, files or the network: the same object decides
/// in a ten-year backtest and in today's run.
/// </summary>
public abstract class Strategy
{
    /// <summary>Called once before the first bar, with the symbols known; no order can be placed yet (there is no bar to decide on).</summary>
    public virtual void OnStart(StrategyContext context)
    {
    }

    /// <summary>Called on the close of every bar of every symbol, after that bar's fills; <paramref name="symbol"/> indexes <see cref="StrategyContext.Symbols"/>.</summary>
    public abstract void OnBar(StrategyContext context, int symbol);

    /// <summary>Called once per time slice after <see cref="OnBar"/> of every symbol with a bar at that time.</summary>
    public virtual void OnSlice(StrategyContext context)
    {
    }

    /// <summary>
    /// Called for each fill, at the close of the slice it happened in (after the equity point, before <see cref="OnBar"/>):
    /// a fill at the open is reported when the bar is complete, so the callback cannot act in the middle of a bar.
    /// </summary>
    public virtual void OnFill(StrategyContext context, JournalFill fill)
    {
    }

    /// <summary>Called when a position returns to flat, with the round trip it closed, right after that fill's <see cref="OnFill"/>.</summary>
    public virtual void OnTradeClosed(StrategyContext context, int symbol, ClosedTrade trade)
    {
    }
}
