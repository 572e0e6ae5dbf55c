using Tradewind.Core.Analytics;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Tests.Engine;
using Tradewind.Core.Tests.Indicators;

namespace Tradewind.Core.Tests.Optimization;

/// <summary>
/// The optimizer's promise: a combination's results equal a single backtest of the same parameters. For sma-cross the
/// kernel reproduces the engine; these tests hold it to that over many combinations, cost models and fill rules:
/// round trips and final equity exactly, statistics exactly or (where the kernel sums in another order) to 1e-9.
/// </summary>
public sealed class OptimizerEqualityTests
{
    private const double Relative = 1e-9;

    private static StrategyDefinition SmaCross => StrategyCatalog.SmaCross;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var series in new[] { "spy-daily", "random-daily", "crypto-minutes" })
        {
            foreach (var options in Options.Keys)
            {
                data.Add(series, options);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernel_round_trips_final_equity_and_statistics_equal_single_backtests(string seriesName, string optionsName)
    {
        var series = Series(seriesName);
        var options = Options[optionsName](series);
        var kernel = new SmaCrossKernel(series, options);
        var compared = 0;
        foreach (var (fast, slow) in Pairs())
        {
            foreach (var size in Sizes(series))
            {
                var trades = new List<ClosedTrade>();
                var metrics = kernel.Evaluate(fast, slow, size, trades);
                var backtest = Backtest.Run([series], SmaCross, Values(fast, slow, size), options, cancellationToken: TestContext.Current.CancellationToken);
                var where = $"{seriesName} {optionsName} fast {fast} slow {slow} size {size}";
                Assert.True(backtest.FinalEquity == metrics.FinalEquity, $"{where}: final equity {metrics.FinalEquity} vs engine {backtest.FinalEquity}");
                Assert.True(backtest.Journal.ClosedTrades.SequenceEqual(trades), $"{where}: {trades.Count} round trips vs engine {backtest.Journal.ClosedTrades.Count}, first difference {FirstDifference(backtest.Journal.ClosedTrades, trades)}");
                AssertSame(OptimizationMetrics.From(backtest), metrics, where);
                compared++;
            }
        }

        Assert.True(compared >= 40, $"only {compared} combinations compared");
    }

    [Theory]
    [InlineData("spy-daily", "commission-and-slippage")]
    [InlineData("crypto-minutes", "next-close")]
    [InlineData("random-daily", "small-account")]
    public void Optimizer_rows_through_the_kernel_equal_rows_through_the_engine(string seriesName, string optionsName)
    {
        var series = Series(seriesName);
        var options = Options[optionsName](series);
        var grid = ParameterGrid.Parse(SmaCross, ["fast=2:30:4", "slow=5:80:15", "size=0,3"]);

        var kernel = Optimizer.Run([series], grid, SmaCross.Defaults, options, cancellationToken: TestContext.Current.CancellationToken);
        var engine = Optimizer.Run([series], grid, SmaCross.Defaults, options, new OptimizerSettings { UseKernel = false }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(OptimizationResult.SmaCrossKernelName, kernel.Evaluation);
        Assert.Equal(OptimizationResult.EngineName, engine.Evaluation);
        Assert.Equal(engine.Rows.Select(r => r.Index), kernel.Rows.Select(r => r.Index));
        Assert.Equal(engine.Skipped.Count, kernel.Skipped.Count);
        for (var i = 0; i < kernel.Rows.Count; i++)
        {
            Assert.Equal(engine.Rows[i].Metrics.FinalEquity, kernel.Rows[i].Metrics.FinalEquity);
            AssertSame(engine.Rows[i].Metrics, kernel.Rows[i].Metrics, $"{seriesName} {optionsName} {kernel.Rows[i].Parameters}");
        }
    }

    [Fact]
    public void A_full_engine_strategy_gives_exactly_the_single_backtests_results()
    {
        var series = BacktestSmokeTests.LoadDaily("SPY");
        var options = new EngineOptions { Costs = new ExecutionCosts(new SlippageModel(2m), CommissionModel.Parse("per-share:0.005,min:1")), Start = series.Time[2000] };
        var grid = ParameterGrid.Parse(StrategyCatalog.RsiBb, ["rsi_period=7,14", "rsi_oversold=25,35", "exit=ATRExit,AdvancedATRExit"]);

        var result = Optimizer.Run([series], grid, StrategyCatalog.RsiBb.Defaults, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(OptimizationResult.EngineName, result.Evaluation);
        Assert.Equal(8, result.Rows.Count);
        Assert.Contains(result.Rows, r => r.Metrics.Trades > 0);
        foreach (var row in result.Rows)
        {
            var single = Backtest.Run([series], StrategyCatalog.RsiBb, row.Parameters, options, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(OptimizationMetrics.From(single), row.Metrics);
        }
    }

    [Fact]
    public void Slipped_prices_of_a_few_satoshis_are_floored_at_the_smallest_price_as_the_engine_floors_them()
    {
        // Prices of 5 to 15 hundred-millionths and 99.99 % slippage: a sale's slipped price rounds to 0 at 8 decimals, and
        // the engine's slippage model floors it at 0.00000001; the kernel must give the same fills and round trips.
        var series = Minutes("BTC-USD", seed: 5, length: 3_000, scale: 1e-9);
        var options = new EngineOptions { Costs = new ExecutionCosts(new SlippageModel(9_999m), CommissionModel.None) };
        var kernel = new SmaCrossKernel(series, options);
        var floored = 0;
        foreach (var (fast, slow) in new[] { (2, 9), (3, 20), (5, 34) })
        {
            var trades = new List<ClosedTrade>();
            var metrics = kernel.Evaluate(fast, slow, 0m, trades);
            var backtest = Backtest.Run([series], SmaCross, Values(fast, slow, 0m), options, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(backtest.FinalEquity == metrics.FinalEquity, $"fast {fast} slow {slow}: final equity {metrics.FinalEquity} vs engine {backtest.FinalEquity}");
            Assert.True(backtest.Journal.ClosedTrades.SequenceEqual(trades), $"fast {fast} slow {slow}: first difference {FirstDifference(backtest.Journal.ClosedTrades, trades)}");
            floored += backtest.Journal.Fills.Count(f => f.Fill.Side == OrderSide.Sell && f.Fill.Price == ExecutionCosts.SmallestPrice);
        }

        Assert.True(floored > 0, "no fill was floored: the case is not exercised");
    }

    [Theory]
    [InlineData("next-open")]
    [InlineData("next-close")]
    public void Runs_give_the_same_round_trips_with_the_blocks_prices_converted_once_or_per_fill(string optionsName)
    {
        // The optimizer converts each block's fill prices once for all runs; a run advanced without them converts each
        // fill's price itself. Both must book the same digits.
        var series = Series("random-daily");
        var options = Options[optionsName](series);
        var kernel = new SmaCrossKernel(series, options);
        var shared = new List<ClosedTrade>();
        var own = new List<ClosedTrade>();
        var poisoned = new List<ClosedTrade>();
        var withPrices = kernel.CreateRun(3, 20, 0m, shared);
        var withoutPrices = kernel.CreateRun(3, 20, 0m, own);
        var withPoisonedPrices = kernel.CreateRun(3, 20, 0m, poisoned);
        var fast = new SimpleMovingAverage(3);
        var slow = new SimpleMovingAverage(20);
        var prices = new SmaCrossKernel.BlockPrices();
        const int Block = 700;
        for (var from = 0; from < kernel.End; from += Block)
        {
            var to = Math.Min(kernel.End, from + Block);
            var fastBlock = new double[to - from];
            var slowBlock = new double[to - from];
            for (var i = from; i < to; i++)
            {
                fastBlock[i - from] = fast.Update(series.Close[i]);
                slowBlock[i - from] = slow.Update(series.Close[i]);
            }

            kernel.ConvertPrices(prices, from, to);
            kernel.Advance(withPrices, from, to, fastBlock, slowBlock, prices);
            kernel.Advance(withoutPrices, from, to, fastBlock, slowBlock);

            // The runs really read the converted prices: a cent more on each of them shows in the poisoned run's fills.
            for (var i = 0; i < to - from; i++)
            {
                prices.Money[i] += 0.01m;
            }

            kernel.Advance(withPoisonedPrices, from, to, fastBlock, slowBlock, prices);
        }

        Assert.True(shared.Count > 20, $"only {shared.Count} round trips");
        Assert.Equal(own, shared);
        Assert.Equal(kernel.Finish(withoutPrices), kernel.Finish(withPrices));
        Assert.Equal(shared.Count, poisoned.Count);
        Assert.All(poisoned.Zip(shared), pair => Assert.Equal(pair.Second.EntryPrice + 0.01m, pair.First.EntryPrice));
    }

    [Fact]
    public void Block_prices_are_converted_only_for_bars_of_the_series()
    {
        var kernel = new SmaCrossKernel(Series("random-daily"), new EngineOptions());
        var prices = new SmaCrossKernel.BlockPrices();
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ConvertPrices(prices, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ConvertPrices(prices, 10, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ConvertPrices(prices, 0, SmaCrossKernel.BlockBars + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ConvertPrices(prices, kernel.End - 10, kernel.End + 1));
    }

    [Fact]
    public void A_bar_money_cannot_hold_fails_the_optimization_only_where_the_engine_would_fill_at_it()
    {
        // A warm-up bar whose open is above 1e15: no order fills there, so every backtest runs, and so must the
        // optimizer, though it converts the bar's price with the rest of its block.
        var clean = Series("random-daily");
        var series = new BarSeries(clean.Symbol, clean.Resolution, clean.Count);
        for (var i = 0; i < clean.Count; i++)
        {
            series.Add(i == 1
                ? new Bar(clean.Time[i], 2e15, 2e15, clean.Low[i], clean.Close[i], clean.Volume[i])
                : new Bar(clean.Time[i], clean.Open[i], clean.High[i], clean.Low[i], clean.Close[i], clean.Volume[i]));
        }

        var options = new EngineOptions();
        var grid = ParameterGrid.Parse(SmaCross, ["fast=3:9:3", "slow=20:40:10"]);
        var kernel = Optimizer.Run([series], grid, SmaCross.Defaults, options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(OptimizationResult.SmaCrossKernelName, kernel.Evaluation);
        foreach (var row in kernel.Rows)
        {
            var single = Backtest.Run([series], SmaCross, row.Parameters, options, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(single.FinalEquity, row.Metrics.FinalEquity);
        }
    }

    internal static BarSeries Series(string name) => name switch
    {
        "spy-daily" => BacktestSmokeTests.LoadDaily("SPY"),
        "random-daily" => TestSeries.Series(seed: 20240308, length: 3000),
        _ => Minutes("BTC-USD", seed: 77, length: 12_000),
    };

    // Minute bars of a random walk (unrounded prices, some flat bars), a crypto symbol: lot sizes and 525,600 periods a year.
    internal static BarSeries Minutes(string ticker, int seed, int length, double scale = 200)
    {
        var bars = TestSeries.Bars(seed, length);
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Minute, length);
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < length; i++)
        {
            series.Add(new Bar(start.AddMinutes(i), bars.Open[i] * scale, bars.High[i] * scale, bars.Low[i] * scale, bars.Close[i] * scale, bars.Volume[i]));
        }

        return series;
    }

    private static readonly Dictionary<string, Func<BarSeries, EngineOptions>> Options = new()
    {
        ["next-open"] = _ => new EngineOptions(),
        ["next-close"] = _ => new EngineOptions { FillRule = FillRule.NextClose },
        ["commission-and-slippage"] = _ => new EngineOptions
        {
            Costs = new ExecutionCosts(new SlippageModel(5m), CommissionModel.Parse("per-share:0.005,min:1")),
        },
        ["percent-close-riskfree"] = _ => new EngineOptions
        {
            Costs = new ExecutionCosts(new SlippageModel(2.5m), CommissionModel.Parse("percent:0.1")),
            FillRule = FillRule.NextClose,
            RiskFreeRate = 0.03,
            InitialCash = 12_345.67m,
        },
        ["window-fixed-commission"] = s => new EngineOptions
        {
            Costs = new ExecutionCosts(SlippageModel.None, CommissionModel.Parse("fixed:1")),
            Start = s.Time[s.Count / 3],
            End = s.Time[s.Count * 2 / 3],
        },
        ["small-account"] = _ => new EngineOptions
        {
            // Buys that cannot be paid and commissions as large as a sale: the ledger's refusals are part of the result.
            Costs = new ExecutionCosts(new SlippageModel(10m), CommissionModel.Parse("fixed:25")),
            InitialCash = 1_000m,
        },
    };

    private static IEnumerable<(int Fast, int Slow)> Pairs()
    {
        foreach (var fast in new[] { 1, 2, 3, 5, 8, 13, 21 })
        {
            foreach (var slow in new[] { 2, 4, 9, 20, 34, 55, 200 })
            {
                if (fast < slow)
                {
                    yield return (fast, slow);
                }
            }
        }
    }

    // All cash in whole shares, a fixed size the account can afford, and for equities one the quantity rule refuses.
    private static decimal[] Sizes(BarSeries series) => series.Symbol.AssetClass == AssetClass.Crypto ? [0m, 0.25m] : [0m, 7m, 1.23456m];

    private static StrategyParameterValues Values(int fast, int slow, decimal size) =>
        SmaCross.Defaults.With("fast", fast).With("slow", slow).With("size", (double)size);

    private static string FirstDifference(IReadOnlyList<ClosedTrade> engine, List<ClosedTrade> kernel)
    {
        for (var i = 0; i < Math.Min(engine.Count, kernel.Count); i++)
        {
            if (engine[i] != kernel[i])
            {
                return $"#{i}: engine {engine[i]} kernel {kernel[i]}";
            }
        }

        return "none within the shorter list";
    }

    internal static void AssertSame(OptimizationMetrics engine, OptimizationMetrics kernel, string where)
    {
        // Bit for bit: the same operations on the same values.
        Assert.True(engine.FinalEquity == kernel.FinalEquity, $"{where}: final equity");
        Assert.True(engine.Bars == kernel.Bars, $"{where}: bars {kernel.Bars} vs {engine.Bars}");
        Assert.True(engine.Trades == kernel.Trades, $"{where}: trades {kernel.Trades} vs {engine.Trades}");
        Assert.True(engine.WinningTrades == kernel.WinningTrades && engine.LosingTrades == kernel.LosingTrades, $"{where}: wins/losses");
        Assert.True(engine.NetProfit == kernel.NetProfit && engine.GrossProfit == kernel.GrossProfit && engine.GrossLoss == kernel.GrossLoss, $"{where}: profit");
        Assert.True(engine.Expectancy == kernel.Expectancy && engine.ProfitFactor == kernel.ProfitFactor && engine.WinRate == kernel.WinRate, $"{where}: trade ratios");
        Assert.True(engine.TotalReturn == kernel.TotalReturn, $"{where}: total return {kernel.TotalReturn:R} vs {engine.TotalReturn:R}");
        Assert.True(engine.Cagr == kernel.Cagr, $"{where}: cagr {kernel.Cagr:R} vs {engine.Cagr:R}");
        Assert.True(engine.MaxDrawdown == kernel.MaxDrawdown, $"{where}: max drawdown {kernel.MaxDrawdown:R} vs {engine.MaxDrawdown:R}");
        Assert.True(engine.Calmar == kernel.Calmar, $"{where}: calmar");
        Assert.True(engine.Exposure == kernel.Exposure, $"{where}: exposure {kernel.Exposure:R} vs {engine.Exposure:R}");

        // Sums taken in another order.
        Close(engine.Volatility, kernel.Volatility, $"{where}: volatility");
        Close(engine.Sharpe, kernel.Sharpe, $"{where}: sharpe");
        Close(engine.Sortino, kernel.Sortino, $"{where}: sortino");
        Close(engine.Turnover, kernel.Turnover, $"{where}: turnover");
    }

    private static void Close(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: {actual} vs {expected}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(a - e) <= Relative * Math.Max(Math.Abs(e), 1e-12), $"{what}: {a:R} vs {e:R}");
        }
    }
}
