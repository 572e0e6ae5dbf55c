namespace Tradewind.Jobs.Demo;

/// <summary>What the demo did and where its results are.</summary>
/// <param name="Simulated">True when the prices came from the simulated market (not market data).</param>
/// <param name="DataSource">The provider's description.</param>
/// <param name="First">The first trading day run.</param>
/// <param name="Last">The last trading day run.</param>
/// <param name="TradingDays">Trading days run (signal + execute each).</param>
/// <param name="FinalValue">Cash + positions at the last close.</param>
/// <param name="Cash">Cash left (unspent daily capital and sale proceeds).</param>
/// <param name="Contributions">Daily capital deposited in all.</param>
/// <param name="ProfitLoss">Final value − contributions.</param>
/// <param name="TimeWeightedReturn">The account's time-weighted return over the period (contributions removed).</param>
/// <param name="MaxDrawdown">The largest fall of the time-weighted value from a peak, a fraction.</param>
/// <param name="Trades">Trades executed.</param>
/// <param name="Actions">Signals by action (BUY, SELL, HOLD).</param>
/// <param name="Regimes">Signals by market regime zone (bullish, neutral, bearish).</param>
/// <param name="BenchmarkValue">Buying SPY (the first asset) with the same daily contributions at each day's open, valued at the last close.</param>
/// <param name="ParityTrades">Trades of the engine backtest of the same period; equal to <paramref name="Trades"/> when parity holds.</param>
/// <param name="ParityHolds">Whether the backtest made exactly the trades the daily jobs made.</param>
/// <param name="DatabasePath">The SQLite database.</param>
/// <param name="ReportPath">The HTML report of the period.</param>
/// <param name="TradesPath">The trades as CSV.</param>
public sealed record DemoSummary(
    bool Simulated,
    string DataSource,
    DateOnly First,
    DateOnly Last,
    int TradingDays,
    decimal FinalValue,
    decimal Cash,
    decimal Contributions,
    decimal ProfitLoss,
    double TimeWeightedReturn,
    double MaxDrawdown,
    int Trades,
    IReadOnlyDictionary<string, int> Actions,
    IReadOnlyDictionary<string, int> Regimes,
    decimal BenchmarkValue,
    int ParityTrades,
    bool ParityHolds,
    string DatabasePath,
    string ReportPath,
    string TradesPath);
