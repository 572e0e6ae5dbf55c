using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
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
                "order_count", "initial_cash", "final_equity", "fees", "total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown",
                "max_drawdown_duration", "calmar", "win_rate", "expectancy", "expectancy_r", "profit_factor", "avg_win", "avg_loss", "exposure",
                "turnover", "best_trade", "worst_trade", "commission", "slippage_bps", "fill_rule", "risk_free_rate", "elapsed_ms",
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
}
