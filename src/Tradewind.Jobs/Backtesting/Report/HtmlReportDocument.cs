using System.Globalization;
using System.Net;
using NodaTime;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Jobs.Backtesting.Outputs;

namespace Tradewind.Jobs.Backtesting.Report;

/// <summary>
/// The run as one self-contained HTML page (<c>--report</c>): inline CSS, inline SVG charts of the equity curve and the
/// drawdown drawn in C# (styled by their own attributes, so each is right without the page's CSS too), the monthly
/// returns table (year × month, plus the year), the statistics, the positions open at the end and the trade list. No
/// script, font or style sheet is fetched, so it opens offline; every text from the run is HTML-escaped.
/// </summary>
public sealed class HtmlReportDocument : BacktestDocument
{
    /// <summary>The most trades listed; the rest are in the trades CSV (<c>--output</c>).</summary>
    public const int MaxTradeRows = 1000;

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private const string Style = """
        :root { color-scheme: light; --fg: #1d2733; --muted: #5b6b7c; --line: #d9e0e7; --accent: #1f6feb; --pos: #1a7f37; --neg: #cf222e; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1040px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: #fff; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        p.meta { color: var(--muted); margin: 0; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; }
        th { color: var(--muted); font-weight: 600; }
        table.stats { width: auto; min-width: 420px; }
        table.stats td:first-child { color: var(--muted); padding-right: 24px; }
        td.pos { color: var(--pos); } td.neg { color: var(--neg); }
        td.total { font-weight: 600; }
        .scroll { overflow-x: auto; }
        svg.chart { width: 100%; height: auto; display: block; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        """;

    /// <inheritdoc />
    public override string Name => "HTML report";

    /// <inheritdoc />
    public override string ContentType => "text/html; charset=utf-8";

