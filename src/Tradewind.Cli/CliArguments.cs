using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Cli;

/// <summary>Turns option and argument text into domain values, with messages that name the option and the fix.</summary>
public static class CliArguments
{
    /// <summary>A ticker.</summary>
    public static Symbol Symbol(string text, string name)
    {
        if (!Core.Market.Symbol.TryParse(text, out var symbol, out var reason))
        {
            throw new UserInputException($"{name}: {reason}");
        }

        return symbol;
    }

    /// <summary>A bar length.</summary>
    public static Resolution Resolution(string text, string name = "--resolution")
    {
        if (!Core.Market.Resolution.TryParse(text, out var resolution))
        {
            throw new UserInputException($"{name}: '{text}' is not a resolution; use e.g. 1m, 5m, 15m, 1h, 4h, 1d or 1w");
        }

        return resolution;
    }

    /// <summary>A calendar date written yyyy-MM-dd.</summary>
    public static DateOnly Date(string text, string name)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UserInputException($"{name}: '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2024-07-03");
        }

        return date;
    }

    /// <summary>
    /// A bound of a time range as a UTC instant for bars of <paramref name="resolution"/>: a date
    /// (yyyy-MM-dd) means that date's bars: for date-based resolutions the date itself, for intraday ones
    /// the exchange-local day in <paramref name="zone"/> (through its last instant when <paramref name="endOfDay"/>).
    /// An ISO 8601 instant needs an offset or Z.
    /// </summary>
    public static DateTime? Time(string? text, string name, bool endOfDay, Resolution resolution, NodaTime.DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (resolution.IsDateBased)
            {
                return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }

            var day = endOfDay ? date.AddDays(1) : date;
            var startOfDay = zone.AtStartOfDay(new NodaTime.LocalDate(day.Year, day.Month, day.Day)).ToDateTimeUtc();
            return endOfDay ? startOfDay.AddTicks(-1) : startOfDay;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text))
        {
            return instant.UtcDateTime;
        }

        throw new UserInputException($"{name}: '{text}' is neither a date (yyyy-MM-dd) nor an ISO 8601 instant with an offset (2024-07-03T09:30:00-04:00)");
    }

    /// <summary>An exact instant: ISO 8601 date and time with an offset or Z (a bare date is not an instant).</summary>
    public static DateTimeOffset Instant(string text, string name)
    {
        if (text.Contains('T', StringComparison.OrdinalIgnoreCase) && HasOffset(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        throw new UserInputException($"{name}: '{text}' is not an ISO 8601 instant with an offset; write e.g. 2024-07-03T12:59:00-04:00 or 2024-07-03T16:59:00Z");
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
}
