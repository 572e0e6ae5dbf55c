namespace Tradewind.Storage.Backtests;

/// <summary>One row of <c>backtest_runs</c>: what ran, on what, when, its key figures and its whole summary as JSON.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="CreatedAt">When the run was made.</param>
/// <param name="Strategy">The strategy's catalogue name.</param>
/// <param name="Parameters">The parameter values as a JSON object.</param>
/// <param name="Symbols">The symbols traded.</param>
/// <param name="Resolution">The bar length, e.g. 1d.</param>
/// <param name="PeriodStart">The first bar of the traded period (UTC).</param>
/// <param name="PeriodEnd">The last bar of the traded period (UTC).</param>
/// <param name="Bars">Symbol-bars processed in the period.</param>
/// <param name="InitialCash">The cash deposited before the first bar.</param>
/// <param name="FinalEquity">Cash + positions at the last closes.</param>
/// <param name="TotalReturn">End equity / start equity − 1.</param>
/// <param name="Cagr">Compound annual growth rate, when defined.</param>
/// <param name="Sharpe">Annualized Sharpe ratio, when defined.</param>
/// <param name="MaxDrawdown">The deepest fall from a running peak, ≥ 0.</param>
/// <param name="ClosedTrades">The number of closed round trips (rows in <c>backtest_trades</c>).</param>
/// <param name="WinRate">Winning / closed trades, when there are trades.</param>
/// <param name="ProfitFactor">Gross profit / gross loss, when there is a loss.</param>
/// <param name="Summary">The whole summary as a JSON object (the summary.json of the run).</param>
public sealed record BacktestRunRecord(
    Guid RunId,
    DateTimeOffset CreatedAt,
    string Strategy,
    string Parameters,
    IReadOnlyList<string> Symbols,
    string Resolution,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    long Bars,
    decimal InitialCash,
    decimal FinalEquity,
    double TotalReturn,
    double? Cagr,
    double? Sharpe,
    double MaxDrawdown,
    int ClosedTrades,
    double? WinRate,
    double? ProfitFactor,
    string Summary);