    /// <inheritdoc />
    public override async Task RenderAsync(BacktestResult result, BacktestSummary summary, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var title = $"{summary.Strategy} on {string.Join(", ", summary.Symbols)}";
        await writer.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Backtest: {E(title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <header>
            <h1>{E(title)}</h1>
            <p class="meta">{E(summary.FormatTime(summary.Start))} to {E(summary.FormatTime(summary.End))} · {E(summary.Resolution.ToString())} bars · {E(summary.ParametersText.Length == 0 ? "no parameters" : summary.ParametersText)}</p>
            </header>

            """);

        var curve = result.Journal.Equity;
        await writer.WriteAsync("<section><h2>Equity</h2>\n");
        await writer.WriteAsync(SvgChart.Render(curve.Time, curve.Equity, "Equity curve", v => v.ToString(v == Math.Round(v) ? "N0" : "N2", CultureInfo.InvariantCulture), "equity", area: false));
        await writer.WriteAsync("\n</section>\n<section><h2>Drawdown</h2>\n");
        var drawdown = new double[curve.Count];
        for (var i = 0; i < drawdown.Length; i++)
        {
            drawdown[i] = -curve.Drawdown[i];
        }

        await writer.WriteAsync(SvgChart.Render(curve.Time, drawdown, "Drawdown from the running peak", v => Percent(v, "0.##"), "drawdown", area: true));
        await writer.WriteAsync("\n</section>\n");

        await writer.WriteAsync("<section><h2>Statistics</h2>\n<table class=\"stats\">\n");
        foreach (var (label, value) in summary.Figures())
        {
            await writer.WriteAsync($"<tr><td>{E(label)}</td><td>{E(value)}</td></tr>\n");
        }

        await writer.WriteAsync("</table>\n</section>\n");
        await WriteMonthlyReturnsAsync(writer, result);
        await WriteOpenPositionsAsync(writer, result);
        await WriteTradesAsync(writer, result);
        await writer.WriteAsync($"""
            <footer>Tradewind backtest {E(summary.RunId.ToString())}, made {E(summary.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}. Returns are fractions of equity after commissions and slippage.</footer>
            </body>
            </html>

            """);
    }

    private static async Task WriteMonthlyReturnsAsync(TextWriter writer, BacktestResult result)
    {
        var zone = result.Resolution.IsDateBased ? DateTimeZone.Utc : BarTimeFormat.ZoneOf(result.Symbols[0]);
        var returns = MonthlyReturns.Of(result.Journal.Equity, zone);
        await writer.WriteAsync("<section><h2>Monthly returns</h2>\n<div class=\"scroll\"><table class=\"monthly\">\n<tr><th>Year</th>");
        foreach (var month in MonthNames)
        {
            await writer.WriteAsync($"<th>{month}</th>");
        }

        await writer.WriteAsync("<th>Year</th></tr>\n");
        foreach (var year in returns.Years)
        {
            await writer.WriteAsync($"<tr><td>{year.Year.ToString(CultureInfo.InvariantCulture)}</td>");
            foreach (var month in year.Months)
            {
                await writer.WriteAsync(month is { } m ? $"<td class=\"{Sign(m)}\">{Percent(m, "N2")}</td>" : "<td></td>");
            }

            await writer.WriteAsync($"<td class=\"total {Sign(year.Total)}\">{Percent(year.Total, "N2")}</td></tr>\n");
        }

        await writer.WriteAsync("</table></div>\n</section>\n");
    }

    private static async Task WriteOpenPositionsAsync(TextWriter writer, BacktestResult result)
    {
        var positions = result.OpenPositions;
        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"<section><h2>Open positions ({positions.Count:N0})</h2>\n"));
        if (positions.Count == 0)
        {
            await writer.WriteAsync("<p class=\"meta\">No position was open at the end.</p>\n</section>\n");
            return;
        }

        await writer.WriteAsync("<p class=\"meta\">Held at the end and valued at their last close: not round trips, so not in the trade list, the win rate or the expectancy.</p>\n");
        await writer.WriteAsync("<div class=\"scroll\"><table class=\"positions\">\n<tr><th>Symbol</th><th>Quantity</th><th>Average cost</th><th>Last price</th><th>Last price at</th><th>Entry</th><th>Market value</th><th>Unrealized P&amp;L</th></tr>\n");
        foreach (var p in positions)
        {
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{E(p.Symbol.Ticker)}</td><td>{BacktestSummary.Exact(p.Quantity)}</td><td>{p.AverageCost:N2}</td><td>{p.LastPrice:N2}</td><td>{E(BarTimeFormat.Format(p.LastPriceTime, result.Resolution, p.Symbol))}</td><td>{E(BarTimeFormat.Format(p.EntryTime, result.Resolution, p.Symbol))}</td><td>{p.MarketValue:N2}</td><td class=\"{Sign((double)p.UnrealizedPnL)}\">{p.UnrealizedPnL:N2}</td></tr>\n"));
        }

        await writer.WriteAsync("</table></div>\n</section>\n");
    }

    private static async Task WriteTradesAsync(TextWriter writer, BacktestResult result)
    {
        var trades = result.Journal.ClosedTrades;
        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"<section><h2>Trades ({trades.Count:N0})</h2>\n"));
        if (trades.Count == 0)
        {
            await writer.WriteAsync("<p class=\"meta\">No round trip was closed.</p>\n</section>\n");
            return;
        }

        await writer.WriteAsync("<div class=\"scroll\"><table class=\"trades\">\n<tr><th>Symbol</th><th>Entry</th><th>Entry price</th><th>Exit</th><th>Exit price</th><th>Quantity</th><th>P&amp;L</th><th>Return</th><th>R</th><th>Bars</th><th>Exit reason</th></tr>\n");
        var shown = Math.Min(trades.Count, MaxTradeRows);
        for (var i = 0; i < shown; i++)
        {
            var t = trades[i];
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{E(t.Symbol.Ticker)}</td><td>{E(BarTimeFormat.Format(t.EntryTime, result.Resolution, t.Symbol))}</td><td>{t.EntryPrice:N2}</td><td>{E(BarTimeFormat.Format(t.ExitTime, result.Resolution, t.Symbol))}</td><td>{t.ExitPrice:N2}</td><td>{BacktestSummary.Exact(t.Quantity)}</td><td class=\"{Sign((double)t.ProfitLoss)}\">{t.ProfitLoss:N2}</td><td class=\"{Sign(t.Return)}\">{Percent(t.Return, "N2")}</td><td>{(t.RMultiple is { } r ? r.ToString("N2", CultureInfo.InvariantCulture) : "")}</td><td>{t.BarsHeld:N0}</td><td>{E(t.ExitReason)}</td></tr>\n"));
        }

        await writer.WriteAsync("</table></div>\n");
        if (shown < trades.Count)
        {
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"<p class=\"meta\">The first {shown:N0} of {trades.Count:N0} trades; all of them are in the trades CSV (--output).</p>\n"));
        }

        await writer.WriteAsync("</section>\n");
    }

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Sign(double value) => value > 0 ? "pos" : value < 0 ? "neg" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
