namespace Tradewind.Core.Analytics;

/// <summary>One point of an <see cref="EquityCurve"/>: the account at the end of one bar.</summary>
/// <param name="Time">The bar's time (UTC).</param>
/// <param name="Equity">Cash + market value of positions.</param>
/// <param name="Cash">Cash (negative when borrowing).</param>
/// <param name="GrossExposure">Σ |market value| of positions, ≥ 0.</param>
/// <param name="TradedNotional">Σ |quantity × price| of fills during the bar, ≥ 0.</param>
/// <param name="Drawdown">(running peak − equity) / running peak: 0 at a peak, 0.1 for 10 % below it.</param>
public readonly record struct EquityPoint(DateTime Time, double Equity, double Cash, double GrossExposure, double TradedNotional, double Drawdown);
