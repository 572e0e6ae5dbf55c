using System.Globalization;
using System.Text.Json;

namespace Tradewind.Cli.Listings;

/// <summary>
/// One value of a <see cref="Listing"/>: the exact text that CSV carries, how JSON writes it (string, number, boolean,
/// a stored JSON value, or null), and what a table shows (the same text unless the command rounds it for reading).
/// </summary>
public sealed class ListingCell
{
    private readonly Kind _kind;

    private ListingCell(Kind kind, string? value, string? shown)
    {
        _kind = kind;
        Value = value;
        Shown = shown ?? value ?? "";
    }

    private enum Kind
    {
        Null,
        Text,
        Number,
        Boolean,
        Json,
    }

    /// <summary>No value: an empty CSV field, JSON null, an empty table cell.</summary>
    public static ListingCell Empty { get; } = new(Kind.Null, null, "");

    /// <summary>No value, shown in a table as <paramref name="shown"/> (why there is none).</summary>
    public static ListingCell Missing(string shown) => new(Kind.Null, null, shown);

    /// <summary>The CSV field: the exact value in the invariant culture; null for no value.</summary>
    public string? Value { get; }

    /// <summary>What a table shows.</summary>
    public string Shown { get; }

    /// <summary>Text; JSON writes it as a string.</summary>
    public static ListingCell Text(string? text, string? shown = null) => text is null ? Empty : new(Kind.Text, text, shown);

    /// <summary>A trading date, yyyy-MM-dd.</summary>
    public static ListingCell Date(DateOnly date) => new(Kind.Text, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);

    /// <summary>A UTC instant in ISO 8601 with 7 fraction digits and Z.</summary>
    public static ListingCell Time(DateTimeOffset time) =>
        new(Kind.Text, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), null);

    /// <summary>An exact decimal with every digit it has, trailing zeros included (412.50 stays 412.50).</summary>
    public static ListingCell Number(decimal value, string? shown = null) => new(Kind.Number, value.ToString(CultureInfo.InvariantCulture), shown);

    /// <summary>A decimal, or no value.</summary>
    public static ListingCell Number(decimal? value, string? shown = null) => value is { } v ? Number(v, shown) : Empty;

    /// <summary>A double in the shortest text that reads back to the same double.</summary>
    public static ListingCell Number(double value, string? shown = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a listing holds finite numbers only");
        }

        return new(Kind.Number, value.ToString("R", CultureInfo.InvariantCulture), shown);
    }

    /// <summary>A whole number.</summary>
    public static ListingCell Integer(long value) => new(Kind.Number, value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>true or false.</summary>
    public static ListingCell Boolean(bool value, string? shown = null) => new(Kind.Boolean, value ? "true" : "false", shown);

    /// <summary>
    /// A JSON value exactly as stored (an object, or a number read out of one): CSV carries the text, JSON writes the
    /// value itself with every number's digits as they are written.
    /// </summary>
    public static ListingCell Json(string json, string? shown = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(Kind.Json, json, shown);
    }

    /// <summary>Writes the value to <paramref name="writer"/>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (_kind)
        {
            case Kind.Null:
                writer.WriteNullValue();
                break;
            case Kind.Text:
                writer.WriteStringValue(Value);
                break;
            case Kind.Number:
                // The invariant text is a JSON number already; writing it raw keeps a decimal's scale (412.50).
                writer.WriteRawValue(Value!);
                break;
            case Kind.Boolean:
                writer.WriteBooleanValue(Value == "true");
                break;
            case Kind.Json:
                // Through the document, not raw: the stored text is re-indented with the output, while every number
                // keeps its written digits (JsonElement writes a number's original text).
                using (var document = JsonDocument.Parse(Value!))
                {
                    document.RootElement.WriteTo(writer);
                }

                break;
        }
    }
}
