using System.Text;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>
/// The columns of each <see cref="BacktestTable"/> and its rows, read from a run's journal. Times are bar times as
/// <see cref="BarTimeFormat"/> shows them (dates for daily bars, exchange-local ISO 8601 otherwise); money is exact.
/// </summary>
internal static class BacktestTables
{
    private static readonly string[] TradeColumns =
        ["symbol", "entry_time", "entry_price", "exit_time", "exit_price", "quantity", "pnl", "return", "r_multiple", "bars_held", "exit_reason"];

    private static readonly string[] FillColumns =
        ["time", "symbol", "side", "quantity", "price", "commission", "order_id", "reason", "fill_point"];

    private static readonly string[] EquityColumns = ["time", "equity", "cash", "gross_exposure", "drawdown"];

    private static readonly string[] OrderColumns =
        ["order_id", "parent_id", "symbol", "side", "type", "sizing", "quantity", "limit_price", "stop_price", "reason", "placed_at", "status", "status_time", "fill_price", "note"];

    private static readonly string[] PositionColumns =
        ["symbol", "quantity", "average_cost", "last_price", "last_price_time", "entry_time", "market_value", "unrealized_pnl"];

    /// <summary>The column names of <paramref name="table"/>, in order.</summary>
    public static IReadOnlyList<string> Columns(BacktestTable table) => table switch
    {
        BacktestTable.Trades => TradeColumns,
        BacktestTable.Fills => FillColumns,
        BacktestTable.Equity => EquityColumns,
        BacktestTable.Orders => OrderColumns,
        BacktestTable.Positions => PositionColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "unknown table"),
    };

    /// <summary>Sends every row of <paramref name="table"/> of <paramref name="result"/> to <paramref name="sink"/>.</summary>
    public static void Write(BacktestTable table, BacktestResult result, ITableSink sink)
    {
        var journal = result.Journal;
        var resolution = result.Resolution;
        switch (table)
        {
            case BacktestTable.Trades:
                foreach (var trade in journal.ClosedTrades)
                {
                    sink.Text(trade.Symbol.Ticker);
                    sink.Text(BarTimeFormat.Format(trade.EntryTime, resolution, trade.Symbol));
                    sink.Number(trade.EntryPrice);
                    sink.Text(BarTimeFormat.Format(trade.ExitTime, resolution, trade.Symbol));
                    sink.Number(trade.ExitPrice);
                    sink.Number(trade.Quantity);
                    sink.Number(trade.ProfitLoss);
                    sink.Number(trade.Return);
                    sink.Number(trade.RMultiple);
                    sink.Integer(trade.BarsHeld);
                    sink.Text(trade.ExitReason);
                    sink.EndRow();
                }

                break;
            case BacktestTable.Fills:
                foreach (var (fill, point) in journal.Fills)
                {
                    sink.Text(BarTimeFormat.Format(fill.Time, resolution, fill.Symbol));
                    sink.Text(fill.Symbol.Ticker);
                    sink.Text(Name(fill.Side));
                    sink.Number(fill.Quantity);
                    sink.Number(fill.Price);
                    sink.Number(fill.Commission);
                    sink.Integer(fill.OrderId);
                    sink.Text(fill.Reason);
                    sink.Text(Name(point));
                    sink.EndRow();
                }

                break;
            case BacktestTable.Equity:
                var curve = journal.Equity;
                var first = result.Symbols[0];
                for (var i = 0; i < curve.Count; i++)
                {
                    sink.Text(BarTimeFormat.Format(curve.Time[i], resolution, first));
                    sink.Number(curve.Equity[i]);
                    sink.Number(curve.Cash[i]);
                    sink.Number(curve.GrossExposure[i]);
                    sink.Number(curve.Drawdown[i]);
                    sink.EndRow();
                }

                break;
            case BacktestTable.Orders:
                foreach (var order in journal.Orders)
                {
                    sink.Integer(order.Id);
                    sink.Integer(order.ParentId);
                    sink.Text(order.Symbol.Ticker);
                    sink.Text(Name(order.Side));
                    sink.Text(Name(order.Type));
                    sink.Text(order.Sizing);
                    sink.Number(order.Quantity);
                    sink.Number(order.LimitPrice);
                    sink.Number(order.StopPrice);
                    sink.Text(order.Reason);
                    sink.Text(BarTimeFormat.Format(order.PlacedAt, resolution, order.Symbol));
                    sink.Text(Name(order.Status));
                    sink.Text(order.StatusTime is { } at ? BarTimeFormat.Format(at, resolution, order.Symbol) : null);
                    sink.Number(order.FillPrice);
                    sink.Text(order.Note);
                    sink.EndRow();
                }

                break;
            case BacktestTable.Positions:
                foreach (var position in result.OpenPositions)
                {
                    sink.Text(position.Symbol.Ticker);
                    sink.Number(position.Quantity);
                    sink.Number(position.AverageCost);
                    sink.Number(position.LastPrice);
                    sink.Text(BarTimeFormat.Format(position.LastPriceTime, resolution, position.Symbol));
                    sink.Text(BarTimeFormat.Format(position.EntryTime, resolution, position.Symbol));
                    sink.Number(position.MarketValue);
                    sink.Number(position.UnrealizedPnL);
                    sink.EndRow();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, "unknown table");
        }
    }

    /// <summary>An enum value as outputs spell it: lowercase words joined by '-' (StopLimit → stop-limit).</summary>
    internal static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var name = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(text[i]));
        }

        return name.ToString();
    }
}
