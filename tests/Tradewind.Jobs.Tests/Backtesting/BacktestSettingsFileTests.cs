using Tradewind.Jobs.Backtesting;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed class BacktestSettingsFileTests
{
    [Fact]
    public void A_yaml_file_holds_every_option_by_its_snake_case_name()
    {
        var settings = BacktestSettingsFile.Parse("""
            strategy: sma-cross
            data: [SPY.csv, QQQ.csv]
            start: 2020-01-02
            end: 2020-12-31
            resolution: 1d
            params:
              fast: 10
              slow: 30
            cash: 50000
            commission: per-share:0.005,min:1
            slippage-bps: 2
            fill: next-close
            output: out/trades.csv
            fills: out/fills.jsonl
            equity: out/equity.csv
            orders: out/orders.csv
            json: out/summary.json
            report: out/report.html
            save: true
            """, "run.yaml");

        Assert.Equal("sma-cross", settings.Strategy);
        Assert.Equal(["SPY.csv", "QQQ.csv"], settings.Data);
        Assert.Equal("2020-01-02", settings.Start);
        Assert.Equal("2020-12-31", settings.End);
        Assert.Equal("1d", settings.Resolution);
        Assert.Equal([new("fast", "10"), new("slow", "30")], settings.Parameters);
        Assert.Equal("50000", settings.Cash);
        Assert.Equal("per-share:0.005,min:1", settings.Commission);
        Assert.Equal("2", settings.SlippageBps);
        Assert.Equal("next-close", settings.Fill);
        Assert.Equal(
            new BacktestOutputs
            {
                Trades = "out/trades.csv",
                Fills = "out/fills.jsonl",
                Equity = "out/equity.csv",
                Orders = "out/orders.csv",
                Summary = "out/summary.json",
                Report = "out/report.html",
            },
            settings.Outputs);
        Assert.True(settings.Save);
    }

    [Fact]
    public void A_json_file_works_the_same_and_a_single_symbol_needs_no_list()
    {
        var settings = BacktestSettingsFile.Parse("""{ "strategy": "buy-and-hold", "symbols": "SPY", "params": {} }""", "run.json");

        Assert.Equal("buy-and-hold", settings.Strategy);
        Assert.Equal(["SPY"], settings.Symbols);
        Assert.Empty(settings.Parameters);
    }

    [Fact]
    public void Unknown_keys_and_wrong_shapes_are_errors_naming_file_and_line()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestSettingsFile.Parse("""
            strategy: sma-cross
            stratgy: typo
            params: [fast, slow]
            save: maybe
            cash: { amount: 5 }
            """, "run.yaml"));

        Assert.Equal(
            [
                $"run.yaml:2: unknown key 'stratgy'; known: {string.Join(", ", BacktestSettingsFile.Keys)}",
                "run.yaml:3: params must map parameter names to values, e.g. params: { fast: 20, slow: 50 }",
                "run.yaml:4: save: 'maybe' is not true or false",
                "run.yaml:5: cash must be a single value",
            ],
            ex.Problems);
    }

    [Fact]
    public void Text_that_is_not_yaml_names_the_line()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestSettingsFile.Parse("strategy: sma-cross\ndata: [SPY.csv\n", "run.yaml"));

        Assert.StartsWith("run.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML or JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_option()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestSettingsFile.Read("/nonexistent/run.yaml", "run.yaml"));

        Assert.Equal("--config: run.yaml: file not found", ex.Message);
    }

    [Fact]
    public void Given_values_win_over_the_lower_layer_and_parameters_merge_by_name()
    {
        var file = new BacktestSettings
        {
            Strategy = "sma-cross",
            Data = ["SPY.csv"],
            Start = "2020-01-02",
            Parameters = [new("fast", "10"), new("slow", "30")],
            Outputs = new BacktestOutputs { Trades = "a.csv", Report = "r.html" },
            Save = true,
        };
        var options = new BacktestSettings
        {
            Data = ["QQQ.csv"],
            Start = " ",
            Parameters = [new("FAST", "5")],
            Outputs = new BacktestOutputs { Trades = "b.csv" },
        };

        var merged = options.Over(file);

        Assert.Equal("sma-cross", merged.Strategy);
        Assert.Equal(["QQQ.csv"], merged.Data);
        Assert.Equal("2020-01-02", merged.Start);
        Assert.Equal([new("slow", "30"), new("FAST", "5")], merged.Parameters);
        Assert.Equal(new BacktestOutputs { Trades = "b.csv", Report = "r.html" }, merged.Outputs);
        Assert.True(merged.Save);
    }
}
