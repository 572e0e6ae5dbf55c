namespace Tradewind.Core.Market;

/// <summary>The unit a <see cref="Resolution"/> counts in.</summary>
public enum ResolutionUnit
{
    /// <summary>Minutes.</summary>
    Minute,

    /// <summary>Hours.</summary>
    Hour,

    /// <summary>Trading days: one bar per session, keyed by its trading date.</summary>
    Day,

    /// <summary>Weeks of trading days.</summary>
    Week,
}
