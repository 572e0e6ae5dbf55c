using System.CommandLine;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Symbol = Tradewind.Core.Market.Symbol;

namespace Tradewind.Cli;

/// <summary>
/// The options that say what a price file holds (--symbol, --resolution, --format), shared by every
/// command that reads price files, and the one rule for combining them with the file's name.
/// </summary>
public sealed class PriceFileOptions
{
    private readonly Option<string?> _symbol;
    private readonly Option<string?> _resolution;
    private readonly Option<string> _format;

    /// <summary>Creates the options; <paramref name="symbolHelp"/> says what the symbol is used for.</summary>
    public PriceFileOptions(string symbolHelp)
    {
        _symbol = new Option<string?>("--symbol") { Description = $"The symbol (default: the file name, e.g. SPY.csv -> SPY, SPY_1min.csv -> SPY at 1m). {symbolHelp}" };
        _resolution = new Option<string?>("--resolution") { Description = "Bar length: 1m, 5m, 1h, 1d, 1w ... (default: the file name's suffix, else the data: dates are 1d or 1w by their spacing, timestamps their most common spacing)." };
        _format = new Option<string>("--format") { Description = "File layout: auto, tradewind, yahoo, stooq, alphavantage.", DefaultValueFactory = _ => "auto" };
        _format.AcceptOnlyFromAmong("auto", "tradewind", "yahoo", "stooq", "alphavantage");
    }

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_symbol);
        command.Options.Add(_resolution);
        command.Options.Add(_format);
    }

    /// <summary>True when --symbol was given.</summary>
    public bool HasSymbol(ParseResult parse) => parse.GetValue(_symbol) is not null;

    /// <summary>
    /// What <paramref name="path"/> holds: --symbol, else the file name's symbol; --resolution, else the
    /// file name's resolution suffix, else null (the reader infers it from the data); --format.
    /// </summary>
    public (Symbol Symbol, Resolution? Resolution, CsvFormat Format) Resolve(ParseResult parse, string path, string shownAs)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var named = CsvFileName.TryParse(path, out var fromName, out var reason) ? fromName : (CsvFileName?)null;
        Symbol symbol;
        if (parse.GetValue(_symbol) is { } text)
        {
            symbol = CliArguments.Symbol(text, "--symbol");
        }
        else if (named is { } n)
        {
            symbol = n.Symbol;
        }
        else
        {
            throw new UserInputException($"{shownAs}: {reason}; name the symbol with --symbol");
        }

        var resolution = parse.GetValue(_resolution) is { } r ? CliArguments.Resolution(r) : named?.Resolution;
        return (symbol, resolution, Enum.Parse<CsvFormat>(parse.GetValue(_format)!, ignoreCase: true));
    }
}
