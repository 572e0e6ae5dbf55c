using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tradewind.Cli.Listings;
using Tradewind.Cli.Valuation;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind portfolio</c>: the capital allocator's paper account valued at the latest stored closes.</summary>
public static class PortfolioCommand
{
    /// <summary>Builds the <c>portfolio</c> command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var format = new ListingFormatOption(
            "Output: table (default), csv (one row per position) or json (the positions and the account's totals).",
            ListingFormat.Table, ListingFormat.Csv, ListingFormat.Json);
        var command = new Command(
            "portfolio",
            "The capital allocator's paper account: each position with its cost, last stored close, market value, unrealized P&L and weight; then cash, total deposits, total value and the P&L against the deposits.");
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var chosen = format.Get(parse);
            var database = await cli.OpenDatabaseAsync(ct);
            var account = await new PaperAccountRepository(database).LoadAsync(CapitalAllocatorParameters.StrategyName, ct);
            var closes = await LatestClose.LoadAsync(new PriceHistoryRepository(database), account.Positions.Select(p => p.Symbol), ct);
            var valuation = new AccountValuation(account, closes);

            if (account.LastExecutedDate is null)
            {
                await cli.Error.WriteLineAsync(
                    "no executions yet: run 'tradewind run-day' (or its execute job) to pay in the first daily capital and trade the day's signal");
            }

            foreach (var position in valuation.Positions.Where(p => !p.IsPriced))
            {
                await cli.Error.WriteLineAsync(
                    $"warning: {position.Position.Symbol} has no daily close stored, so it is valued at cost; 'tradewind fetch' or 'tradewind data import' stores prices");
            }

            var listing = Positions(valuation);
            switch (chosen)
            {
                case ListingFormat.Csv:
                    listing.WriteCsv(cli.Output);
                    break;
                case ListingFormat.Json:
                    await JsonOutput.WriteAsync(cli.Output, writer => WriteJson(writer, valuation, listing));
                    break;
                default:
                    if (account.LastExecutedDate is not null)
                    {
                        PrintTables(cli, valuation, listing);
                    }

                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Listing Positions(AccountValuation valuation)
    {
        var listing = new Listing(
            new ListingColumn("symbol"),
            new ListingColumn("quantity", Numeric: true),
            new ListingColumn("average_cost", Numeric: true),
            new ListingColumn("cost", Numeric: true),
            new ListingColumn("last_close", Numeric: true),
            new ListingColumn("last_close_date"),
            new ListingColumn("market_value", Numeric: true),
            new ListingColumn("unrealized_pnl", Numeric: true),
            new ListingColumn("unrealized_pnl_pct", Numeric: true),
            new ListingColumn("weight_pct", Numeric: true),
            new ListingColumn("priced"));
        foreach (var p in valuation.Positions)
        {
            var weight = valuation.WeightPercent(p);
            listing.Add(
                ListingCell.Text(p.Position.Symbol),
                ListingCell.Number(p.Position.Quantity),
                // Stored exactly (a 28-digit quotient after several buys); the table shows at most 4 decimals.
                ListingCell.Number(p.Position.AverageCost, decimal.Round(p.Position.AverageCost, 4) is var shown && shown != p.Position.AverageCost
                    ? shown.ToString("0.0000", CultureInfo.InvariantCulture)
                    : null),
                ListingCell.Number(p.Cost, Money(p.Cost)),
                p.LastClose is { } close ? ListingCell.Number(close.Close) : ListingCell.Missing("none stored"),
                p.LastClose is { } dated ? ListingCell.Date(dated.Date) : ListingCell.Empty,
                ListingCell.Number(p.MarketValue, Money(p.MarketValue)),
                ListingCell.Number(p.UnrealizedPnl, SignedMoney(p.UnrealizedPnl)),
                ListingCell.Number(p.UnrealizedPnlPercent, Percent(p.UnrealizedPnlPercent)),
                ListingCell.Number(weight, weight is { } w ? Percent(w, signed: false) : ""),
                ListingCell.Boolean(p.IsPriced, p.IsPriced ? "yes" : "NO: no close stored, valued at cost"));
        }

        return listing;
    }

    private static void PrintTables(CliContext cli, AccountValuation valuation, Listing positions)
    {
        if (positions.Count > 0)
        {
            cli.Console.Write(positions.ToTable());
        }
        else
        {
            cli.Console.WriteLine("no open positions: the account is all cash");
        }

        var account = new Table().AddColumns("account", "value");
        account.Columns[1].RightAligned();
        account.AddRow("cash", Money(valuation.Cash));
        account.AddRow("market value", Money(valuation.MarketValue));
        account.AddRow("total value", Money(valuation.TotalValue));
        account.AddRow("total deposits", Money(valuation.TotalDeposits));
        account.AddRow(
            "total P&L vs deposits",
            SignedMoney(valuation.TotalPnl) + (valuation.TotalPnlPercent is { } pct ? $" ({Percent(pct)})" : ""));
        account.AddRow("last executed", $"{valuation.Account.LastExecutedDate:yyyy-MM-dd}");
        cli.Console.Write(account);
    }

    private static void WriteJson(Utf8JsonWriter writer, AccountValuation valuation, Listing positions)
    {
        writer.WriteStartObject();
        writer.WriteString("strategy", valuation.Account.Strategy);
        writer.WritePropertyName("last_executed_date");
        (valuation.Account.LastExecutedDate is { } last ? ListingCell.Date(last) : ListingCell.Empty).WriteTo(writer);
        writer.WritePropertyName("positions");
        positions.WriteJson(writer);
        foreach (var (name, value) in new (string, decimal?)[]
        {
            ("cash", valuation.Cash),
            ("market_value", valuation.MarketValue),
            ("total_value", valuation.TotalValue),
            ("total_deposits", valuation.TotalDeposits),
            ("total_pnl", valuation.TotalPnl),
            ("total_pnl_pct", valuation.TotalPnlPercent),
        })
        {
            writer.WritePropertyName(name);
            ListingCell.Number(value).WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string SignedMoney(decimal value) => (value > 0 ? "+" : "") + Money(value);

    private static string Percent(decimal value, bool signed = true) =>
        (signed && value > 0 ? "+" : "") + value.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
