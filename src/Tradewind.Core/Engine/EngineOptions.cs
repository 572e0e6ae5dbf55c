using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;

namespace Tradewind.Core.Engine;

/// <summary>The settings of one engine run: capital, costs, fill rule, leverage, quantity rules and the traded period.</summary>
public sealed record EngineOptions
{
    /// <summary>The cash deposited before the first bar (default 100,000).</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>Slippage and commission (default none).</summary>
    public ExecutionCosts Costs { get; init; } = ExecutionCosts.None;

    /// <summary>Which price of the next bar a market order takes (default next-open).</summary>
    public FillRule FillRule { get; init; } = FillRule.NextOpen;

    /// <summary>Gross exposure at cost per unit of equity at cost that buys may reach (1 = cash only).</summary>
    public decimal MaxLeverage { get; init; } = 1m;

    /// <summary>The quantity rule per symbol; default fractional shares to 4 decimals, crypto in 1e-8 lots.</summary>
    public Func<Symbol, QuantityRule>? QuantityRules { get; init; }

    /// <summary>
    /// The first traded time (UTC), inclusive; earlier bars are warm-up: the strategy sees them but its orders are
    /// ignored and no equity is recorded. Null: trade from the first bar.
    /// </summary>
    public DateTime? Start { get; init; }

    /// <summary>The last time processed (UTC), inclusive; null: to the last bar.</summary>
    public DateTime? End { get; init; }

    /// <summary>The annual risk-free rate for Sharpe and Sortino (0.04 = 4 %).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The first problem with these options, or null.</summary>
    public string? Validate()
    {
        if (InitialCash <= 0m)
        {
            return $"initial cash must be positive, got {InitialCash}";
        }

        if (MaxLeverage < 1m)
        {
            return $"max leverage must be at least 1, got {MaxLeverage}";
        }

        if (Start is { } s && End is { } e && e < s)
        {
            return $"end {e:yyyy-MM-dd} is before start {s:yyyy-MM-dd}";
        }

        return !double.IsFinite(RiskFreeRate) || RiskFreeRate <= -1 ? $"risk-free rate must be an annual fraction > -1, got {RiskFreeRate}" : null;
    }
}
