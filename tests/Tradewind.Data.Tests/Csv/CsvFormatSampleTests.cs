using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using static Tradewind.Data.Tests.Csv.CsvSamples;

namespace Tradewind.Data.Tests.Csv;

public sealed class CsvFormatSampleTests
{
    [Fact]
    public void Tradewind_daily_with_adj_close_and_an_empty_adj_close_cell()
    {
        const string text = "date,open,high,low,close,volume,adj_close\n"
            + "2020-01-02,323.54,324.89,322.53,324.87,59151200,310.5\n"
            + "2020-01-03,321.16,323.64,321.1,322.41,77709700,\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Tradewind, Detect(text));
        Assert.Equal(Resolution.Daily, series.Resolution);
        Assert.Equal(
            [
                new Bar(Day(2020, 1, 2), 323.54, 324.89, 322.53, 324.87, 59151200, 310.5),
                new Bar(Day(2020, 1, 3), 321.16, 323.64, 321.1, 322.41, 77709700, null),
            ],
            Bars(series));
    }

    [Fact]
    public void Tradewind_intraday_timestamps_with_offsets_become_utc_instants()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2019-12-16T09:30:00-05:00,316.02,316.5,315.9,316.3,1200\n"
            + "2019-12-16T09:31:00-05:00,316.3,316.4,316.1,316.2,800.5\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Tradewind, Detect(text));
        Assert.Equal(Resolution.Minute, series.Resolution);
        Assert.Equal(
            [
                new Bar(new DateTime(2019, 12, 16, 14, 30, 0, DateTimeKind.Utc), 316.02, 316.5, 315.9, 316.3, 1200),
                new Bar(new DateTime(2019, 12, 16, 14, 31, 0, DateTimeKind.Utc), 316.3, 316.4, 316.1, 316.2, 800.5),
            ],
            Bars(series));
    }

    [Fact]
    public void Crlf_bom_quotes_spaces_and_trailing_blank_lines_are_tolerated()
    {
        const string text = "\uFEFFdate, open ,high,low,close,volume\r\n"
            + "\"2020-01-02\",\"1.5\",2,1,1.5,10\r\n"
            + "2020-01-03, 1.5 ,2,1,2,20\r\n"
            + "\r\n\r\n";

        var series = Parse(text);

        Assert.Equal(
            [new Bar(Day(2020, 1, 2), 1.5, 2, 1, 1.5, 10), new Bar(Day(2020, 1, 3), 1.5, 2, 1, 2, 20)],
            Bars(series));
    }

    [Fact]
    public void A_file_read_from_disk_is_named_in_messages_and_parses_the_same()
    {
        using var dir = new Tradewind.Testing.TempDirectory();
        var path = dir.Write("SPY.csv", "date,open,high,low,close,volume\n2020-01-02,1,2,1,1.5,10\n");

        var series = CsvBarReader.ReadFile(path, Symbol.Parse("SPY"));

        Assert.Equal([new Bar(Day(2020, 1, 2), 1, 2, 1, 1.5, 10)], Bars(series));
    }

    [Fact]
    public void Yahoo_download_with_adj_close()
    {
        const string text = "Date,Open,High,Low,Close,Adj Close,Volume\n"
            + "2020-01-02,323.540009,324.890015,322.529999,324.869995,313.158447,59151200\n"
            + "2020-01-03,321.160004,323.640015,321.100006,322.410004,310.787140,77709700\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Yahoo, Detect(text));
        Assert.Equal(
            [
                new Bar(Day(2020, 1, 2), 323.540009, 324.890015, 322.529999, 324.869995, 59151200, 313.158447),
                new Bar(Day(2020, 1, 3), 321.160004, 323.640015, 321.100006, 322.410004, 77709700, 310.787140),
            ],
            Bars(series));
    }

    [Fact]
    public void Yahoo_columns_are_mapped_by_name_in_any_order_and_extra_columns_are_ignored()
    {
        // yfinance has written its columns alphabetically, with Dividends and Stock Splits.
        const string text = "Date,Adj Close,Close,Dividends,High,Low,Open,Stock Splits,Volume\n"
            + "2020-01-02 00:00:00-05:00,313.15,324.87,0,324.89,322.53,323.54,0,59151200\n";

        var series = Parse(text);

        Assert.Equal([new Bar(Day(2020, 1, 2), 323.54, 324.89, 322.53, 324.87, 59151200, 313.15)], Bars(series));
    }

    [Fact]
    public void Yfinance_intraday_datetime_with_offsets()
    {
        const string text = "Datetime,Open,High,Low,Close,Adj Close,Volume\n"
            + "2019-12-16 09:30:00-05:00,316.02,316.5,315.9,316.3,316.3,1200\n"
            + "2019-12-16 09:35:00-05:00,316.3,316.4,316.1,316.2,316.2,800\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Yahoo, Detect(text));
        Assert.Equal(new Resolution(5, ResolutionUnit.Minute), series.Resolution);
        Assert.Equal(
            [
                new Bar(Utc("2019-12-16T14:30:00Z"), 316.02, 316.5, 315.9, 316.3, 1200, 316.3),
                new Bar(Utc("2019-12-16T14:35:00Z"), 316.3, 316.4, 316.1, 316.2, 800, 316.2),
            ],
            Bars(series));
    }

    [Fact]
    public void Stooq_web_download()
    {
        const string text = "Date,Open,High,Low,Close,Volume\n"
            + "2020-01-02,323.54,324.89,322.53,324.87,59151200\n"
            + "2020-01-03,321.16,323.64,321.1,322.41,77709700\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Stooq, Detect(text));
        Assert.Equal(
            [
                new Bar(Day(2020, 1, 2), 323.54, 324.89, 322.53, 324.87, 59151200),
                new Bar(Day(2020, 1, 3), 321.16, 323.64, 321.1, 322.41, 77709700),
            ],
            Bars(series));
    }

    [Fact]
    public void Stooq_web_download_of_an_index_has_no_volume_column_and_gets_volume_zero()
    {
        const string text = "Date,Open,High,Low,Close\n2020-01-02,3244.67,3258.14,3235.53,3257.85\n";

        var series = Parse(text, "^SPX");

        Assert.Equal(CsvFormat.Stooq, Detect(text));
        Assert.Equal([new Bar(Day(2020, 1, 2), 3244.67, 3258.14, 3235.53, 3257.85, 0)], Bars(series));
    }

    [Fact]
    public void Stooq_bulk_daily()
    {
        const string text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "SPY.US,D,20200102,000000,318.02,319.66,316.96,319.66,66563904.2,0\n"
            + "SPY.US,D,20200103,000000,315.59,317.81,315.36,317.28,87398700.1,0\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.Stooq, Detect(text));
        Assert.Equal(Resolution.Daily, series.Resolution);
        Assert.Equal(
            [
                new Bar(Day(2020, 1, 2), 318.02, 319.66, 316.96, 319.66, 66563904.2),
                new Bar(Day(2020, 1, 3), 315.59, 317.81, 315.36, 317.28, 87398700.1),
            ],
            Bars(series));
    }

    [Fact]
    public void Stooq_bulk_intraday_takes_the_period_as_resolution_and_the_time_as_exchange_time()
    {
        const string text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "SPY.US,5,20200702,093000,311.5,312,311.2,311.8,1000,0\n"
            + "SPY.US,5,20200702,093500,311.8,312.1,311.6,312,900,0\n";

        var series = Parse(text);

        Assert.Equal(new Resolution(5, ResolutionUnit.Minute), series.Resolution);
        Assert.Equal(
            [
                new Bar(Utc("2020-07-02T13:30:00Z"), 311.5, 312, 311.2, 311.8, 1000),
                new Bar(Utc("2020-07-02T13:35:00Z"), 311.8, 312.1, 311.6, 312, 900),
            ],
            Bars(series));
    }

    [Fact]
    public void Alpha_vantage_daily_runs_newest_first_and_comes_back_ascending()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2021-08-03,365.28,366.93,362.0,366.81,35558511\n"
            + "2021-08-02,366.28,366.88,363.87,364.6,27334097\n"
            + "2021-07-30,364.0,366.0,363.0,365.0,30000000\n";

        var series = Parse(text, "QQQ");

        Assert.Equal(CsvFormat.AlphaVantage, Detect(text));
        Assert.Equal(Resolution.Daily, series.Resolution);
        Assert.Equal(
            [
                new Bar(Day(2021, 7, 30), 364.0, 366.0, 363.0, 365.0, 30000000),
                new Bar(Day(2021, 8, 2), 366.28, 366.88, 363.87, 364.6, 27334097),
                new Bar(Day(2021, 8, 3), 365.28, 366.93, 362.0, 366.81, 35558511),
            ],
            Bars(series));
    }

    [Fact]
    public void Alpha_vantage_intraday_eastern_time_across_the_spring_dst_change()
    {
        // 2020-03-08: New York moves from EST (-05:00) to EDT (-04:00).
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2020-03-09 09:31:00,280,281,279,280.5,2000\n"
            + "2020-03-09 09:30:00,281,282,280,281,3000\n"
            + "2020-03-06 15:59:00,290,291,289,290.5,4000\n"
            + "2020-03-06 15:58:00,291,292,290,291,5000\n";

        var series = Parse(text);

        Assert.Equal(CsvFormat.AlphaVantage, Detect(text));
        Assert.Equal(Resolution.Minute, series.Resolution);
        Assert.Equal(
            [
                new Bar(Utc("2020-03-06T20:58:00Z"), 291, 292, 290, 291, 5000),
                new Bar(Utc("2020-03-06T20:59:00Z"), 290, 291, 289, 290.5, 4000),
                new Bar(Utc("2020-03-09T13:30:00Z"), 281, 282, 280, 281, 3000),
                new Bar(Utc("2020-03-09T13:31:00Z"), 280, 281, 279, 280.5, 2000),
            ],
            Bars(series));
    }

    [Fact]
    public void Alpha_vantage_intraday_fall_dst_change()
    {
        // 2020-11-01: New York moves back from EDT (-04:00) to EST (-05:00).
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2020-11-02 09:30:00,10,11,9,10,1\n"
            + "2020-10-30 15:30:00,10,11,9,10,1\n"
            + "2020-10-30 15:00:00,10,11,9,10,1\n";

        var series = Parse(text);

        Assert.Equal(new Resolution(30, ResolutionUnit.Minute), series.Resolution);
        Assert.Equal(
            [Utc("2020-10-30T19:00:00Z"), Utc("2020-10-30T19:30:00Z"), Utc("2020-11-02T14:30:00Z")],
            series.Time.ToArray());
    }

    [Fact]
    public void Alpha_vantage_daily_adjusted()
    {
        const string text = "timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient\n"
            + "2021-08-03,365.28,366.93,362.0,366.81,366.81,35558511,0.0000,1.0\n"
            + "2021-08-02,366.28,366.88,363.87,364.6,364.6,27334097,0.0000,1.0\n"
            + "2000-03-17,213.0,216.0,208.0,216.0,92.1,12345678,0.0000,1.0\n";

        var series = Parse(text, "QQQ");

        Assert.Equal(CsvFormat.AlphaVantage, Detect(text));
        Assert.Equal(
            [
                new Bar(Day(2000, 3, 17), 213.0, 216.0, 208.0, 216.0, 12345678, 92.1),
                new Bar(Day(2021, 8, 2), 366.28, 366.88, 363.87, 364.6, 27334097, 364.6),
                new Bar(Day(2021, 8, 3), 365.28, 366.93, 362.0, 366.81, 35558511, 366.81),
            ],
            Bars(series));
    }

    [Fact]
    public void Crypto_symbols_take_vendor_wall_clock_times_as_utc()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2020-03-09 01:00:00,10,11,9,10,1.5\n"
            + "2020-03-09 00:00:00,10,11,9,10,2.5\n";

        var series = Parse(text, "BTC-USD");

        Assert.Equal([Utc("2020-03-09T00:00:00Z"), Utc("2020-03-09T01:00:00Z")], series.Time.ToArray());
        Assert.Equal(Resolution.Hourly, series.Resolution);
    }

    [Fact]
    public void A_named_format_overrides_detection()
    {
        const string text = "Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,1.5,10\n";

        var series = Parse(text, format: CsvFormat.Yahoo);

        Assert.Equal([new Bar(Day(2020, 1, 2), 1, 2, 1, 1.5, 10)], Bars(series));
    }

    [Fact]
    public void A_declared_resolution_that_fits_is_used()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2019-12-16T09:30:00-05:00,1,2,1,1.5,10\n"
            + "2019-12-16T10:30:00-05:00,1,2,1,1.5,10\n";

        Assert.Equal(Resolution.Hourly, Parse(text, resolution: Resolution.Hourly).Resolution);
        Assert.Equal(new Resolution(30, ResolutionUnit.Minute), Parse(text, resolution: new Resolution(30, ResolutionUnit.Minute)).Resolution);
    }

    [Fact]
    public void Daily_timestamps_at_midnight_are_keyed_by_their_date()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2020-01-02T00:00:00+00:00,1,2,1,1.5,10\n"
            + "2020-01-03T00:00:00+00:00,1,2,1,1.5,10\n";

        var series = Parse(text, "BTC-USD");

        Assert.Equal(Resolution.Daily, series.Resolution);
        Assert.Equal([Day(2020, 1, 2), Day(2020, 1, 3)], series.Time.ToArray());
    }
}
