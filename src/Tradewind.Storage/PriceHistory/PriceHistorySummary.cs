using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>What the database holds for one symbol at one resolution.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Resolution">The bar length.</param>
/// <param name="First">The first bar's start (UTC; trading date at 00:00 UTC for date-based bars).</param>
/// <param name="Last">The last bar's start.</param>
/// <param name="Rows">Number of bars.</param>
public sealed record PriceHistorySummary(string Symbol, Resolution Resolution, DateTime First, DateTime Last, long Rows);
