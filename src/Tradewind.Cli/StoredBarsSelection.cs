using System.CommandLine;
using Tradewind.Core.Market;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Cli;

/// <summary>
/// Which stored bars a command reads: the SYMBOL argument, --resolution and the inclusive --from/--to
/// range, shared by every command that reads price history, and the one way to load them.
/// </summary>
public sealed class StoredBarsSelection
{
    private readonly Argument<string> _symbol = new("SYMBOL") { Description = "The ticker, e.g. SPY." };
    private readonly Option<string> _resolution = new("--resolution") { Description = "Bar length: 1m, 5m, 1h, 1d, 1w ...", DefaultValueFactory = _ => "1d" };
    private readonly Option<string?> _from = new("--from") { Description = "First date (yyyy-MM-dd: that trading date; for intraday bars the exchange-local day) or ISO 8601 instant with offset, inclusive." };
    private readonly Option<string?> _to = new("--to") { Description = "Last date or instant, inclusive (as --from)." };

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(_symbol);
        command.Options.Add(_resolution);
        command.Options.Add(_from);
        command.Options.Add(_to);
    }

    /// <summary>Loads the selected bars; no bar at all is a user error that points to <c>data list</c>.</summary>
    public async Task<BarSeries> LoadAsync(ParseResult parse, CliContext cli, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(cli);
        var symbol = CliArguments.Symbol(parse.GetValue(_symbol)!, "SYMBOL");
        var resolution = CliArguments.Resolution(parse.GetValue(_resolution)!);
        var zone = BarTimeFormat.ZoneOf(symbol);
        var fromText = parse.GetValue(_from);
        var toText = parse.GetValue(_to);
        var start = CliArguments.Time(fromText, "--from", endOfDay: false, resolution, zone);
        var end = CliArguments.Time(toText, "--to", endOfDay: true, resolution, zone);
        if (start > end)
        {
            throw new UserInputException($"--to {toText} is before --from {fromText}");
        }

        var repository = new PriceHistoryRepository(await cli.OpenDatabaseAsync(cancellationToken));
        var bars = await repository.LoadAsync(symbol, resolution, start, end, cancellationToken);
        if (bars.Count == 0)
        {
            throw new UserInputException(
                $"no {resolution} bars stored for {symbol}{(start is null && end is null ? "" : " in that range")}; 'tradewind data list' shows what is stored");
        }

        return bars;
    }
}
