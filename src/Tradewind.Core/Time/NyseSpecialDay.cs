using NodaTime;

namespace Tradewind.Core.Time;

/// <summary>A weekday on which NYSE does not hold its regular session: closed all day, or closing early at <see cref="EarlyClose"/>.</summary>
/// <param name="Reason">Why, as shown to people: "Good Friday", "Christmas Eve".</param>
/// <param name="EarlyClose">The local closing time of a shortened session; null when the exchange is closed all day.</param>
internal readonly record struct NyseSpecialDay(string Reason, LocalTime? EarlyClose)
{
    /// <summary>True when the exchange is closed all day.</summary>
    public bool IsClosed => EarlyClose is null;
}
