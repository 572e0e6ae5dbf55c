namespace Tradewind.Storage.PaperTrading;

/// <summary>An open position of a paper account: a row of <c>portfolio</c>.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Quantity">Shares held, &gt; 0 (a position that reaches zero is removed).</param>
/// <param name="AverageCost">The weighted-average price paid per share, &gt; 0.</param>
public sealed record PaperPosition(string Symbol, decimal Quantity, decimal AverageCost);
