using Tradewind.Core.Analytics;
using Tradewind.Core.Engine;

namespace Tradewind.Core.Optimization;

/// <summary>
/// The figures the optimizer keeps per combination: the final equity (decimal, as the ledger marks it) and the
/// statistics of <see cref="PerformanceStatistics"/> that rank a run. Undefined figures are null, as there.
/// </summary>
public sealed record OptimizationMetrics
{
    /// <summary>Cash + positions at the last close, exactly as the ledger marks it.</summary>
    public required decimal FinalEquity { get; init; }

    /// <summary>Equity points (bars of the traded period).</summary>
    public required int Bars { get; init; }

    /// <summary>End equity / start equity − 1.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate; null when the period has no length.</summary>
    public double? Cagr { get; init; }

    /// <summary>Annualized volatility of the periodic returns.</summary>
    public double? Volatility { get; init; }

    /// <summary>Annualized Sharpe ratio.</summary>
    public double? Sharpe { get; init; }

    /// <summary>Annualized Sortino ratio.</summary>
    public double? Sortino { get; init; }

    /// <summary>The largest peak-to-trough fall, a fraction ≥ 0.</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>CAGR / max drawdown.</summary>
    public double? Calmar { get; init; }

    /// <summary>Fraction of bars with a position.</summary>
    public required double Exposure { get; init; }

    /// <summary>Traded notional / mean equity.</summary>
    public double? Turnover { get; init; }

    /// <summary>Closed round trips.</summary>
    public required int Trades { get; init; }

    /// <summary>Round trips with a profit.</summary>
    public required int WinningTrades { get; init; }

    /// <summary>Round trips with a loss.</summary>
    public required int LosingTrades { get; init; }

    /// <summary>Winning / all round trips.</summary>
    public double? WinRate { get; init; }

    /// <summary>Σ P&amp;L of the round trips, after commissions.</summary>
    public required decimal NetProfit { get; init; }

    /// <summary>Σ P&amp;L of the winning round trips.</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>Σ |P&amp;L| of the losing round trips.</summary>
    public required decimal GrossLoss { get; init; }

    /// <summary>Gross profit / gross loss; null without a losing trade.</summary>
    public double? ProfitFactor { get; init; }

    /// <summary>Mean P&amp;L per round trip.</summary>
    public decimal? Expectancy { get; init; }

    /// <summary>The figures of a finished backtest.</summary>
    public static OptimizationMetrics From(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Statistics;
        return new OptimizationMetrics
        {
            FinalEquity = result.FinalEquity,
            Bars = s.Bars,
            TotalReturn = s.TotalReturn,
            Cagr = s.Cagr,
            Volatility = s.Volatility,
            Sharpe = s.Sharpe,
            Sortino = s.Sortino,
            MaxDrawdown = s.MaxDrawdown,
            Calmar = s.Calmar,
            Exposure = s.Exposure,
            Turnover = s.Turnover,
            Trades = s.TradeCount,
            WinningTrades = s.WinningTrades,
            LosingTrades = s.LosingTrades,
            WinRate = s.WinRate,
            NetProfit = s.NetProfit,
            GrossProfit = s.GrossProfit,
            GrossLoss = s.GrossLoss,
            ProfitFactor = s.ProfitFactor,
            Expectancy = s.Expectancy,
        };
    }
}
