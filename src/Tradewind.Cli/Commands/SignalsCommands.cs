using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tradewind.Cli.Listings;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Storage.Signals;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind signals [show DATE]</c>: the capital allocator's stored daily signals.</summary>
public static class SignalsCommands
{
    /// <summary>Builds the <c>signals</c> command (it lists) and its <c>show</c> verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var range = new TradeDateRangeOptions();
        var format = new ListingFormatOption(
            "Output: table (default), csv or json (for scripts: the database's column names and the features' keys, numbers exactly as stored).",
            ListingFormat.Table, ListingFormat.Csv, ListingFormat.Json);
        var signals = new Command(
            "signals",
            "The capital allocator's daily signals, oldest first: action, confidence, the regime and risk it saw, the share of the daily capital it put to work and the dollars per asset. 'signals show DATE' prints one whole.");
        range.AddTo(signals);
        format.AddTo(signals);
        signals.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var dates = range.Read(parse);
            var chosen = format.Get(parse);
            var repository = new DailySignalRepository(await cli.OpenDatabaseAsync(ct));
            var stored = await repository.ListAsync(CapitalAllocatorParameters.StrategyName, dates.From, dates.To, ct);
            var listing = SignalListing(stored);
            if (stored.Count == 0)
            {
                await cli.Error.WriteLineAsync(await NothingListedAsync(repository, dates, ct));
                if (chosen == ListingFormat.Table)
                {
                    return ExitCodes.Ok;
                }
            }

            await listing.PrintAsync(cli, chosen);
            return ExitCodes.Ok;
        });
        signals.Subcommands.Add(Show(context));
        return signals;
    }

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var date = new Argument<string>("DATE") { Description = "The trading date, yyyy-MM-dd." };
        var format = new ListingFormatOption(
            "Output: json (default: the stored row, allocations and features_used indented, every number as stored) or table.",
            ListingFormat.Json, ListingFormat.Table);
        var command = new Command("show", "The stored signal of one trading date: every column, with its allocations and the features it used.") { date };
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var day = CliArguments.Date(parse.GetValue(date)!, "DATE");
            var repository = new DailySignalRepository(await cli.OpenDatabaseAsync(ct));
            var signal = await repository.GetAsync(CapitalAllocatorParameters.StrategyName, day, ct);
            if (signal is null)
            {
                var all = await repository.ListAsync(CapitalAllocatorParameters.StrategyName, cancellationToken: ct);
                throw new UserInputException(all.Count == 0
                    ? $"no signal stored for {day:yyyy-MM-dd}; none stored yet (the signal job stores one per trading day: 'tradewind run-day')"
                    : $"no signal stored for {day:yyyy-MM-dd}; signals exist from {all[0].TradeDate:yyyy-MM-dd} to {all[^1].TradeDate:yyyy-MM-dd} ('tradewind signals' lists them)");
            }

            var fields = new (string Name, ListingCell Value)[]
            {
                ("id", ListingCell.Integer(signal.Id)),
                ("strategy", ListingCell.Text(signal.Strategy)),
                ("trade_date", ListingCell.Date(signal.TradeDate)),
                ("model_type", ListingCell.Text(signal.ModelType)),
                ("action", ListingCell.Text(ActionText(signal.Action))),
                ("confidence_score", ListingCell.Number(signal.ConfidenceScore)),
                ("allocations", ListingCell.Json(signal.Allocations, JsonOutput.Indent(signal.Allocations))),
                ("features_used", ListingCell.Json(signal.FeaturesUsed, JsonOutput.Indent(signal.FeaturesUsed))),
                ("config_version_id", ListingCell.Integer(signal.ConfigVersionId)),
                ("created_at", ListingCell.Time(signal.CreatedAt)),
            };
            if (format.Get(parse) == ListingFormat.Json)
            {
                await JsonOutput.WriteAsync(cli.Output, writer =>
                {
                    writer.WriteStartObject();
                    foreach (var (name, value) in fields)
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("column", "value");
            foreach (var (name, value) in fields)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value.Shown));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Listing SignalListing(IReadOnlyList<DailySignalRecord> signals)
    {
        var listing = new Listing(
            new ListingColumn("id", Numeric: true),
            new ListingColumn("trade_date"),
            new ListingColumn("action"),
            new ListingColumn("confidence_score", Numeric: true),
            new ListingColumn("regime", Numeric: true),
            new ListingColumn("risk", Numeric: true),
            new ListingColumn("allocation_pct", Numeric: true),
            new ListingColumn("allocations"),
            new ListingColumn("config_version_id", Numeric: true));
        foreach (var signal in signals)
        {
            using var features = JsonDocument.Parse(signal.FeaturesUsed);
            var root = features.RootElement;
            listing.Add(
                ListingCell.Integer(signal.Id),
                ListingCell.Date(signal.TradeDate),
                ListingCell.Text(ActionText(signal.Action)),
                ListingCell.Number(signal.ConfidenceScore, Rounded(signal.ConfidenceScore)),
                Feature(root, "regime"),
                Feature(root, "risk"),
                Feature(root, "allocation_pct"),
                ListingCell.Json(signal.Allocations, string.Join(", ", signal.ReadAllocations().Select(a => $"{a.Key} {a.Value.ToString(CultureInfo.InvariantCulture)}"))),
                ListingCell.Integer(signal.ConfigVersionId));
        }

        return listing;
    }

    /// <summary>
    /// A top-level key of features_used as stored: a number keeps its written digits (the table rounds it), text is
    /// text, an object with a "score" (as risk may be written, with its components) gives that score, absent is empty.
    /// </summary>
    private static ListingCell Feature(JsonElement features, string key)
    {
        if (!features.TryGetProperty(key, out var value))
        {
            return ListingCell.Empty;
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("score", out var score))
        {
            value = score;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => ListingCell.Json(value.GetRawText(), Rounded(value.GetDouble())),
            JsonValueKind.String => ListingCell.Text(value.GetString()),
            JsonValueKind.Null => ListingCell.Empty,
            _ => ListingCell.Json(value.GetRawText()),
        };
    }

    // Scores are doubles with up to 17 digits; four decimals are what a reader compares. csv and json keep them all.
    private static string Rounded(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string ActionText(SignalAction action) => action switch
    {
        SignalAction.Buy => "BUY",
        SignalAction.Sell => "SELL",
        SignalAction.Hold => "HOLD",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    // An empty range says what is there instead, so the next try is not a guess.
    private static async Task<string> NothingListedAsync(DailySignalRepository repository, TradeDateRange dates, CancellationToken ct)
    {
        var all = dates.IsEverything ? [] : await repository.ListAsync(CapitalAllocatorParameters.StrategyName, cancellationToken: ct);
        return all.Count == 0
            ? "no signals stored yet; the signal job stores one per trading day before the open ('tradewind run-day' runs it)"
            : $"no signals {dates.Describe()}; signals are stored from {all[0].TradeDate:yyyy-MM-dd} to {all[^1].TradeDate:yyyy-MM-dd}";
    }
}
