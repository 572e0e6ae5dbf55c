using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;

namespace Tradewind.Benchmarks;

/// <summary>
/// CSV import speed on realistic in-memory files. OperationsPerInvoke is the row count, so "Op/s" is rows per
/// second and "Mean" is the time per row. Target: at least 2 million daily rows per second on one core.
/// Run: dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*CsvParse*' --job short
/// </summary>
[Config(typeof(RowsPerSecondConfig))]
[MemoryDiagnoser]
public class CsvParseBenchmarks
{
    private const int Rows = 500_000;

    private byte[] _csv = [];
    private Symbol _symbol;

    /// <summary>How the generated file looks.</summary>
    public enum Shape
    {
        /// <summary>Yahoo CSV prices with 6 decimals, as in daily/SPY.csv: <c>43.968750</c>.</summary>
        SixDecimals,

        /// <summary>yfinance float32 artefacts, as in daily/AAPL.csv: <c>44.43000030517578</c> (16-17 digits).</summary>
        Float32Artefacts,

        /// <summary>Half and half, row by row.</summary>
        Mixed,

        /// <summary>Tradewind intraday: <c>2019-12-16T09:30:00-05:00</c> timestamps and 2-decimal prices.</summary>
        IntradayWithOffsets,
    }

    [ParamsAllValues]
    public Shape Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var text = new StringBuilder(Rows * 110);
        var intraday = Data == Shape.IntradayWithOffsets;
        text.Append(intraday ? "timestamp,open,high,low,close,volume\n" : "date,open,high,low,close,volume,adj_close\n");
        var day = new DateTime(100, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var minute = new DateTime(2019, 12, 16, 9, 30, 0, DateTimeKind.Unspecified);
        var price = 100.0;
        for (var i = 0; i < Rows; i++)
        {
            price = Math.Max(1, price * (1 + ((random.NextDouble() - 0.5) * 0.02)));
            var open = price * (1 + ((random.NextDouble() - 0.5) * 0.01));
            var close = price;
            var high = Math.Max(open, close) * (1 + (random.NextDouble() * 0.01));
            var low = Math.Min(open, close) * (1 - (random.NextDouble() * 0.01));
            var volume = random.Next(100_000, 90_000_000);
            if (intraday)
            {
                text.Append(CultureInfo.InvariantCulture, $"{minute:yyyy-MM-dd'T'HH:mm:ss}-05:00,{open:F2},{Math.Round(high, 2) + 0.01:F2},{Math.Round(low, 2) - 0.01:F2},{close:F2},{volume}\n");
                minute = minute.AddMinutes(1);
                continue;
            }

            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}");
            var float32 = Data == Shape.Float32Artefacts || (Data == Shape.Mixed && i % 2 == 1);
            foreach (var value in (ReadOnlySpan<double>)[open, high, low, close])
            {
                text.Append(',').Append(Price(value, float32));
            }

            text.Append(CultureInfo.InvariantCulture, $",{volume},").Append(Price(close * 0.8, float32)).Append('\n');
            day = day.AddDays(1);
        }

        _csv = Encoding.UTF8.GetBytes(text.ToString());
        _symbol = Symbol.Parse("SPY");
        if (CsvBarReader.Parse(_csv, "bench.csv", _symbol).Count != Rows)
        {
            throw new InvalidOperationException("the generated file does not import completely");
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int Parse() => CsvBarReader.Parse(_csv, "bench.csv", _symbol).Count;

    // The price as it sits in a real file: Yahoo's 6 decimals, or a float32 value widened to double by yfinance.
    private static string Price(double value, bool float32) => float32
        ? ((double)(float)Math.Round(value, 2)).ToString("R", CultureInfo.InvariantCulture)
        : value.ToString("F6", CultureInfo.InvariantCulture);

    private sealed class RowsPerSecondConfig : ManualConfig
    {
        public RowsPerSecondConfig()
        {
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
