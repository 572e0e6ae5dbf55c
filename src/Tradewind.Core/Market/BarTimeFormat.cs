using System.Globalization;
using NodaTime;
using Tradewind.Core.Time;

namespace Tradewind.Core.Market;

/// <summary>How bar times are shown: dates for date-based bars, exchange-local ISO 8601 with offset otherwise.</summary>
public static class BarTimeFormat
{
    /// <summary>The exchange time zone of a symbol's bars.</summary>
    public static DateTimeZone ZoneOf(Symbol symbol) => TradingCalendars.For(symbol.AssetClass).TimeZone;

    /// <summary>Formats a bar start.</summary>
    public static string Format(DateTime utc, Resolution resolution, Symbol symbol)
    {
        if (resolution.IsDateBased)
        {
            return utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(ZoneOf(symbol)).ToDateTimeOffset();
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
