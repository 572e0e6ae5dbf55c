namespace Tradewind.Core.Engine;

/// <summary>
/// A strategy that decides target weights (or target amounts) for all its symbols at rebalance times instead of
/// placing orders bar by bar. The engine turns the targets into orders: sells first, then buys, each sized on the
/// decision's closing prices and filled at the next bar by the run's fill rule.
/// </summary>
public abstract class PortfolioStrategy : Strategy
{
    /// <summary>Portfolio strategies decide per time slice, not per bar.</summary>
    public sealed override void OnBar(StrategyContext context, int symbol)
    {
    }

    /// <summary>Calls <see cref="Rebalance"/> when <see cref="IsRebalanceTime"/> says so.</summary>
    public sealed override void OnSlice(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsRebalanceTime(context))
        {
            Rebalance(context);
        }
    }

    /// <summary>Whether to rebalance on this slice; call <see cref="StrategyContext.SetTargetWeights"/> or <see cref="StrategyContext.SetTargetValues"/> in <see cref="Rebalance"/>.</summary>
    protected abstract bool IsRebalanceTime(StrategyContext context);

    /// <summary>Sets the targets.</summary>
    protected abstract void Rebalance(StrategyContext context);
}
