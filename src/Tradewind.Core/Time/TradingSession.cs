using System.Globalization;

namespace Tradewind.Core.Time;

/// <summary>One trading day's session at an exchange: the trading date and the exact instants it opens and closes.</summary>
/// <remarks>
/// The session is the half-open interval [open, close): an order at the close instant is after the
/// session. Every instant is given twice, in UTC and in the exchange's local offset of that moment,
/// because a bar store keys by UTC while people and exchange notices speak local time.
/// </remarks>
public sealed record TradingSession
{
    /// <summary>Creates a session from its exchange-local open and close; the close must be after the open.</summary>
    /// <param name="date">The trading date the session belongs to (the exchange-local date of its open).</param>
    /// <param name="openLocal">The opening instant, carrying the exchange's UTC offset at that moment.</param>
    /// <param name="closeLocal">The closing instant, carrying the exchange's UTC offset at that moment.</param>
    /// <param name="earlyCloseReason">Why the session closes before its regular time, or null for a regular session.</param>
    public TradingSession(DateOnly date, DateTimeOffset openLocal, DateTimeOffset closeLocal, string? earlyCloseReason = null)
    {
        if (DateOnly.FromDateTime(openLocal.DateTime) != date)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"a session for {date:yyyy-MM-dd} must open on that local date, not at {openLocal:O}"),
                nameof(openLocal));
        }

        if (closeLocal <= openLocal)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"a session must close after it opens (open {openLocal:O}, close {closeLocal:O})"),
                nameof(closeLocal));
        }

        if (earlyCloseReason is not null && string.IsNullOrWhiteSpace(earlyCloseReason))
        {
            throw new ArgumentException("an early close reason must be null or say why", nameof(earlyCloseReason));
        }

        Date = date;
        OpenLocal = openLocal;
        CloseLocal = closeLocal;
        EarlyCloseReason = earlyCloseReason;
    }

    /// <summary>The trading date.</summary>
    public DateOnly Date { get; }

    /// <summary>The opening instant in the exchange's local offset (e.g. 09:30 -04:00 for NYSE in summer).</summary>
    public DateTimeOffset OpenLocal { get; }

    /// <summary>The closing instant in the exchange's local offset.</summary>
    public DateTimeOffset CloseLocal { get; }

    /// <summary>The opening instant in UTC (offset zero).</summary>
    public DateTimeOffset OpenUtc => OpenLocal.ToUniversalTime();

    /// <summary>The closing instant in UTC (offset zero).</summary>
    public DateTimeOffset CloseUtc => CloseLocal.ToUniversalTime();

    /// <summary>True when the exchange closes earlier than its regular time on this date.</summary>
    public bool IsEarlyClose => EarlyCloseReason is not null;

    /// <summary>Why the session closes early (e.g. "Christmas Eve"), or null for a regular session.</summary>
    public string? EarlyCloseReason { get; }

    /// <summary>How long the session lasts.</summary>
    public TimeSpan Duration => CloseLocal - OpenLocal;

    /// <summary>True when <paramref name="instant"/> lies in the session: at or after the open and before the close.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= OpenLocal && instant < CloseLocal;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Date:yyyy-MM-dd} {OpenLocal:HH:mm}-{CloseLocal:HH:mm} (UTC{OpenLocal:zzz})");
        return IsEarlyClose ? $"{text}, early close: {EarlyCloseReason}" : text;
    }
}
