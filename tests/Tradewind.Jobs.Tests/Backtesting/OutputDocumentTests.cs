using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tradewind.Jobs.Backtesting;
using Tradewind.Jobs.Backtesting.Outputs;
using Tradewind.Jobs.Backtesting.Report;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed partial class OutputDocumentTests : IDisposable
{
    private readonly JobRun _job = new();

    [Fact]
    public async Task The_trades_csv_has_one_exact_row_per_round_trip()
    {
        var text = await RenderAsync(new CsvTableDocument(BacktestTable.Trades), JobRun.Example() with { Commission = "fixed:1" });

        Assert.Equal(
            "symbol,entry_time,entry_price,exit_time,exit_price,quantity,pnl,return,r_multiple,bars_held,exit_reason\n" +
            $"TEST,2024-01-05,10.5,2024-01-10,11.5,10,8,{(8.0 / 105).ToString("R", CultureInfo.InvariantCulture)},,3,exit\n",
            text);
    }

    [Fact]
    public async Task The_fills_equity_and_orders_csv_hold_every_fill_bar_and_order()
    {
        var settings = JobRun.Example() with { Commission = "fixed:1" };

        var fills = await RenderAsync(new CsvTableDocument(BacktestTable.Fills), settings);
        var equity = await RenderAsync(new CsvTableDocument(BacktestTable.Equity), settings);
        var orders = await RenderAsync(new CsvTableDocument(BacktestTable.Orders), settings);

        Assert.Equal(
            """
            time,symbol,side,quantity,price,commission,order_id,reason,fill_point
            2024-01-05,TEST,buy,10,10.5,1,1,entry,open
            2024-01-10,TEST,sell,10,11.5,1,2,exit,open
            2024-01-16,TEST,buy,10,10.25,1,3,entry,open

            """.ReplaceLineEndings("\n"),
            fills);
        var equityLines = equity.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,equity,cash,gross_exposure,drawdown", equityLines[0]);
        Assert.Equal(13, equityLines.Length);
        Assert.Equal("2024-01-05,100004,99894,110,0", equityLines[4]);
        Assert.Equal($"2024-01-09,100004,99894,110,{(10.0 / 100014).ToString("R", CultureInfo.InvariantCulture)}", equityLines[6]);
        Assert.Equal("2024-01-18,100034.5,99904.5,130,0", equityLines[12]);
        Assert.Equal(
            """
            order_id,parent_id,symbol,side,type,sizing,quantity,limit_price,stop_price,reason,placed_at,status,status_time,fill_price,note
            1,,TEST,buy,market,10,10,,,entry,2024-01-04,filled,2024-01-05,10.5,
            2,,TEST,sell,market,entire position,10,,,exit,2024-01-09,filled,2024-01-10,11.5,
            3,,TEST,buy,market,10,10,,,entry,2024-01-12,filled,2024-01-16,10.25,

            """.ReplaceLineEndings("\n"),
            orders);
    }

    [Fact]
    public async Task Text_cells_with_commas_or_quotes_are_quoted()
    {
        var orders = await RenderAsync(new CsvTableDocument(BacktestTable.Orders), JobRun.Example() with { Parameters = [new("fast", "1"), new("slow", "2")] });

        Assert.Contains(",\"100% of cash, whole units\",", orders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_hold_the_csv_columns_with_numbers_as_numbers_and_empty_cells_as_null()
    {
        var lines = (await RenderAsync(new JsonLinesTableDocument(BacktestTable.Trades), JobRun.Example())).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var trade = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(
            ["symbol", "entry_time", "entry_price", "exit_time", "exit_price", "quantity", "pnl", "return", "r_multiple", "bars_held", "exit_reason"],
            trade.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TEST", trade.GetProperty("symbol").GetString());
        Assert.Equal(10.5m, trade.GetProperty("entry_price").GetDecimal());
        Assert.Equal(10m, trade.GetProperty("pnl").GetDecimal());
        Assert.Equal(10.0 / 105, trade.GetProperty("return").GetDouble());
        Assert.Equal(JsonValueKind.Null, trade.GetProperty("r_multiple").ValueKind);
        Assert.Equal(3, trade.GetProperty("bars_held").GetInt32());

        var equity = (await RenderAsync(new JsonLinesTableDocument(BacktestTable.Equity), JobRun.Example())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, equity.Length);
        Assert.Equal("""{"time":"2024-01-18","equity":100037.5,"cash":99907.5,"gross_exposure":130,"drawdown":0}""", equity[^1]);
    }

    [Fact]
    public async Task The_summary_json_has_snake_case_keys_numbers_and_nulls()
    {
        var text = await RenderAsync(new SummaryJsonDocument(oneLine: false), JobRun.Example() with { Commission = "per-share:0.005,min:1", SlippageBps = "0" });

        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(
            [
                "run_id", "created_at", "strategy", "parameters", "symbols", "resolution", "start", "end", "bars", "closed_trades", "trade_count", "fill_count",
                "order_count", "initial_cash", "final_equity", "contributions", "fees", "unrealized_pnl", "total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown",
                "max_drawdown_duration", "calmar", "win_rate", "expectancy", "expectancy_r", "profit_factor", "avg_win", "avg_loss", "exposure",
                "turnover", "best_trade", "worst_trade", "open_positions", "commission", "slippage_bps", "fill_rule", "risk_free_rate", "max_leverage",
                "whole_shares", "elapsed_ms",
            ],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-03-04T05:06:07.000Z", json.GetProperty("created_at").GetString());
        Assert.Equal("""{"fast":1,"slow":2,"size":10}""", json.GetProperty("parameters").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.Equal("2024-01-02", json.GetProperty("start").GetString());
        Assert.Equal("2024-01-18", json.GetProperty("end").GetString());
        Assert.Equal("100000", json.GetProperty("initial_cash").GetRawText());
        Assert.Equal("100034.5", json.GetProperty("final_equity").GetRawText());
        Assert.Equal("3", json.GetProperty("fees").GetRawText());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("profit_factor").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("expectancy_r").ValueKind);
        Assert.Equal("per-share:0.005,min:1", json.GetProperty("commission").GetString());
        Assert.Equal("next-open", json.GetProperty("fill_rule").GetString());
        Assert.Equal("0", json.GetProperty("risk_free_rate").GetRawText());
        Assert.Equal("1", json.GetProperty("max_leverage").GetRawText());
        Assert.False(json.GetProperty("whole_shares").GetBoolean());
        Assert.Contains('\n', text);

        var line = await RenderAsync(new SummaryJsonDocument(oneLine: true), JobRun.Example());
        Assert.Equal(line.TrimEnd('\n'), Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task The_report_is_one_self_contained_page_with_charts_tables_and_trades()
    {
        var html = await RenderAsync(new HtmlReportDocument(), JobRun.Example());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        // Nothing is fetched: no script, no link, no external URL (the SVG namespace is a name, not a fetch).
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(UrlPattern().Matches(html), m => m.Value != "http://www.w3.org/2000/svg");
        Assert.Equal(2, Regex.Count(html, "<svg ", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("<svg class=\"chart equity\"", html, StringComparison.Ordinal);
        Assert.Contains("<polygon class=\"area\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>sma-cross on TEST</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Final equity</td><td>100,037.50</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Max drawdown</td><td>0.01%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2024</td><td class=\"pos\">0.04%</td><td></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"total pos\">0.04%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Trades (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>TEST</td><td>2024-01-05</td><td>10.50</td><td>2024-01-10</td><td>11.50</td><td>10</td><td class=\"pos\">10.00</td><td class=\"pos\">9.52%</td><td></td><td>3</td><td>exit</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_escapes_every_text_it_shows()
    {
        var run = await _job.RunAsync(JobRun.Example());
        var summary = run.Summary with { Strategy = "<script>alert('x')</script>&", Parameters = [new("a<b", "\"c\"")] };
        using var writer = new StringWriter();

        await new HtmlReportDocument().RenderAsync(run.Result, summary, writer, TestContext.Current.CancellationToken);

        var html = writer.ToString();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp; on TEST", html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b=&quot;c&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_json_lists_the_positions_open_at_the_end_with_exact_money()
    {
        // The example buys 10 at 10.25 on 2024-01-16 and still holds them at the last close, 13 (2024-01-18).
        var text = await RenderAsync(new SummaryJsonDocument(oneLine: false), JobRun.Example());

        var json = JsonDocument.Parse(text).RootElement;
        var position = Assert.Single(json.GetProperty("open_positions").EnumerateArray());
        Assert.Equal(
            """{"symbol":"TEST","quantity":10,"average_cost":10.25,"last_price":13,"last_price_time":"2024-01-18","entry_time":"2024-01-16","market_value":130,"unrealized_pnl":27.5}""",
            position.GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.Equal("27.5", json.GetProperty("unrealized_pnl").GetRawText());
        // Not a round trip: the one closed trade is the only one counted.
        Assert.Equal(1, json.GetProperty("closed_trades").GetInt32());
        Assert.Equal(10m, json.GetProperty("expectancy").GetDecimal());
    }

    [Fact]
    public async Task The_summary_json_of_a_flat_end_has_no_open_position()
    {
        var text = await RenderAsync(new SummaryJsonDocument(oneLine: true), JobRun.Example() with { End = "2024-01-12" });

        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(0, json.GetProperty("open_positions").GetArrayLength());
        Assert.Equal("0", json.GetProperty("unrealized_pnl").GetRawText());
    }

    [Fact]
    public async Task The_positions_table_has_one_row_per_open_position_in_csv_and_json_lines()
    {
        var csv = await RenderAsync(new CsvTableDocument(BacktestTable.Positions), JobRun.Example());
        var lines = await RenderAsync(new JsonLinesTableDocument(BacktestTable.Positions), JobRun.Example());

        Assert.Equal(
            """
            symbol,quantity,average_cost,last_price,last_price_time,entry_time,market_value,unrealized_pnl
            TEST,10,10.25,13,2024-01-18,2024-01-16,130,27.5

            """.ReplaceLineEndings("\n"),
            csv);
        Assert.Equal(
            """{"symbol":"TEST","quantity":10,"average_cost":10.25,"last_price":13,"last_price_time":"2024-01-18","entry_time":"2024-01-16","market_value":130,"unrealized_pnl":27.5}""" + "\n",
            lines);
    }

    [Fact]
    public async Task The_report_shows_the_open_positions_before_the_trade_list()
    {
        var html = await RenderAsync(new HtmlReportDocument(), JobRun.Example());
        var flat = await RenderAsync(new HtmlReportDocument(), JobRun.Example() with { End = "2024-01-12" });

        var positions = html.IndexOf("<h2>Open positions (1)</h2>", StringComparison.Ordinal);
        Assert.InRange(positions, 0, html.IndexOf("<h2>Trades (1)</h2>", StringComparison.Ordinal));
        Assert.Contains("<tr><td>TEST</td><td>10</td><td>10.25</td><td>13.00</td><td>2024-01-18</td><td>2024-01-16</td><td>130.00</td><td class=\"pos\">27.50</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("not round trips, so not in the trade list, the win rate or the expectancy", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Open positions</td><td>1, unrealized P&amp;L 27.50 (not in the trade figures)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Open positions (0)</h2>\n<p class=\"meta\">No position was open at the end.</p>", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_chart_carries_its_own_colours_and_draws_the_equity_as_an_unfilled_line_without_the_page_css()
    {
        var html = await RenderAsync(new HtmlReportDocument(), JobRun.Example());

        // Each <svg> on its own, as a viewer that ignores the page (and its <style>) sees it.
        var charts = SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(2, charts.Count);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var line = Assert.Single(charts[0].Descendants(svg + "polyline"));
        Assert.Equal("none", (string?)line.Attribute("fill"));
        Assert.Equal("#1f6feb", (string?)line.Attribute("stroke"));
        var area = Assert.Single(charts[1].Descendants(svg + "polygon"));
        Assert.Equal("#cf222e", (string?)area.Attribute("fill"));
        Assert.Equal("0.25", (string?)area.Attribute("fill-opacity"));
        Assert.Equal("#cf222e", (string?)area.Attribute("stroke"));
        foreach (var chart in charts)
        {
            Assert.All(chart.Descendants(svg + "line"), l => Assert.Equal("#d9e0e7", (string?)l.Attribute("stroke")));
            Assert.All(chart.Descendants(svg + "text"), t => Assert.Equal("#5b6b7c", (string?)t.Attribute("fill")));
            Assert.NotNull(chart.Attribute("font-family"));
        }

        // The page's style sheet no longer styles the chart elements, so the attributes are the one source of their look.
        Assert.DoesNotContain("svg .line", html, StringComparison.Ordinal);
        Assert.DoesNotContain("svg .area", html, StringComparison.Ordinal);
    }

    public void Dispose() => _job.Dispose();

    private async Task<string> RenderAsync(BacktestDocument document, BacktestSettings settings)
    {
        var run = await _job.RunAsync(settings);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await document.RenderAsync(run.Result, run.Summary, writer, TestContext.Current.CancellationToken);
        return writer.ToString();
    }

    [GeneratedRegex("https?://[^\"' )<]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
