namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// One asset's daily closes, oldest first, ending with the last close known before the decision. The caller
/// guarantees no lookahead and that every asset's closes fall on the same trading days (the correlation pairs
/// returns by position from the end).
/// </summary>
/// <param name="Symbol">The asset's symbol, as configured in <see cref="CapitalAllocatorParameters.Assets"/>.</param>
/// <param name="Closes">Daily closes, oldest first; only the last <c>lookback_days + 1</c> are used.</param>
public sealed record AssetHistory(string Symbol, ReadOnlyMemory<double> Closes)
{
    /// <summary>Days of history: daily returns, one fewer than the closes (0 with no close).</summary>
    public int Days => Math.Max(0, Closes.Length - 1);
}
