using System.CommandLine;
using Tradewind.Cli.Listings;
using Tradewind.Core.Execution;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Storage.PaperTrading;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind trades</c>: the capital allocator's paper trades, as stored.</summary>
public static class TradesCommand
{
    /// <summary>Builds the <c>trades</c> command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var range = new TradeDateRangeOptions();
        var format = new ListingFormatOption(
            "Output: table (default), csv or json (for scripts: the database's column names, decimals exactly as stored).",
            ListingFormat.Table, ListingFormat.Csv, ListingFormat.Json);
        var command = new Command("trades", "The capital allocator's paper trades, oldest first: date, symbol, action, quantity, price, amount and the signal each executed.");
        range.AddTo(command);
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var dates = range.Read(parse);
            var chosen = format.Get(parse);
            var repository = new PaperAccountRepository(await cli.OpenDatabaseAsync(ct));
            var trades = await repository.ListTradesAsync(CapitalAllocatorParameters.StrategyName, dates.From, dates.To, ct);

            var listing = new Listing(
                new ListingColumn("trade_date"),
                new ListingColumn("symbol"),
                new ListingColumn("action"),
                new ListingColumn("quantity", Numeric: true),
                new ListingColumn("price", Numeric: true),
                new ListingColumn("amount", Numeric: true),
                new ListingColumn("signal_id", Numeric: true));
            foreach (var trade in trades)
            {
                listing.Add(
                    ListingCell.Date(trade.TradeDate),
                    ListingCell.Text(trade.Symbol),
                    ListingCell.Text(trade.Action == OrderSide.Buy ? "BUY" : "SELL"),
                    ListingCell.Number(trade.Quantity),
                    ListingCell.Number(trade.Price),
                    ListingCell.Number(trade.Amount),
                    ListingCell.Integer(trade.SignalId));
            }

            if (trades.Count == 0)
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
        return command;
    }

    // An empty range says what is there instead, so the next try is not a guess.
    private static async Task<string> NothingListedAsync(PaperAccountRepository repository, TradeDateRange dates, CancellationToken ct)
    {
        var all = dates.IsEverything ? [] : await repository.ListTradesAsync(CapitalAllocatorParameters.StrategyName, cancellationToken: ct);
        return all.Count == 0
            ? "no trades stored yet; the execute job makes them at the open ('tradewind run-day' runs it)"
            : $"no trades {dates.Describe()}; trades are stored from {all[0].TradeDate:yyyy-MM-dd} to {all[^1].TradeDate:yyyy-MM-dd}";
    }
}
