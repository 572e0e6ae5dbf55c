using System.Globalization;
using System.Text;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Csv;

/// <summary>Every real file in the shared data imports, with the row count, resolution and first/last times its text states.</summary>
public sealed class SharedDataImportTests
{
    private static readonly string[] Folders = ["daily", "daily_unadjusted", "intraday"];

    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        var root = SharedData.Directory;
        if (root is null)
        {
            // One case that skips (or fails under CI) through SharedData.File, rather than no case at all.
            data.Add("daily/SPY.csv");
            return data;
        }

        foreach (var folder in Folders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*.csv").Order(StringComparer.Ordinal))
            {
                data.Add($"{folder}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Imports_with_the_row_count_resolution_and_times_of_the_file_text(string relativePath)
    {
        var path = SharedData.File(relativePath);
        var name = CsvFileName.Parse(path);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();

        var series = CsvBarReader.ReadFile(path, name.Symbol);

        Assert.Equal(CsvFormat.Tradewind, CsvBarReader.DetectFormat(File.ReadAllBytes(path), path));
        Assert.Equal(name.Resolution ?? Resolution.Daily, series.Resolution);
        Assert.Equal(lines.Length - 1, series.Count);
        Assert.Equal(TimeOf(lines[1]), series.Time[0]);
        Assert.Equal(TimeOf(lines[^1]), series.Time[^1]);
        AssertRow(lines[1], series[0]);
        AssertRow(lines[^1], series[series.Count - 1]);
        Assert.Equal(lines[0].EndsWith(",adj_close", StringComparison.Ordinal), series.HasAdjClose);

        var declared = CsvBarReader.ReadFile(path, name.Symbol, name.Resolution ?? Resolution.Daily);
        Assert.Equal(series.Count, declared.Count);
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Round_trips_through_the_writer_to_identical_bars_and_the_same_time_column(string relativePath)
    {
        var path = SharedData.File(relativePath);
        var name = CsvFileName.Parse(path);
        var imported = CsvBarReader.ReadFile(path, name.Symbol);

        var written = TradewindCsvWriter.ToCsv(imported);
        var again = CsvBarReader.Parse(Encoding.UTF8.GetBytes(written), "written.csv", name.Symbol);

        Assert.Equal(imported.Resolution, again.Resolution);
        Assert.Equal(imported.Count, again.Count);
        Assert.True(imported.Time.SequenceEqual(again.Time));
        AssertBitwiseEqual(imported.Open, again.Open);
        AssertBitwiseEqual(imported.High, again.High);
        AssertBitwiseEqual(imported.Low, again.Low);
        AssertBitwiseEqual(imported.Close, again.Close);
        AssertBitwiseEqual(imported.Volume, again.Volume);
        AssertBitwiseEqual(imported.AdjClose, again.AdjClose);

        // The writer follows the shared data's convention, so the date/timestamp column comes back as the file has it.
        var original = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        var rewritten = written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        Assert.Equal(original, rewritten);
    }

    [Fact]
    public void Spy_one_minute_starts_at_the_first_bar_of_its_text()
    {
        var series = CsvBarReader.ReadFile(SharedData.File("intraday/SPY_1min.csv"), Symbol.Parse("SPY"));

        Assert.Equal(new DateTime(2019, 12, 13, 16, 0, 0, DateTimeKind.Utc), series.Time[0]);
        Assert.Equal(new DateTime(2020, 1, 16, 20, 59, 0, DateTimeKind.Utc), series.Time[^1]);
        Assert.Equal(Resolution.Minute, series.Resolution);
        Assert.Equal(8360, series.Count);
    }

    [Fact]
    public void Every_number_in_the_shared_data_parses_exactly_as_double_parse_does()
    {
        var root = SharedData.Require();
        var checkedNumbers = 0;
        foreach (var folder in Folders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*.csv"))
            {
                foreach (var line in File.ReadLines(file).Skip(1))
                {
                    foreach (var cell in line.Split(',').Skip(1))
                    {
                        if (cell.Length == 0)
                        {
                            continue;
                        }

                        Assert.True(CsvNumberParser.TryParse(Encoding.ASCII.GetBytes(cell), out var value), cell);
                        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(cell, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
                        checkedNumbers++;
                    }
                }
            }
        }

        Assert.True(checkedNumbers > 2_000_000, $"only {checkedNumbers} numbers checked");
    }

    private static DateTime TimeOf(string line)
    {
        var text = line[..line.IndexOf(',', StringComparison.Ordinal)];
        return text.Length == 10
            ? DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
    }

    private static void AssertRow(string line, Bar bar)
    {
        var cells = line.Split(',');
        Assert.Equal(double.Parse(cells[1], CultureInfo.InvariantCulture), bar.Open);
        Assert.Equal(double.Parse(cells[2], CultureInfo.InvariantCulture), bar.High);
        Assert.Equal(double.Parse(cells[3], CultureInfo.InvariantCulture), bar.Low);
        Assert.Equal(double.Parse(cells[4], CultureInfo.InvariantCulture), bar.Close);
        Assert.Equal(double.Parse(cells[5], CultureInfo.InvariantCulture), bar.Volume);
        if (cells.Length > 6)
        {
            Assert.Equal(double.Parse(cells[6], CultureInfo.InvariantCulture), bar.AdjClose);
        }
    }

    private static void AssertBitwiseEqual(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"value {i}: {expected[i]:R} became {actual[i]:R}");
            }
        }
    }
}
