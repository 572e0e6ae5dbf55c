using Tradewind.Core.Engine;
using Tradewind.Storage;
using Tradewind.Storage.Backtests;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>Stores the run in <c>backtest_runs</c> and its round trips in <c>backtest_trades</c>, in one transaction (<c>--save</c>).</summary>
/// <param name="database">The opened database.</param>
public sealed class DatabaseOutputWriter(TradewindDatabase database) : IBacktestOutputWriter
{
    private readonly TradewindDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public string Target => $"database {_database.Target.Display}";

    /// <inheritdoc />
    public string Description => "run and its trades";

    /// <inheritdoc />
    public Task WriteAsync(BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        return new BacktestRunRepository(_database).SaveAsync(Record(summary), result.Journal.ClosedTrades, cancellationToken);
    }

    /// <summary>The <c>backtest_runs</c> row of <paramref name="summary"/>.</summary>
    public static BacktestRunRecord Record(BacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new BacktestRunRecord(
            summary.RunId,
            summary.CreatedAt,
            summary.Strategy,
            summary.ParametersJson(),
            summary.Symbols.Select(s => s.Ticker).ToList(),
            summary.Resolution.ToString(),
            summary.Start,
            summary.End,
            summary.Bars,
            summary.InitialCash,
            summary.FinalEquity,
            summary.TotalReturn,
            summary.Cagr,
            summary.Sharpe,
            summary.MaxDrawdown,
            summary.ClosedTrades,
            summary.WinRate,
            summary.ProfitFactor,
            summary.ToJson(indented: false));
    }
}
