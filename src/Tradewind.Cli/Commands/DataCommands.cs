using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Storage.PriceHistory;
using Symbol = Tradewind.Core.Market.Symbol;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind data</c>: import, list, show and export stored price history.</summary>
public static class DataCommands
{
    /// <summary>Builds the <c>data</c> command and its verbs.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var data = new Command("data", "Import, list, show and export stored price history.");
        data.Subcommands.Add(List(context));
        data.Subcommands.Add(Show(context));
        return data;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var command = new Command("list", "One row per stored symbol and resolution: first and last bar, row count.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var repository = new PriceHistoryRepository(await cli.OpenDatabaseAsync(ct));
            var summaries = await repository.ListAsync(ct);
            if (summaries.Count == 0)
            {
                await cli.Error.WriteLineAsync("no price history stored yet; import some with 'tradewind data import FILE'");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("symbol", "resolution", "first", "last", "rows");
            table.Columns[4].RightAligned();
            foreach (var s in summaries)
            {
                table.AddRow(
                    s.Symbol,
                    s.Resolution.ToString(),
                    BarTimeFormat.Format(s.First, s.Resolution, Symbol.Parse(s.Symbol)),
                    BarTimeFormat.Format(s.Last, s.Resolution, Symbol.Parse(s.Symbol)),
                    s.Rows.ToString("N0", CultureInfo.InvariantCulture));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var symbolArgument = new Argument<string>("SYMBOL") { Description = "The ticker, e.g. SPY." };
        var from = new Option<string?>("--from") { Description = "First date (yyyy-MM-dd) or instant (ISO 8601), inclusive." };
        var to = new Option<string?>("--to") { Description = "Last date (yyyy-MM-dd) or instant (ISO 8601), inclusive." };
        var resolution = new Option<string>("--resolution") { Description = "Bar length: 1m, 5m, 1h, 1d ...", DefaultValueFactory = _ => "1d" };
        var command = new Command("show", "Print the stored bars of one symbol.") { symbolArgument, from, to, resolution };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var symbol = CliArguments.Symbol(parse.GetValue(symbolArgument)!, "SYMBOL");
            var res = CliArguments.Resolution(parse.GetValue(resolution)!);
            var zone = BarTimeFormat.ZoneOf(symbol);
            var start = CliArguments.Time(parse.GetValue(from), "--from", endOfDay: false, res, zone);
            var end = CliArguments.Time(parse.GetValue(to), "--to", endOfDay: true, res, zone);
            var repository = new PriceHistoryRepository(await cli.OpenDatabaseAsync(ct));
            var bars = await repository.LoadAsync(symbol, res, start, end, ct);
            if (bars.Count == 0)
            {
                throw new UserInputException(
                    $"no {res} bars stored for {symbol}{(start is null && end is null ? "" : " in that range")}; 'tradewind data list' shows what is stored");
            }

            var table = new Table().AddColumns(res.IsDateBased ? "date" : "time", "open", "high", "low", "close", "volume");
            if (bars.HasAdjClose)
            {
                table.AddColumn("adj_close");
            }

            foreach (var column in table.Columns.Skip(1))
            {
                column.RightAligned();
            }

            for (var i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                var cells = new List<string>
                {
                    BarTimeFormat.Format(bar.Time, res, symbol),
                    Number(bar.Open), Number(bar.High), Number(bar.Low), Number(bar.Close), Number(bar.Volume),
                };
                if (bars.HasAdjClose)
                {
                    cells.Add(bar.AdjClose is { } adj ? Number(adj) : "");
                }

                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
