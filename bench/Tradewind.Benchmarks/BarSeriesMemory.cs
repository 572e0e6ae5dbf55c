using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;
using Tradewind.Testing;
using SyntheticSeries = Tradewind.Data.Simulation.SyntheticBars;

namespace Tradewind.Benchmarks;

/// <summary>
/// What a loaded <see cref="BarSeries"/> costs per bar: the real daily SPY file (with adjusted closes, parsed from
/// memory), 200,000 one-minute bars parsed from Tradewind CSV, and the same minute bars loaded from SQLite (which
/// grows the series by doubling, then trims it). "B/bar" is allocated bytes per bar of one load, temporaries
/// included; the setup prints the bytes the kept series retains per bar (its arrays at their capacity, and headers),
/// which is the figure the budget (≤ 64) is about.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerBarConfig))]
public class BarSeriesMemory
{
    private const int MinuteBars = 200_000;

    private readonly TempDirectory _temp = new();
    private byte[] _csv = [];
    private PriceHistoryRepository? _repository;
    private Symbol _symbol;

    /// <summary>Where the bars come from.</summary>
    public enum Source
    {
        /// <summary>daily/SPY.csv from the shared data (Yahoo layout, adj_close column).</summary>
        DailyCsv,

        /// <summary>200,000 synthetic minute bars written as Tradewind CSV.</summary>
        MinuteCsv,

        /// <summary>The same minute bars read back from a SQLite file.</summary>
        MinuteSqlite,
    }

    [Params(Source.DailyCsv, Source.MinuteCsv, Source.MinuteSqlite)]
    public Source From { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        if (From == Source.DailyCsv)
        {
            _symbol = Symbol.Parse("SPY");
            _csv = await File.ReadAllBytesAsync(SharedData.File("daily/SPY.csv"));
        }
        else
        {
            var minutes = SyntheticSeries.RandomWalk(Symbol.Parse("SYN"), Resolution.Minute, MinuteBars, seed: 11);
            _symbol = minutes.Symbol;
            _csv = Encoding.UTF8.GetBytes(TradewindCsvWriter.ToCsv(minutes));
            if (From == Source.MinuteSqlite)
            {
                var database = await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(_temp.File("memory.db"), _temp.Path));
                _repository = new PriceHistoryRepository(database);
                await _repository.UpsertAsync([minutes]);
            }
        }

        // The figure that matters: what the kept series holds on to. Its arrays are one per column (time, open, high,
        // low, close, volume, and adjusted close when present), each Capacity × 8 bytes; the object itself is ~80 bytes.
        var series = Load();
        var columns = series.HasAdjClose ? 7 : 6;
        var arrays = (double)series.Capacity * columns * 8;
        Console.WriteLine($"// {From}: {series.Count:N0} bars, capacity {series.Capacity:N0}, {columns} columns: the series retains {(arrays + (columns * 24) + 80) / series.Count:F2} bytes per bar");
    }

    [Benchmark]
    public BarSeries Load() => From switch
    {
        Source.MinuteSqlite => _repository!.LoadAsync(_symbol, Resolution.Minute).GetAwaiter().GetResult(),
        Source.MinuteCsv => CsvBarReader.Parse(_csv, "minutes.csv", _symbol, Resolution.Minute),
        _ => CsvBarReader.Parse(_csv, "SPY.csv", _symbol, Resolution.Daily),
    };

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private static double BarsOf(BenchmarkCase benchmarkCase)
    {
        var from = (Source)benchmarkCase.Parameters["From"];
        return from == Source.DailyCsv ? Math.Max(0, File.ReadLines(SharedData.File("daily/SPY.csv")).Count() - 1) : MinuteBars;
    }

    private sealed class PerBarConfig : ManualConfig
    {
        public PerBarConfig()
        {
            AddColumn(new BarsPerSecondColumn("B/bar", allocation: true, BarsOf));
            AddColumn(new BarsPerSecondColumn("Bars/s", allocation: false, BarsOf));
        }
    }
}
