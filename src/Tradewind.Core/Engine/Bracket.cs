namespace Tradewind.Core.Engine;

/// <summary>
/// Protective exits attached to an entry, as price distances from the entry's fill price (so an ATR-based
/// stop decided on the signal bar lands at fill − k × ATR). When the entry fills the engine places a sell
/// stop and/or a sell limit for the whole position, one-cancels-other; a trailing distance ratchets the stop
/// up to (highest high since entry − distance) at each bar's close, never down, in force from the next bar.
/// The stop starts at the higher of (fill − stop distance) and (fill − trailing distance); that distance is the
/// round trip's initial risk per unit. It is journaled as <c>stop-loss</c> until the trail first raises it, and as
/// <c>trailing-stop</c> from then on.
/// </summary>
/// <param name="StopDistance">Stop-loss at fill price − this; null for none.</param>
/// <param name="TakeProfitDistance">Take-profit limit at fill price + this; null for none.</param>
/// <param name="TrailingDistance">Trail the stop at highest high − this; null for none.</param>
public readonly record struct Bracket(double? StopDistance = null, double? TakeProfitDistance = null, double? TrailingDistance = null)
{
    /// <summary>No protective exits.</summary>
    public static Bracket None => default;

    /// <summary>True when the bracket places at least one protective order.</summary>
    public bool IsEmpty => StopDistance is null && TakeProfitDistance is null && TrailingDistance is null;

    /// <summary>The first problem (a distance not finite and positive), or null.</summary>
    public string? Validate()
    {
        if (StopDistance is { } s && !(double.IsFinite(s) && s > 0))
        {
            return $"stop distance must be a positive number, got {s}";
        }

        if (TakeProfitDistance is { } t && !(double.IsFinite(t) && t > 0))
        {
            return $"take-profit distance must be a positive number, got {t}";
        }

        return TrailingDistance is { } d && !(double.IsFinite(d) && d > 0) ? $"trailing distance must be a positive number, got {d}" : null;
    }
}
