namespace Tradewind.Storage.PaperTrading;

/// <summary>
/// Everything the execute job of one strategy writes for one trading date, stored in one transaction by
/// <see cref="PaperAccountRepository.RecordExecutionAsync"/>.
/// </summary>
/// <param name="Strategy">The strategy whose paper account this is.</param>
/// <param name="TradeDate">The trading date executed (exchange time, America/New_York).</param>
/// <param name="SignalId">The date's signal; null on a day without one (the deposit is still booked). Required when there are trades.</param>
/// <param name="Deposit">The cash paid in on this date, ≥ 0 (0 books no deposit row).</param>
/// <param name="Trades">The trades made, at most one per symbol.</param>
/// <param name="Positions">
/// The account's positions after the trades: they replace the stored ones. Quantities must reconcile: stored
/// quantity + bought − sold for every symbol (absent = 0); a symbol without a trade must keep its stored position.
/// </param>
/// <param name="CreatedAt">When the execution was made (UTC; stored to the microsecond).</param>
public sealed record ExecutionRecord(
    string Strategy,
    DateOnly TradeDate,
    long? SignalId,
    decimal Deposit,
    IReadOnlyList<TradeFill> Trades,
    IReadOnlyList<PaperPosition> Positions,
    DateTimeOffset CreatedAt);
