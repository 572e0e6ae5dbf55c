namespace Tradewind.Core.Optimization;

/// <summary>A figure the optimizer can rank combinations by (<c>--metric</c>), with the direction that is better.</summary>
/// <param name="Name">The name on the command line and in the CSV header, e.g. <c>sharpe</c>.</param>
/// <param name="Description">What it is, in one line.</param>
/// <param name="HigherIsBetter">True when a larger value ranks first (false for drawdown and volatility).</param>
/// <param name="Select">Reads the figure; null when it is undefined for a run (such runs rank last).</param>
public sealed record OptimizationMetric(string Name, string Description, bool HigherIsBetter, Func<OptimizationMetrics, double?> Select)
{
    /// <summary>The metric ranked by when none is named.</summary>
    public static OptimizationMetric Default => All[0];

    /// <summary>Every metric, in the order the CSV writes them.</summary>
    public static IReadOnlyList<OptimizationMetric> All { get; } =
    [
        new("sharpe", "annualized Sharpe ratio", true, m => m.Sharpe),
        new("sortino", "annualized Sortino ratio", true, m => m.Sortino),
        new("cagr", "compound annual growth rate", true, m => m.Cagr),
        new("calmar", "CAGR / max drawdown", true, m => m.Calmar),
        new("total_return", "end equity / start equity − 1", true, m => m.TotalReturn),
        new("final_equity", "cash + positions at the last close", true, m => (double)m.FinalEquity),
        new("net_profit", "Σ P&L of the closed round trips", true, m => (double)m.NetProfit),
        new("profit_factor", "gross profit / gross loss", true, m => m.ProfitFactor),
        new("win_rate", "winning / all round trips", true, m => m.WinRate),
        new("expectancy", "mean P&L per round trip", true, m => m.Expectancy is { } e ? (double)e : null),
        new("trades", "closed round trips", true, m => m.Trades),
        new("exposure", "fraction of bars with a position", true, m => m.Exposure),
        new("turnover", "traded notional / mean equity", true, m => m.Turnover),
        new("max_drawdown", "largest peak-to-trough fall (lower ranks first)", false, m => m.MaxDrawdown),
        new("volatility", "annualized volatility (lower ranks first)", false, m => m.Volatility),
    ];

    /// <summary>The metric named <paramref name="name"/> (ignoring case, '-' or '_'), or null.</summary>
    public static OptimizationMetric? Find(string? name)
    {
        var key = name?.Trim().Replace('-', '_');
        foreach (var metric in All)
        {
            if (string.Equals(metric.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return metric;
            }
        }

        return null;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>, positive when after, 0 when tied; undefined values rank last.</summary>
    public int Compare(double? a, double? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        var order = a.Value.CompareTo(b.Value);
        return HigherIsBetter ? -order : order;
    }
}
