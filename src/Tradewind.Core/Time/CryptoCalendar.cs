using System.Globalization;
using NodaTime;

namespace Tradewind.Core.Time;

/// <summary>The around-the-clock crypto calendar: every date trades, one session per UTC day from 00:00 to the next day's 00:00.</summary>
/// <remarks>
/// Crypto venues never close, so the "trading day" is the UTC calendar day that daily crypto bars are
/// keyed by. The supported range ends on 9999-12-30 because the last session's close must still be a
/// representable instant.
/// </remarks>
public sealed class CryptoCalendar : TradingCalendar
{
    private CryptoCalendar()
        : base("CRYPTO", DateTimeZone.Utc, DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1))
    {
    }

    /// <summary>The crypto calendar.</summary>
    public static CryptoCalendar Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsTradingDay(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        return true;
    }

    /// <inheritdoc />
    public override TradingSession GetSession(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        var open = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new TradingSession(date, open, open.AddDays(1));
    }

    /// <inheritdoc />
    public override string? ClosureReason(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        return null;
    }

    /// <inheritdoc />
    public override DateOnly NextTradingDay(DateOnly date) => AddTradingDays(date, 1);

    /// <inheritdoc />
    public override DateOnly PreviousTradingDay(DateOnly date) => AddTradingDays(date, -1);

    /// <inheritdoc />
    public override int TradingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureSupported(from, nameof(from));
        EnsureSupported(to, nameof(to));
        return to.DayNumber - from.DayNumber;
    }

    /// <inheritdoc />
    public override DateOnly AddTradingDays(DateOnly date, int tradingDays)
    {
        EnsureSupported(date, nameof(date));
        var day = (long)date.DayNumber + tradingDays;
        if (day < FirstSupportedDate.DayNumber || day > LastSupportedDate.DayNumber)
        {
            throw BeyondRange(nameof(tradingDays), tradingDays,
                string.Create(CultureInfo.InvariantCulture, $"{tradingDays} trading days from {date:yyyy-MM-dd}"));
        }

        return DateOnly.FromDayNumber((int)day);
    }

    /// <inheritdoc />
    public override bool IsOpen(DateTimeOffset instant)
    {
        // Every instant is inside its UTC day's session; only the range check can say no (by throwing).
        _ = ToExchangeDate(instant);
        return true;
    }
}
