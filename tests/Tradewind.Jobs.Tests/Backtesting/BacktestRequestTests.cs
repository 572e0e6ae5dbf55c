using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Jobs.Backtesting;

namespace Tradewind.Jobs.Tests.Backtesting;

public sealed class BacktestRequestTests
{
    [Fact]
    public void Defaults_are_next_open_fills_without_costs_on_100000_of_cash()
    {
        var request = BacktestRequest.Parse(new BacktestSettings { Strategy = "SMA-CROSS", Data = ["SPY.csv"] });

        Assert.Equal("sma-cross", request.Strategy.Name);
        Assert.Equal("fast=20 slow=50 size=0", request.Parameters.ToString());
        Assert.Equal(100_000m, request.InitialCash);
        Assert.Equal(CommissionModel.None, request.Commission);
        Assert.Equal(0m, request.Slippage.BasisPoints);
        Assert.Equal(FillRule.NextOpen, request.Fill);
        Assert.Equal(0.0, request.RiskFreeRate);
        Assert.Equal(1m, request.MaxLeverage);
        Assert.False(request.WholeShares);
        Assert.Null(request.Resolution);
        Assert.Null(request.Start);
        Assert.False(request.Save);
    }

    [Fact]
    public void Every_value_is_parsed_invariantly()
    {
        var request = BacktestRequest.Parse(new BacktestSettings
        {
            Strategy = "rsi-bb",
            Symbols = ["spy", "QQQ"],
            Start = "2020-01-02",
            End = "2020-12-31",
            Resolution = "1h",
            Parameters = [new("rsi-period", "10"), new("trailing_enabled", "true")],
            Cash = "25_000.50",
            Commission = "per-share:0.005,min:1",
            SlippageBps = "2.5",
            Fill = "NEXT-CLOSE",
            RiskFree = "0.04",
            Leverage = "2.5",
            WholeShares = true,
            Save = true,
        });

        Assert.Equal([Symbol.Parse("SPY"), Symbol.Parse("QQQ")], request.Symbols);
        Assert.Equal(new DateOnly(2020, 1, 2), request.Start);
        Assert.Equal(new DateOnly(2020, 12, 31), request.End);
        Assert.Equal(Resolution.Hourly, request.Resolution);
        Assert.Equal("10", request.Parameters.Text("rsi_period"));
        Assert.True(request.Parameters.Boolean("trailing_enabled"));
        Assert.Equal(25_000.50m, request.InitialCash);
        Assert.Equal("per-share:0.005,min:1", request.Commission.Spec);
        Assert.Equal(2.5m, request.Slippage.BasisPoints);
        Assert.Equal(FillRule.NextClose, request.Fill);
        Assert.Equal(0.04, request.RiskFreeRate);
        Assert.Equal(2.5m, request.MaxLeverage);
        Assert.True(request.WholeShares);
        Assert.True(request.Save);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_its_option_and_the_fix()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(new BacktestSettings
        {
            Strategy = "sma-cross",
            Data = ["SPY.csv"],
            Symbols = ["SPY"],
            Parameters = [new("fsat", "10"), new("slow", "x")],
            Start = "2020-13-01",
            End = "01/02/2020",
            Resolution = "2d3",
            Cash = "-1",
            Commission = "per-trade:1",
            SlippageBps = "-3",
            Fill = "open",
            RiskFree = "-1",
            Leverage = "0.5",
        }));

