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
            ],
            ex.Problems);
    }

    [Theory]
    [InlineData(null, "--strategy is missing: name one of buy-and-hold, sma-cross, rsi-bb, equal-weight (see 'tradewind strategies')")]
    [InlineData("sma", "--strategy: unknown strategy 'sma'; known: buy-and-hold, sma-cross, rsi-bb, equal-weight (see `tradewind strategies`)")]
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
}
