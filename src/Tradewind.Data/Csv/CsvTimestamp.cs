namespace Tradewind.Data.Csv;

/// <summary>
/// A date or date-time as written in a CSV cell: the wall-clock value, whether a time of day was written and,
/// when one was written, the UTC offset.
/// </summary>
internal readonly record struct CsvTimestamp(long LocalTicks, bool HasTime, bool HasOffset, int OffsetMinutes)
{
    /// <summary>The wall-clock time of day.</summary>
    public long TimeOfDayTicks => LocalTicks % TimeSpan.TicksPerDay;

    /// <summary>The written date at 00:00 UTC, the key of a date-based bar.</summary>
    public DateTime Date => new(LocalTicks - TimeOfDayTicks, DateTimeKind.Utc);

    /// <summary>The UTC instant; only meaningful when <see cref="HasOffset"/>.</summary>
    public DateTime UtcInstant => new(LocalTicks - (OffsetMinutes * TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
