using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Tradewind.Core.Indicators;

namespace Tradewind.Benchmarks;

/// <summary>
/// Streaming updates and batch helpers of the hot indicators over 1,000,000 values. OperationsPerInvoke is the
/// number of values, so Mean reads as time per update and the Updates/s column as throughput on one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class IndicatorBenchmarks
{
    private const int Count = 1_000_000;

    private double[] _high = [];
    private double[] _low = [];
    private double[] _close = [];
    private double[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        // A seeded geometric random walk with consistent highs and lows: realistic branches in RSI and ATR.
        var random = new Random(20240308);
        _high = new double[Count];
        _low = new double[Count];
        _close = new double[Count];
        _output = new double[Count];
        var price = 100.0;
        for (var i = 0; i < Count; i++)
        {
            var open = price;
            price *= 1 + ((random.NextDouble() - 0.5) * 0.02);
            _close[i] = price;
            _high[i] = Math.Max(open, price) * (1 + (random.NextDouble() * 0.005));
            _low[i] = Math.Min(open, price) * (1 - (random.NextDouble() * 0.005));
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double StreamingSma20()
    {
        var sma = new SimpleMovingAverage(20);
        var last = 0.0;
        foreach (var x in _close)
        {
            last = sma.Update(x);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double StreamingEma20()
    {
        var ema = new ExponentialMovingAverage(20);
        var last = 0.0;
        foreach (var x in _close)
        {
            last = ema.Update(x);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double StreamingRsi14()
    {
        var rsi = new RelativeStrengthIndex(14);
        var last = 0.0;
        foreach (var x in _close)
        {
            last = rsi.Update(x);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double StreamingAtr14()
    {
        var atr = new AverageTrueRange(14);
        var high = _high;
        var low = _low;
        var close = _close;
        var last = 0.0;
        for (var i = 0; i < close.Length; i++)
        {
            last = atr.Update(high[i], low[i], close[i]);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public void BatchSma20() => SimpleMovingAverage.Compute(_close, 20, _output);

    [Benchmark(OperationsPerInvoke = Count)]
    public void BatchEma20() => ExponentialMovingAverage.Compute(_close, 20, _output);

    [Benchmark(OperationsPerInvoke = Count)]
    public void BatchRsi14() => RelativeStrengthIndex.Compute(_close, 14, _output);

    [Benchmark(OperationsPerInvoke = Count)]
    public void BatchAtr14() => AverageTrueRange.Compute(_high, _low, _close, 14, _output);

    /// <summary>Adds the Updates/s column to the default configuration.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new UpdatesPerSecondColumn());
        }
    }
}
