using System.Data.Common;
using System.Globalization;

namespace Tradewind.Storage.Connections;

/// <summary>
/// How trading dates, UTC times and exact decimals are written to and read from the columns of one dialect:
/// PostgreSQL takes them natively (date, timestamptz, numeric); SQLite keeps them as text of one fixed shape.
/// </summary>
internal sealed class ColumnValues(DatabaseDialect dialect)
{
    // Fixed width, so that text order is time order in SQLite (the migrations check the shape).
    private const string SqliteTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private const string SqliteDateFormat = "yyyy-MM-dd";

    // Exactly what decimal.ToString(InvariantCulture) writes: a sign, digits, a point; never thousands or exponents.
    private const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private bool IsSqlite => dialect == DatabaseDialect.Sqlite;

    /// <summary>PostgreSQL keeps microseconds; dropping the last tick digit everywhere makes both dialects return what was stored.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>A trading date as a parameter value.</summary>
    public object Date(DateOnly date) => IsSqlite ? date.ToString(SqliteDateFormat, CultureInfo.InvariantCulture) : date;

    /// <summary>A trading date column.</summary>
    public DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        IsSqlite
            ? DateOnly.ParseExact(reader.GetString(ordinal), SqliteDateFormat, CultureInfo.InvariantCulture)
            : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>An exact decimal as a parameter value: SQLite gets the invariant text, never REAL.</summary>
    public object Decimal(decimal value) => IsSqlite ? value.ToString(CultureInfo.InvariantCulture) : value;

    /// <summary>An exact decimal column.</summary>
    public decimal ReadDecimal(DbDataReader reader, int ordinal) =>
        IsSqlite
            ? decimal.Parse(reader.GetString(ordinal), DecimalText, CultureInfo.InvariantCulture)
            : reader.GetDecimal(ordinal);

    /// <summary>A UTC time as a parameter value (call <see cref="ToStoredPrecision"/> first to read back what was written).</summary>
    public object Time(DateTimeOffset time) =>
        IsSqlite ? time.UtcDateTime.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture) : time.UtcDateTime;

    /// <summary>A UTC time column.</summary>
    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        IsSqlite
            ? DateTimeOffset.ParseExact(reader.GetString(ordinal), SqliteTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
