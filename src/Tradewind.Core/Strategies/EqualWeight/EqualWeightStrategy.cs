using Tradewind.Core.Engine;

namespace Tradewind.Core.Strategies.EqualWeight;

/// <summary>
/// A portfolio strategy: every <c>rebalance_bars</c> slices (and on the first traded slice where every symbol has
/// a bar), target an equal weight of (1 − cash_buffer) / n in each symbol. The cash buffer absorbs overnight moves
/// between the decision's close and the next open; a buy that still does not fit the cash is rejected, never resized.
/// </summary>
public sealed class EqualWeightStrategy : PortfolioStrategy
{
    private readonly int _rebalanceBars;
    private readonly double _cashBuffer;
    private int _slicesSinceRebalance = int.MaxValue;
    private double[] _weights = [];

    /// <summary>Creates the strategy: rebalance every <paramref name="rebalanceBars"/> slices, keep <paramref name="cashBuffer"/> of equity in cash.</summary>
    public EqualWeightStrategy(int rebalanceBars, double cashBuffer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rebalanceBars, 1);
        if (!(cashBuffer >= 0 && cashBuffer < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cashBuffer), cashBuffer, "the cash buffer must be in [0, 1)");
        }

        _rebalanceBars = rebalanceBars;
        _cashBuffer = cashBuffer;
    }

    /// <inheritdoc />
    public override void OnStart(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _weights = new double[context.Symbols.Count];
        Array.Fill(_weights, (1 - _cashBuffer) / _weights.Length);
    }

    /// <inheritdoc />
    protected override bool IsRebalanceTime(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsWarmingUp)
        {
            return false;
        }

        for (var s = 0; s < _weights.Length; s++)
        {
            if (context.BarIndex(s) < 0)
            {
                return false;
            }
        }

        if (_slicesSinceRebalance != int.MaxValue)
        {
            _slicesSinceRebalance++;
        }

        return _slicesSinceRebalance >= _rebalanceBars;
    }

    /// <inheritdoc />
    protected override void Rebalance(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _slicesSinceRebalance = 0;
        context.SetTargetWeights(_weights);
    }
}
