using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Jobs.Demo;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind demo</c>: the capital allocator run day by day over the last two years of a simulated market (or of
/// real CSVs with --data), in a workspace of its own, with no network and no key.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the <c>demo</c> command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dir = new Option<string>("--dir") { Description = "The workspace folder: database, report.html and trades.csv go there.", DefaultValueFactory = _ => "tradewind-demo" };
        var data = new Option<string?>("--data") { Description = "A folder of real daily CSVs (SPY.csv, QQQ.csv, DIA.csv) to use instead of the simulated market." };
        var end = new Option<string?>("--end") { Description = "The last trading day to run, yyyy-MM-dd (default: the last session before today for simulated data, the files' end for --data)." };
        var years = new Option<int>("--years") { Description = "Years of trading days run day by day.", DefaultValueFactory = _ => 2 };
        var command = new Command("demo", "Run the capital allocator day by day over the last two years with the daily jobs (signal, execute) on simulated prices, in a workspace of its own, and summarize. No network, no key.")
        {
            dir, data, end, years,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var request = new DemoRequest
            {
                Directory = parse.GetValue(dir)!,
                DataDirectory = parse.GetValue(data),
                End = parse.GetValue(end) is { } text ? CliArguments.Date(text, "--end") : null,
                Years = parse.GetValue(years),
            };
            var summary = await new DemoJob(cli.JobEnvironment()).RunAsync(request, null, ct);
            await PrintAsync(cli, summary, request);
            if (!summary.ParityHolds)
            {
                // The daily jobs and the backtest are one decision path; a difference is a defect, never noise.
                await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: the backtest of the same period made {summary.ParityTrades} trades that differ from the {summary.Trades} the daily jobs stored; please report this with the workspace"));
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task PrintAsync(CliContext cli, DemoSummary s, DemoRequest request)
    {
        var c = CultureInfo.InvariantCulture;
        if (s.Simulated)
        {
            await cli.Output.WriteLineAsync("SIMULATED PRICES: " + s.DataSource);
            await cli.Output.WriteLineAsync("These are not market data; the figures below say nothing about real markets.");
        }
        else
        {
            await cli.Output.WriteLineAsync("Prices: " + s.DataSource);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("capital allocator").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("period", string.Create(c, $"{s.First:yyyy-MM-dd} .. {s.Last:yyyy-MM-dd} ({s.TradingDays} trading days)"));
        table.AddRow("contributions", string.Create(c, $"{s.Contributions:N2}"));
        table.AddRow("final value", string.Create(c, $"{s.FinalValue:N2} (cash {s.Cash:N2})"));
        table.AddRow("profit / loss", string.Create(c, $"{s.ProfitLoss:N2} ({(s.Contributions == 0 ? 0 : s.ProfitLoss / s.Contributions):P2} of contributions)"));
        table.AddRow("time-weighted return", string.Create(c, $"{s.TimeWeightedReturn:P2}"));
        table.AddRow("max drawdown", string.Create(c, $"{s.MaxDrawdown:P2}"));
        table.AddRow("trades", s.Trades.ToString(c));
        table.AddRow("signals", string.Join(", ", s.Actions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => string.Create(c, $"{a.Key} {a.Value}"))));
        table.AddRow("regime", string.Join(", ", s.Regimes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => string.Create(c, $"{a.Key} {a.Value}"))));
        table.AddRow("SPY, same contributions", string.Create(c, $"{s.BenchmarkValue:N2}"));
        table.AddRow("backtest, same period", s.ParityHolds
            ? string.Create(c, $"{s.ParityTrades} trades, identical to the jobs'")
            : string.Create(c, $"{s.ParityTrades} trades, DIFFERENT"));
        cli.Console.Write(table);

        await cli.Output.WriteLineAsync();
        await cli.Output.WriteLineAsync($"database:  {s.DatabasePath}");
        await cli.Output.WriteLineAsync($"trades:    {s.TradesPath}");
        if (File.Exists(s.ReportPath))
        {
            await cli.Output.WriteLineAsync($"report:    {s.ReportPath}");
        }

        var db = $"--db {Quote(s.DatabasePath)}";
        await cli.Output.WriteLineAsync();
        await cli.Output.WriteLineAsync("Try next:");
        await cli.Output.WriteLineAsync($"  tradewind {db} portfolio                      # positions, cost, value, cash, deposits");
        await cli.Output.WriteLineAsync($"  tradewind {db} signals --from {s.Last.AddDays(-14):yyyy-MM-dd}     # the last decisions");
        await cli.Output.WriteLineAsync($"  tradewind {db} signals show {s.Last:yyyy-MM-dd}       # every input of one decision");
        await cli.Output.WriteLineAsync($"  tradewind {db} trades --from {s.Last.AddDays(-14):yyyy-MM-dd} --format csv");
        if (request.DataDirectory is null)
        {
            await cli.Output.WriteLineAsync("  tradewind demo --dir real-demo --data ../shared/data/daily   # the same on real daily CSVs (SPY.csv, QQQ.csv, DIA.csv)");
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
