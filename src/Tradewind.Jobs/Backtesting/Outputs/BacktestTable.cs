namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>The row-per-event outputs of a run; each is written as CSV or as JSON lines with the same columns.</summary>
public enum BacktestTable
{
    /// <summary>Closed round trips, one row each.</summary>
    Trades,

    /// <summary>Fills, one row each.</summary>
    Fills,

    /// <summary>The equity curve, one row per time slice.</summary>
    Equity,

    /// <summary>Orders with their final status, one row each.</summary>
    Orders,

    /// <summary>Positions still held at the end, one row each.</summary>
    Positions,
}
