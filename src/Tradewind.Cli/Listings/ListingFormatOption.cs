using System.CommandLine;

namespace Tradewind.Cli.Listings;

/// <summary>
/// The --format option of the commands that print stored rows. A value outside the command's formats is a usage
/// error (exit 2) that lists them, as for every option restricted to a few words.
/// </summary>
public sealed class ListingFormatOption
{
    private readonly Option<string> _option;

    /// <summary>Creates the option: <paramref name="formats"/> are the accepted ones, the first is the default.</summary>
    public ListingFormatOption(string description, params ListingFormat[] formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Length == 0)
        {
            throw new ArgumentException("name at least one format", nameof(formats));
        }

        var names = formats.Select(Name).ToArray();
        _option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => names[0] };
        _option.AcceptOnlyFromAmong(names);
    }

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_option);
    }

    /// <summary>The chosen format.</summary>
    public ListingFormat Get(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(_option) switch
        {
            "csv" => ListingFormat.Csv,
            "json" => ListingFormat.Json,
            _ => ListingFormat.Table,
        };
    }

    private static string Name(ListingFormat format) => format switch
    {
        ListingFormat.Table => "table",
        ListingFormat.Csv => "csv",
        ListingFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
