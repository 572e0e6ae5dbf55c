using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core.Market;
using Tradewind.Core.Time;
using Tradewind.Data.Csv;
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
        data.Subcommands.Add(Import(context));
        data.Subcommands.Add(List(context));
        data.Subcommands.Add(Show(context));
        data.Subcommands.Add(Export(context));
        return data;
    }

    private static Command Import(Func<ParseResult, CliContext> context)
    {
        var files = new Argument<string[]>("FILE") { Description = "CSV files to import.", Arity = ArgumentArity.OneOrMore };
        var fileOptions = new PriceFileOptions("Only with one file.");
        var command = new Command("import", "Import CSV price files into the database. Every file is checked first; any bad row stores nothing at all. Re-importing the same file changes nothing.")
        {
            files,
        };
        fileOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var paths = parse.GetValue(files)!;
            if (fileOptions.HasSymbol(parse) && paths.Length > 1)
            {
                throw new UserInputException("--symbol names one symbol but several files were given; import them one at a time, or name each file after its symbol (SPY.csv)");
            }

            // Read and check every file before anything is stored: one bad file stores nothing of any file.
            var series = new List<(string Path, BarSeries Bars)>();
            var problems = new List<string>();
            foreach (var path in paths)
            {
                var full = cli.ResolvePath(path);
                try
                {
                    var (symbol, resolution, format) = fileOptions.Resolve(parse, full, path);
                    if (!File.Exists(full))
                    {
                        throw new UserInputException($"{path}: file not found");
                    }

                    var bars = await CsvBarReader.ReadFileAsync(full, symbol, resolution, format, ct);
                    series.Add((path, bars));
                }
                catch (Exception ex) when (ex is CsvImportException or UserInputException)
                {
                    problems.Add(ex.Message);
                }
            }

            foreach (var duplicate in series.GroupBy(s => (s.Bars.Symbol.Ticker, s.Bars.Resolution)).Where(g => g.Count() > 1))
            {
                problems.Add($"{string.Join(" and ", duplicate.Select(d => d.Path))} hold the same symbol and resolution ({duplicate.Key.Ticker} {duplicate.Key.Resolution}); import one of them, or give each its own --symbol");
            }

            if (problems.Count > 0)
            {
                throw new UserInputException(string.Join(Environment.NewLine, problems) + Environment.NewLine + "nothing was imported");
            }

            foreach (var (path, bars) in series)
            {
                if (OffCalendarDates(bars) is { Count: > 0 } off)
                {
                    await cli.Error.WriteLineAsync(
                        $"warning: {path}: {off.Count} bar(s) of {bars.Symbol} fall on dates {TradingCalendars.For(bars.Symbol.AssetClass).Name} does not trade: " +
                        string.Join(", ", off.Take(5).Select(d => $"{d:yyyy-MM-dd} ({TradingCalendars.For(bars.Symbol.AssetClass).ClosureReason(d)})")) +
                        (off.Count > 5 ? ", ..." : "") + "; they are imported as given");
                }
            }

            var repository = new PriceHistoryRepository(await cli.OpenDatabaseAsync(ct));
            var results = await repository.UpsertAsync(series.Select(s => s.Bars).ToList(), ct);

            var table = new Table().AddColumns("file", "symbol", "resolution", "first", "last", "rows", "new", "changed", "unchanged");
            foreach (var column in table.Columns.Skip(5))
            {
                column.RightAligned();
            }

            for (var i = 0; i < results.Count; i++)
            {
                var (path, bars) = series[i];
                var result = results[i];
                table.AddRow(
                    Markup.Escape(path), bars.Symbol.Ticker, bars.Resolution.ToString(),
                    BarTimeFormat.Format(bars.Time[0], bars.Resolution, bars.Symbol),
                    BarTimeFormat.Format(bars.Time[bars.Count - 1], bars.Resolution, bars.Symbol),
                    Count(result.Rows), Count(result.Inserted), Count(result.Updated), Count(result.Unchanged));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CliContext> context)
    {
        var selection = new StoredBarsSelection();
        var output = new Option<string>("--output") { Description = "The CSV file to write (Tradewind's normalized format).", Required = true };
        var command = new Command("export", "Write the stored bars of one symbol to a CSV file that 'data import' reads back unchanged.") { output };
        selection.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var bars = await selection.LoadAsync(parse, cli, ct);
            var path = cli.ResolvePath(parse.GetValue(output)!);
            await TradewindCsvWriter.WriteFileAsync(bars, path, ct);
            await cli.Error.WriteLineAsync($"wrote {Count(bars.Count)} {bars.Resolution} bars of {bars.Symbol} to {parse.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Daily bars on a weekend or holiday usually mean a vendor's mistake or a wrong symbol; say so, but keep them.
    private static List<DateOnly> OffCalendarDates(BarSeries bars)
    {
        var off = new List<DateOnly>();
        if (bars.Resolution != Resolution.Daily)
        {
            return off;
        }

        var calendar = TradingCalendars.For(bars.Symbol.AssetClass);
        foreach (var time in bars.Time)
        {
            var date = DateOnly.FromDateTime(time);
            if (calendar.IsSupported(date) && !calendar.IsTradingDay(date))
            {
                off.Add(date);
            }
        }

        return off;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

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
        var selection = new StoredBarsSelection();
        var command = new Command("show", "Print the stored bars of one symbol.");
        selection.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var bars = await selection.LoadAsync(parse, cli, ct);
            var res = bars.Resolution;
            var symbol = bars.Symbol;
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
