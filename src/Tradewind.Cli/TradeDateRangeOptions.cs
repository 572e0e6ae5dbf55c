using System.CommandLine;

namespace Tradewind.Cli;

/// <summary>The --from/--to options of the commands that list stored rows by trading date, and how they are read.</summary>
public sealed class TradeDateRangeOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First trading date, yyyy-MM-dd (inclusive; default: the first stored)." };
    private readonly Option<string?> _to = new("--to") { Description = "Last trading date, yyyy-MM-dd (inclusive; default: the last stored)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_from);
        command.Options.Add(_to);
    }

    /// <summary>The given range; a malformed date or --from after --to is a user error naming the option.</summary>
    public TradeDateRange Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var fromText = parse.GetValue(_from);
        var toText = parse.GetValue(_to);
        var from = fromText is null ? (DateOnly?)null : CliArguments.Date(fromText, "--from");
        var to = toText is null ? (DateOnly?)null : CliArguments.Date(toText, "--to");
        if (from > to)
        {
            throw new UserInputException($"--from {fromText} is after --to {toText}; give a --from on or before --to (both dates are included)");
        }

        return new TradeDateRange(from, to);
    }
}
