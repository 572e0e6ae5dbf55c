using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Strategies.SmaCross;
using SyntheticSeries = Tradewind.Data.Simulation.SyntheticBars;

namespace Tradewind.Benchmarks;

/// <summary>
/// sma-cross(20, 50) on seeded one-minute random-walk bars: through the full engine (orders, fills, ledger, journal,
/// equity curve), as a whole backtest (plus statistics and the final mark), and as the bare loop doing the same
/// arithmetic on plain arrays. "Trend" is a steadily rising series: one entry after warm-up and no trade after it,
/// so its allocation is what a run costs apart from trades. Mean is per run; Bars/s and B/bar are per bar.
/// </summary>
/// <remarks>
/// Runs with the non-concurrent (blocking) GC, as the <c>tradewind</c> command does: a backtest is batch work, and
/// the background GC's decommit/recommit churn costs it throughput (see docs/performance.md for both figures).
/// </remarks>
[MemoryDiagnoser]
[GcConcurrent(false)]
[Config(typeof(PerBarConfig))]
public class EngineBenchmarks
{
    private const int Fast = 20;
    private const int Slow = 50;

    private BarSeries _walk = null!;
    private BarSeries _trend = null!;
    private StrategyParameterValues _parameters = null!;
    private readonly EngineOptions _options = new();

    [Params(100_000, 1_000_000)]
    public int Bars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _walk = SyntheticSeries.RandomWalk(Symbol.Parse("SYN"), Resolution.Minute, Bars, seed: 20261121);
        _trend = Trend(Bars);
        _parameters = StrategyCatalog.SmaCross.Defaults.With("fast", Fast).With("slow", Slow);
        var walk = Core.Engine.Backtest.Run([_walk], StrategyCatalog.SmaCross, _parameters, _options);
        var trend = Core.Engine.Backtest.Run([_trend], StrategyCatalog.SmaCross, _parameters, _options);
        Console.WriteLine($"// sma-cross {Fast}/{Slow} on {Bars:N0} bars: random walk {walk.Statistics.TradeCount:N0} round trips ({walk.Journal.OrderCount:N0} orders), trend {trend.Statistics.TradeCount:N0} round trips ({trend.Journal.OrderCount:N0} orders)");
    }

    [Benchmark(Baseline = true)]
    public double BareLoop() => SmaCrossBaseline.Run(_walk.Open, _walk.Close, Fast, Slow, 100_000);

    [Benchmark]
    public int Engine()
    {
        var engine = new TradingEngine([_walk], new SmaCrossStrategy(Fast, Slow), _options);
        engine.Run();
        return engine.Journal.Equity.Count;
    }

    [Benchmark]
    public decimal FullBacktest() => Core.Engine.Backtest.Run([_walk], StrategyCatalog.SmaCross, _parameters, _options).FinalEquity;

    [Benchmark]
    public int EngineTrend()
    {
        var engine = new TradingEngine([_trend], new SmaCrossStrategy(Fast, Slow), _options);
        engine.Run();
        return engine.Journal.Equity.Count;
    }

    private static BarSeries Trend(int count)
    {
        var series = new BarSeries(Symbol.Parse("UP"), Resolution.Minute, count);
        var time = SyntheticSeries.DefaultStart;
        for (var i = 0; i < count; i++)
        {
            var price = 10 + (i * 0.01);
            series.Add(new Bar(time.AddMinutes(i), price, price + 0.005, price - 0.005, price + 0.004, 1000));
        }

        return series;
    }

    private sealed class PerBarConfig : ManualConfig
    {
        public PerBarConfig()
        {
            AddColumn(new BarsPerSecondColumn("Bars/s", allocation: false, BarsPerSecondColumn.BarsParameter));
            AddColumn(new BarsPerSecondColumn("Bars/s p50", allocation: false, BarsPerSecondColumn.BarsParameter, BarsPerSecondColumn.Median));
            AddColumn(new BarsPerSecondColumn("Bars/s best", allocation: false, BarsPerSecondColumn.BarsParameter, BarsPerSecondColumn.Fastest));
            AddColumn(new BarsPerSecondColumn("B/bar", allocation: true, BarsPerSecondColumn.BarsParameter));
            AddColumn(StatisticColumn.Min);
        }
    }
}