        Assert.Equal(
            [
                "--param: strategy sma-cross: unknown parameter 'fsat' (known: fast, slow, size); did you mean 'fast'?; slow: 'x' is not a whole number (expected 2..10000: slow moving-average length in bars (more than fast)) (see 'tradewind strategies show sma-cross')",
                "--symbol and --data are both given: read the bars from the database (--symbol SPY) or from price files (--data SPY.csv), not both",
                "--resolution: '2d3' is not a resolution; use e.g. 1m, 5m, 15m, 1h, 4h, 1d or 1w",
                "--start: '2020-13-01' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-02",
                "--end: '01/02/2020' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-02",
                "--cash: '-1' is not a positive amount; write it like 100000 or 25000.50",
                "--commission: commission spec 'per-trade:1' is not valid: 'per-trade' is not a commission model. Use one of none, per-share:0.005,min:1, percent:0.1 or fixed:1",
                "--slippage-bps: '-3' is not a number of basis points from 0 to 10000; e.g. 5 for 0.05%",
                "--fill: 'open' is not a fill rule; use next-open (the default) or next-close",
                "--risk-free: '-1' is not an annual rate as a fraction greater than -1; write e.g. 0.04 for 4%",
                "--leverage: '0.5' is not a leverage of at least 1; write e.g. 1 (cash only, the default) or 2 (buys up to twice the equity)",
            ],
            ex.Problems);
    }

    [Theory]
    [InlineData("4%")]
    [InlineData("NaN")]
    [InlineData("-1.5")]
    public void A_risk_free_rate_must_be_a_finite_fraction_above_minus_one(string rate)
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(new BacktestSettings { Strategy = "buy-and-hold", Data = ["SPY.csv"], RiskFree = rate }));

        Assert.StartsWith($"--risk-free: '{rate}' is not an annual rate", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_from_the_settings_file_is_named_by_the_file_and_its_key()
    {
        var file = BacktestSettingsFile.Parse("""
            strategy: sma-cross
            data: [SPY.csv]
            symbols: [SPY]
            start: 2020-13-01
            end: 2020-12-31
            params: { fast: 0 }
            cash: lots
            risk_free: x
            leverage: 0
            """, "run.yaml");
        // On the command line: --end and --slow, which win over the file and are named as options.
        var options = new BacktestSettings { End = "31/12/2020", Parameters = [new("slow", "x")] };

        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(options.Over(file)));

        Assert.Equal(
            [
                "--param and run.yaml: params: strategy sma-cross: fast: 0 is outside 1..10000 (expected 1..10000: fast moving-average length in bars); slow: 'x' is not a whole number (expected 2..10000: slow moving-average length in bars (more than fast)) (see 'tradewind strategies show sma-cross')",
                "symbols (run.yaml) and data (run.yaml) are both given: read the bars from the database (--symbol SPY) or from price files (--data SPY.csv), not both",
                "run.yaml: start: '2020-13-01' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-02",
                "--end: '31/12/2020' is not a date; write it as yyyy-MM-dd, e.g. 2020-01-02",
                "run.yaml: cash: 'lots' is not a positive amount; write it like 100000 or 25000.50",
                "run.yaml: risk_free: 'x' is not an annual rate as a fraction greater than -1; write e.g. 0.04 for 4%",
                "run.yaml: leverage: '0' is not a leverage of at least 1; write e.g. 1 (cash only, the default) or 2 (buys up to twice the equity)",
            ],
            ex.Problems);
    }

    [Fact]
    public void A_period_running_backwards_in_the_settings_file_names_the_file()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(BacktestSettingsFile.Parse("""
            strategy: buy-and-hold
            data: SPY.csv
            start: 2021-01-01
            end: 2020-01-01
            """, "run.yaml")));

        Assert.Equal("end (run.yaml) 2020-01-01 is before start (run.yaml) 2021-01-01; swap them or widen the period", ex.Message);
    }

    [Theory]
    [InlineData(null, "--strategy is missing: name one of buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator (see 'tradewind strategies')")]
    [InlineData("sma", "--strategy: unknown strategy 'sma'; known: buy-and-hold, sma-cross, rsi-bb, equal-weight, capital-allocator (see `tradewind strategies`)")]
    public void The_strategy_must_be_named_and_known(string? strategy, string message)
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(new BacktestSettings { Strategy = strategy, Data = ["SPY.csv"] }));

        Assert.Equal([message], ex.Problems);
    }

    [Fact]
    public void Bars_must_come_from_somewhere_and_the_period_must_run_forward()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(new BacktestSettings
        {
            Strategy = "buy-and-hold",
            Start = "2021-01-01",
            End = "2020-01-01",
        }));

        Assert.Equal(
            [
                "no bars named: give --data FILE (a CSV price file such as SPY.csv; the symbol comes from its name) or --symbol S (bars stored with 'tradewind data import')",
                "--end 2020-01-01 is before --start 2021-01-01; swap them or widen the period",
            ],
            ex.Problems);
    }

    [Fact]
    public void A_cross_parameter_rule_is_a_problem_too()
    {
        var ex = Assert.Throws<JobInputException>(() => BacktestRequest.Parse(new BacktestSettings
        {
            Strategy = "sma-cross",
            Data = ["SPY.csv"],
            Parameters = [new("fast", "50"), new("slow", "20")],
        }));

        Assert.Contains("fast (50) must be less than slow (20)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capital_allocator_starts_with_its_daily_capital_unless_cash_is_given()
    {
        // The daily jobs start from nothing and deposit daily_capital on each day they execute: the run's initial cash
        // stands for the first day's deposit.
        static BacktestRequest Allocator(string? cash, string? dailyCapital) => BacktestRequest.Parse(new BacktestSettings
        {
            Strategy = "capital-allocator",
            Data = ["SPY.csv", "QQQ.csv"],
            Cash = cash,
            Parameters = dailyCapital is null ? [] : [new("daily_capital", dailyCapital)],
        });

        Assert.Equal(1000m, Allocator(null, null).InitialCash);
        Assert.Equal(250.5m, Allocator(null, "250.5").InitialCash);
        Assert.Equal(5000m, Allocator("5000", "250.5").InitialCash);
        Assert.Equal(BacktestRequest.DefaultCash, BacktestRequest.Parse(new BacktestSettings { Strategy = "equal-weight", Data = ["SPY.csv"] }).InitialCash);
    }
}
