using Tradewind.Core.Market;
using Tradewind.Data.Csv;

namespace Tradewind.Data.Tests.Csv;

/// <summary>Files of dates hold daily or weekly bars; the spacing decides, and a contradiction is an error.</summary>
public sealed class CsvDateSpacingTests
{
    // Yahoo weekly download: one bar per week, dated Mondays (2024-01-15 is a holiday Monday, still the week's key).
    private const string Weekly = """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-01-01,100,105,99,104,104,5000
        2024-01-08,104,108,103,107,107,5000
        2024-01-15,107,109,101,102,102,5000
        2024-01-22,102,106,100,105,105,5000
        """;

    [Fact]
    public void A_weekly_file_is_read_as_weekly_bars_not_daily()
    {
        var bars = CsvBarReader.Parse(Utf8(Weekly), "test.csv", Symbol.Parse("SPY"));
        Assert.Equal("1w", bars.Resolution.ToString());
        Assert.Equal(4, bars.Count);
    }

    [Fact]
    public void Declaring_1d_for_weekly_data_is_an_error_that_suggests_1w()
    {
        var failure = Assert.Throws<CsvImportException>(() => CsvBarReader.Parse(Utf8(Weekly), "test.csv", Symbol.Parse("SPY"), Resolution.Daily));
        Assert.Contains("the bars are a median 7 days apart, which is weekly data, but the resolution is 1d; pass --resolution 1w", failure.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_data_is_refused()
    {
        const string monthly = "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,10\n2024-02-01,1,2,0.5,1,10\n2024-03-01,1,2,0.5,1,10\n";
        var failure = Assert.Throws<CsvImportException>(() => CsvBarReader.Parse(Utf8(monthly), "test.csv", Symbol.Parse("SPY")));
        Assert.Contains("(monthly or sparser data); Tradewind stores daily (1d) and weekly (1w) bars", failure.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declaring_1w_for_daily_data_is_an_error()
    {
        const string daily = "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,10\n2024-01-03,1,2,0.5,1,10\n2024-01-04,1,2,0.5,1,10\n";
        var failure = Assert.Throws<CsvImportException>(() => CsvBarReader.Parse(Utf8(daily), "test.csv", Symbol.Parse("SPY"), new Resolution(1, ResolutionUnit.Week)));
        Assert.Contains("the resolution is 1w but the bars are a median 1 days apart", failure.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_data_with_weekends_and_holidays_stays_daily()
    {
        // Gaps of 1, 3 (weekend) and 4 (holiday weekend) days.
        const string daily = "date,open,high,low,close,volume\n2024-01-11,1,2,0.5,1,10\n2024-01-12,1,2,0.5,1,10\n2024-01-16,1,2,0.5,1,10\n2024-01-17,1,2,0.5,1,10\n2024-01-19,1,2,0.5,1,10\n2024-01-22,1,2,0.5,1,10\n";
        Assert.Equal(Resolution.Daily, CsvBarReader.Parse(Utf8(daily), "test.csv", Symbol.Parse("SPY")).Resolution);
    }

    [Fact]
    public void A_weekly_series_written_and_read_back_stays_weekly()
    {
        var bars = CsvBarReader.Parse(Utf8(Weekly), "test.csv", Symbol.Parse("SPY"));
        var again = CsvBarReader.Parse(Utf8(TradewindCsvWriter.ToCsv(bars)), "again.csv", Symbol.Parse("SPY"));
        Assert.Equal(bars.Resolution, again.Resolution);
        Assert.Equal(bars.Close.ToArray(), again.Close.ToArray());
    }

    [Fact]
    public void A_fraction_of_a_second_in_a_bar_time_is_refused()
    {
        const string text = "timestamp,open,high,low,close,volume\n2024-01-02T09:30:00-05:00,1,2,0.5,1,10\n2024-01-02T09:31:00.250-05:00,1,2,0.5,1,10\n";
        var failure = Assert.Throws<CsvImportException>(() => CsvBarReader.Parse(Utf8(text), "test.csv", Symbol.Parse("SPY"), Resolution.Minute));
        Assert.Equal(3, failure.Errors[0].Line);
        Assert.Contains("has a fraction of a second; bar times are whole seconds", failure.Errors[0].Message, StringComparison.Ordinal);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
}
