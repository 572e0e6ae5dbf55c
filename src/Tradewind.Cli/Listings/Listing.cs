using System.Text.Json;
using Spectre.Console;

namespace Tradewind.Cli.Listings;

/// <summary>
/// Rows of named columns, printed as a Spectre table, as CSV (RFC 4180 quoting, LF line ends) or as a JSON array of
/// objects: the same column names and values in every format.
/// </summary>
public sealed class Listing
{
    private readonly List<ListingCell[]> _rows = [];

    /// <summary>Creates an empty listing of <paramref name="columns"/>.</summary>
    public Listing(params ListingColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            throw new ArgumentException("a listing has at least one column, and distinct column names", nameof(columns));
        }

        Columns = columns;
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ListingColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row: one cell per column, in column order.</summary>
    public void Add(params ListingCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"a row of this listing has {Columns.Count} cells, not {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>The rows as a table with the column names as headers.</summary>
    public Table ToTable()
    {
        var table = new Table().AddColumns(Columns.Select(c => Markup.Escape(c.Name)).ToArray());
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Numeric)
            {
                table.Columns[i].RightAligned();
            }
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(c => Markup.Escape(c.Shown)).ToArray());
        }

        return table;
    }

    /// <summary>Writes the header and the rows as CSV.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteRecord(writer, Columns.Select(c => c.Name));
        foreach (var row in _rows)
        {
            WriteRecord(writer, row.Select(c => c.Value));
        }
    }

    /// <summary>Writes the rows as a JSON array of objects.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var row in _rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < Columns.Count; i++)
            {
                writer.WritePropertyName(Columns[i].Name);
                row[i].WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Prints the listing to the command's output in <paramref name="format"/>.</summary>
    public async Task PrintAsync(CliContext cli, ListingFormat format)
    {
        ArgumentNullException.ThrowIfNull(cli);
        switch (format)
        {
            case ListingFormat.Csv:
                WriteCsv(cli.Output);
                break;
            case ListingFormat.Json:
                await JsonOutput.WriteAsync(cli.Output, WriteJson);
                break;
            default:
                cli.Console.Write(ToTable());
                break;
        }
    }

    // Quoted as RFC 4180 says, only when the field holds a comma, a double quote or a line break.
    private static string CsvField(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(',', fields.Select(CsvField)));
        writer.Write('\n');
    }
}
