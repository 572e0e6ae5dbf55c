using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tradewind.Core.Market;

/// <summary>The length of one bar: <c>1m</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c> ...</summary>
public readonly record struct Resolution
{
    /// <summary>One bar per trading day.</summary>
    public static readonly Resolution Daily = new(1, ResolutionUnit.Day);

    /// <summary>One bar per hour.</summary>
    public static readonly Resolution Hourly = new(1, ResolutionUnit.Hour);

    /// <summary>One bar per minute.</summary>
    public static readonly Resolution Minute = new(1, ResolutionUnit.Minute);

    /// <summary>Creates a resolution of <paramref name="count"/> units.</summary>
    public Resolution(int count, ResolutionUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        Unit = unit;
    }

    /// <summary>How many units one bar spans.</summary>
    public int Count { get; }

    /// <summary>The unit.</summary>
    public ResolutionUnit Unit { get; }

    /// <summary>True for resolutions of a day or longer, whose bars are keyed by a trading date, not an instant.</summary>
    public bool IsDateBased => Unit is ResolutionUnit.Day or ResolutionUnit.Week;

    /// <summary>The nominal length of one bar (a trading day counts as 24 hours).</summary>
    public TimeSpan Duration => Unit switch
    {
        ResolutionUnit.Minute => TimeSpan.FromMinutes(Count),
        ResolutionUnit.Hour => TimeSpan.FromHours(Count),
        ResolutionUnit.Day => TimeSpan.FromDays(Count),
        _ => TimeSpan.FromDays(7 * Count),
    };

    /// <summary>
    /// Parses <c>1m</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c> and the spellings data vendors use
    /// (<c>1min</c>, <c>60min</c>, <c>1hour</c>, <c>daily</c>, <c>d</c>, <c>weekly</c>).
    /// </summary>
    public static Resolution Parse(string text)
    {
        if (!TryParse(text, out var resolution))
        {
            throw new FormatException($"resolution '{text}' is not known; use a count and a unit, e.g. 1m, 5m, 15m, 1h, 4h, 1d or 1w");
        }

        return resolution;
    }

    /// <summary>Parses a resolution as <see cref="Parse"/> does.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Resolution resolution)
    {
        resolution = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        switch (s)
        {
            case "D" or "DAY" or "DAILY":
                resolution = Daily;
                return true;
            case "W" or "WEEK" or "WEEKLY":
                resolution = new Resolution(1, ResolutionUnit.Week);
                return true;
            case "H" or "HOUR" or "HOURLY":
                resolution = Hourly;
                return true;
        }

        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits == 0 || !int.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return false;
        }

        ResolutionUnit? unit = s[digits..] switch
        {
            "M" or "MIN" or "MINS" or "MINUTE" or "MINUTES" or "T" => ResolutionUnit.Minute,
            "H" or "HOUR" or "HOURS" => ResolutionUnit.Hour,
            "D" or "DAY" or "DAYS" => ResolutionUnit.Day,
            "W" or "WK" or "WEEK" or "WEEKS" => ResolutionUnit.Week,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        // 60min is how vendors spell an hour; keep one canonical spelling per length.
        resolution = unit == ResolutionUnit.Minute && count % 60 == 0
            ? new Resolution(count / 60, ResolutionUnit.Hour)
            : new Resolution(count, unit.Value);
        return true;
    }

    /// <summary>The canonical spelling: <c>1m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>.</summary>
    public override string ToString() => Unit switch
    {
        ResolutionUnit.Minute => string.Create(CultureInfo.InvariantCulture, $"{Count}m"),
        ResolutionUnit.Hour => string.Create(CultureInfo.InvariantCulture, $"{Count}h"),
        ResolutionUnit.Day => string.Create(CultureInfo.InvariantCulture, $"{Count}d"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Count}w"),
    };
}
