using System.Text;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;

namespace Tradewind.Data.Tests.Csv;

/// <summary>Parses hand-written CSV text the way a file would be read.</summary>
internal static class CsvSamples
{
    public static BarSeries Parse(string text, string symbol = "SPY", Resolution? resolution = null, CsvFormat format = CsvFormat.Auto, string source = "test.csv") =>
        CsvBarReader.Parse(Encoding.UTF8.GetBytes(text), source, Symbol.Parse(symbol), resolution, format);

    public static CsvFormat Detect(string text) => CsvBarReader.DetectFormat(Encoding.UTF8.GetBytes(text), "test.csv");

    /// <summary>The import failure for <paramref name="text"/>; fails the test when it imports.</summary>
    public static CsvImportException Failure(string text, string symbol = "SPY", Resolution? resolution = null, CsvFormat format = CsvFormat.Auto, string source = "test.csv")
    {
        BarSeries? series = null;
        var error = Assert.Throws<CsvImportException>(() => series = Parse(text, symbol, resolution, format, source));
        Assert.Null(series);
        Assert.NotEmpty(error.Errors);
        return error;
    }

    public static DateTime Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public static Bar[] Bars(BarSeries series)
    {
        var bars = new Bar[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            bars[i] = series[i];
        }

        return bars;
    }
}
