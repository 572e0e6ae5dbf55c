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
            risk_free: 0.04
            leverage: 2
            whole_shares: true
            output: out/trades.csv
            fills: out/fills.jsonl
            equity: out/equity.csv
            orders: out/orders.csv
            positions: out/positions.csv
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
        Assert.Equal("0.04", settings.RiskFree);
        Assert.Equal("2", settings.Leverage);
        Assert.True(settings.WholeShares);
        Assert.Equal(
            new BacktestOutputs
            {
                Trades = "out/trades.csv",
                Fills = "out/fills.jsonl",
                Equity = "out/equity.csv",
                Orders = "out/orders.csv",
                Positions = "out/positions.csv",
                Summary = "out/summary.json",
                Report = "out/report.html",
            },
            settings.Outputs);
        Assert.True(settings.Save);
        Assert.All(BacktestSettingsFile.Keys.Where(k => k != "symbols"), key => Assert.Equal("run.yaml", settings.Origins.FileOf(key)));
        Assert.Null(settings.Origins.FileOf("symbols"));
        Assert.Equal("run.yaml: slippage_bps", settings.Origins.Label("--slippage-bps"));
        Assert.Equal("run.yaml: positions", settings.Origins.Label("--positions"));
        Assert.Null(settings.ConfigFile);
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
            whole_shares: yes please
            """, "run.yaml"));

        Assert.Equal(
            [
                $"run.yaml:2: unknown key 'stratgy'; known: {string.Join(", ", BacktestSettingsFile.Keys)}",
                "run.yaml:3: params must map parameter names to values, e.g. params: { fast: 20, slow: 50 }",
                "run.yaml:4: save: 'maybe' is not true or false",
                "run.yaml:5: cash must be a single value",
                "run.yaml:6: whole_shares: 'yes please' is not true or false",
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
    public void A_file_read_from_disk_is_the_config_file_of_its_settings()
    {
        using var dir = new Tradewind.Testing.TempDirectory();
        var path = dir.Write("runs/run.yaml", "strategy: buy-and-hold\n");

        var settings = BacktestSettingsFile.Read(path, "runs/run.yaml");

        Assert.Equal("runs/run.yaml", settings.ConfigFile);
        Assert.Equal("runs/run.yaml: strategy", settings.Origins.Label("--strategy"));
        Assert.Equal("--data", settings.Origins.Label("--data"));
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

    [Fact]
    public void A_value_keeps_the_origin_of_the_layer_it_came_from()
    {
        var file = BacktestSettingsFile.Parse("""
            strategy: sma-cross
            start: 2020-01-02
            end: 2020-12-31
            params: { fast: 10, slow: 30 }
            output: a.csv
            report: r.html
            whole_shares: false
            """, "run.yaml") with { ConfigFile = "run.yaml" };
        var options = new BacktestSettings { End = "2021-06-30", Parameters = [new("fast", "5")], Outputs = new BacktestOutputs { Trades = "b.csv" }, WholeShares = true };

        var merged = options.Over(file);

        Assert.Equal("run.yaml", merged.ConfigFile);
        Assert.True(merged.WholeShares);
        var origins = merged.Origins;
        Assert.Equal(("run.yaml: strategy", "run.yaml: start", "--end"), (origins.Label("--strategy"), origins.Label("--start"), origins.Label("--end")));
        Assert.Equal(("--output", "run.yaml: report", "--whole-shares"), (origins.Label("--output"), origins.Label("--report"), origins.Label("--whole-shares")));
        Assert.Equal("--data", origins.Label("--data"));
        // fast from the option, slow from the file: the parameters name both places.
        Assert.Equal("--param and run.yaml: params", origins.Label("--param"));
        Assert.Equal("--param", new BacktestSettings { Parameters = [new("fast", "5"), new("slow", "30")] }.Over(file).Origins.Label("--param"));
        Assert.Equal("start (run.yaml)", origins.Mention("--start"));
    }
}
