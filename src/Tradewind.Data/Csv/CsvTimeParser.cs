namespace Tradewind.Data.Csv;

/// <summary>
/// Hand-written parsers for the date and time spellings of the formats read, over UTF-8 bytes: ISO dates,
/// ISO date-times with an optional offset, and Stooq's compact <c>yyyyMMdd</c> / <c>HHmmss</c>.
/// </summary>
/// <remarks>The BCL's DateTime parsers allocate nothing either, but they are general and several times slower per row.</remarks>
internal static class CsvTimeParser
{
    private static readonly int[] DaysToMonth365 = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly int[] DaysToMonth366 = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    /// <summary>
    /// Parses <c>yyyy-MM-dd</c>, optionally followed by <c>T</c> or a space and <c>HH:mm[:ss[.fffffff]]</c>,
    /// optionally followed by <c>Z</c> or an offset <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<byte> s, out CsvTimestamp value)
    {
        value = default;
        if (s.Length < 10 || s[4] != (byte)'-' || s[7] != (byte)'-'
            || !TryDigits4(s, 0, out var year) || !TryDigits2(s, 5, out var month) || !TryDigits2(s, 8, out var day)
            || !TryDaysFromCivil(year, month, day, out var days))
        {
            return false;
        }

        var ticks = days * TimeSpan.TicksPerDay;
        if (s.Length == 10)
        {
            value = new CsvTimestamp(ticks, HasTime: false, HasOffset: false, 0);
            return true;
        }

        if ((s[10] != (byte)'T' && s[10] != (byte)' ') || s.Length < 16 || s[13] != (byte)':'
            || !TryDigits2(s, 11, out var hour) || !TryDigits2(s, 14, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        var i = 16;
        if (i < s.Length && s[i] == (byte)':')
        {
            if (!TryDigits2(s, i + 1, out var second) || second > 59)
            {
                return false;
            }

            ticks += second * TimeSpan.TicksPerSecond;
            i += 3;
            if (i < s.Length && s[i] == (byte)'.')
            {
                i++;
                var start = i;
                long fraction = 0;
                while (i < s.Length && (uint)(s[i] - '0') <= 9)
                {
                    if (i - start < 7)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }

                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                for (var scale = i - start; scale < 7; scale++)
                {
                    fraction *= 10;
                }

                ticks += fraction;
            }
        }

        if (i == s.Length)
        {
            value = new CsvTimestamp(ticks, HasTime: true, HasOffset: false, 0);
            return true;
        }

        // The instant must be a DateTime too: 0001-01-01T00:00:00+05:00 is not.
        if (!TryParseOffset(s[i..], out var offsetMinutes)
            || (ulong)(ticks - (offsetMinutes * TimeSpan.TicksPerMinute)) > (ulong)DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new CsvTimestamp(ticks, HasTime: true, HasOffset: true, offsetMinutes);
        return true;
    }

    /// <summary>Parses Stooq's <c>yyyyMMdd</c> into the date's ticks.</summary>
    public static bool TryParseCompactDate(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length != 8 || !TryDigits4(s, 0, out var year) || !TryDigits2(s, 4, out var month) || !TryDigits2(s, 6, out var day)
            || !TryDaysFromCivil(year, month, day, out var days))
        {
            return false;
        }

        ticks = days * TimeSpan.TicksPerDay;
        return true;
    }

    /// <summary>Parses Stooq's <c>HHmmss</c> into ticks since midnight.</summary>
    public static bool TryParseCompactTime(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length != 6 || !TryDigits2(s, 0, out var hour) || !TryDigits2(s, 2, out var minute) || !TryDigits2(s, 4, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length == 1 && s[0] == (byte)'Z')
        {
            return true;
        }

        if (s.Length < 3 || (s[0] != (byte)'+' && s[0] != (byte)'-') || !TryDigits2(s, 1, out var hours))
        {
            return false;
        }

        var mins = 0;
        if (s.Length == 6 && s[3] == (byte)':')
        {
            if (!TryDigits2(s, 4, out mins))
            {
                return false;
            }
        }
        else if (s.Length == 5)
        {
            if (!TryDigits2(s, 3, out mins))
            {
                return false;
            }
        }
        else if (s.Length != 3)
        {
            return false;
        }

        if (hours > 18 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        if (s[0] == (byte)'-')
        {
            minutes = -minutes;
        }

        return true;
    }

    // Days since 0001-01-01, the origin of DateTime ticks.
    private static bool TryDaysFromCivil(int year, int month, int day, out long days)
    {
        days = 0;
        if (year < 1 || month < 1 || month > 12 || day < 1)
        {
            return false;
        }

        var table = DateTime.IsLeapYear(year) ? DaysToMonth366 : DaysToMonth365;
        if (day > table[month] - table[month - 1])
        {
            return false;
        }

        var y = year - 1;
        days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + table[month - 1] + day - 1;
        return true;
    }

    private static bool TryDigits2(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length)
        {
            return false;
        }

        var a = (uint)(s[at] - '0');
        var b = (uint)(s[at + 1] - '0');
        if (a > 9 || b > 9)
        {
            return false;
        }

        value = (int)((a * 10) + b);
        return true;
    }

    private static bool TryDigits4(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (!TryDigits2(s, at, out var high) || !TryDigits2(s, at + 2, out var low))
        {
            return false;
        }

        value = (high * 100) + low;
        return true;
    }
}
