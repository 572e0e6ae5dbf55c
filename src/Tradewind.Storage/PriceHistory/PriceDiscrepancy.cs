using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>
/// A bar that is already stored with other values than a provider now reports. The insert-only mode keeps the
/// stored bar and reports both, so the caller can warn.
/// </summary>
/// <param name="Stored">The bar as stored (kept).</param>
/// <param name="Incoming">The bar as offered (not stored).</param>
public sealed record PriceDiscrepancy(Bar Stored, Bar Incoming)
{
    /// <summary>The bar's start (UTC; the trading date at 00:00 UTC for date-based bars).</summary>
    public DateTime Time => Stored.Time;

    /// <summary>
    /// Whether two bars of the same time disagree: any of open, high, low, close and volume differs, or both carry an
    /// adjusted close and those differ. A missing adjusted close on either side is no disagreement: many providers
    /// send none, and the stored value is kept anyway.
    /// </summary>
    internal static bool Disagree(in Bar stored, in Bar incoming) =>
        !stored.Open.Equals(incoming.Open)
        || !stored.High.Equals(incoming.High)
        || !stored.Low.Equals(incoming.Low)
        || !stored.Close.Equals(incoming.Close)
        || !stored.Volume.Equals(incoming.Volume)
        || (stored.AdjClose is { } a && incoming.AdjClose is { } b && !a.Equals(b));
}
