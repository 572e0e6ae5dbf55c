using Tradewind.Core.Engine;

namespace Tradewind.Core.Strategies.BuyAndHold;

/// <summary>
/// The benchmark: on the first traded slice where every symbol has a bar, buy each symbol with an equal share of
/// equity (1/n, at most the cash left, sized at the fill) and hold to the end. Nothing is ever sold.
/// </summary>
public sealed class BuyAndHoldStrategy : Strategy
{
    private bool _ordered;

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, int symbol)
    {
    }

    /// <inheritdoc />
    public override void OnSlice(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_ordered || context.IsWarmingUp)
        {
            return;
        }

        var n = context.Symbols.Count;
        for (var s = 0; s < n; s++)
        {
            if (context.BarIndex(s) < 0)
            {
                return;
            }
        }

        _ordered = true;
        for (var s = 0; s < n; s++)
        {
            context.Buy(s, OrderSizing.EquityFraction(1m / n), "entry");
        }
    }
}
