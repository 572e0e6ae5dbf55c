using System.CommandLine;
using System.Globalization;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Data.Files;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind indicators</c>: compute indicators over a CSV price file into a CSV file.</summary>
public static class IndicatorsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var input = new Option<string>("--input") { Description = "The price file (any format 'data import' reads).", Required = true };
        var indicators = new Option<string[]>("--indicator")
        {
            Description = $"An indicator SPEC, repeatable: sma:20, ema:20, rsi:14, atr:14, bb:20,2, macd:12,26,9, roc:20, stdev:20, vol:20, ret:20, stoch:14,3, obv, vwap. Known: {string.Join(", ", IndicatorSpec.KnownNames)}.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output") { Description = "The CSV file to write.", Required = true };
        var fileOptions = new PriceFileOptions("It decides the exchange time zone of timestamps and VWAP sessions.");
        var command = new Command("indicators", "Compute indicators over a price file and write one CSV column per indicator output (empty during warm-up).")
        {
            input, indicators, output,
        };
        fileOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var specs = ParseSpecs(parse.GetValue(indicators)!);
            var path = parse.GetValue(input)!;
            var full = cli.ResolvePath(path);
            if (!File.Exists(full))
            {
                throw new UserInputException($"--input: {path}: file not found");
            }

            var (symbol, resolution, format) = fileOptions.Resolve(parse, full, path);
            var bars = await CsvBarReader.ReadFileAsync(full, symbol, resolution, format, ct);
            var zone = BarTimeFormat.ZoneOf(symbol);
            var columns = specs.SelectMany(s => s.Compute(bars, zone)).ToList();

            var outputPath = cli.ResolvePath(parse.GetValue(output)!);
            await AtomicFile.WriteAsync(outputPath, writer => WriteAsync(writer, bars, columns), ct);
            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {bars.Count} rows of {symbol} {bars.Resolution} with {string.Join(", ", columns.Select(c => c.Name))} to {parse.GetValue(output)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<IndicatorSpec> ParseSpecs(string[] texts)
    {
        var specs = new List<IndicatorSpec>();
        var errors = new List<string>();
        foreach (var text in texts)
        {
            if (IndicatorSpec.TryParse(text, out var spec, out var error))
            {
                specs.Add(spec);
            }
            else
            {
                errors.Add($"--indicator: {error}");
            }
        }

        var duplicates = specs.SelectMany(s => s.ColumnNames).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors.Add($"--indicator: the column(s) {string.Join(", ", duplicates)} would be written twice; give each indicator once");
        }

        return errors.Count == 0 ? specs : throw new UserInputException(string.Join(Environment.NewLine, errors));
    }

    private static async Task WriteAsync(TextWriter writer, BarSeries bars, List<IndicatorColumn> columns)
    {
        await writer.WriteAsync(bars.Resolution.IsDateBased ? "date" : "timestamp");
        foreach (var column in columns)
        {
            await writer.WriteAsync(',');
            await writer.WriteAsync(column.Name);
        }

        await writer.WriteLineAsync();
        var buffer = new char[64];
        for (var i = 0; i < bars.Count; i++)
        {
            await writer.WriteAsync(BarTimeFormat.Format(bars.Time[i], bars.Resolution, bars.Symbol));
            foreach (var column in columns)
            {
                await writer.WriteAsync(',');
                var value = column.Values[i];
                // Warm-up cells stay empty; values use the shortest text that parses back to the same double.
                if (!double.IsNaN(value) && value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
                {
                    await writer.WriteAsync(buffer.AsMemory(0, written));
                }
            }

            await writer.WriteLineAsync();
        }
    }
}
