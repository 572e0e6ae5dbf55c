using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using static Tradewind.Data.Tests.Csv.CsvSamples;

namespace Tradewind.Data.Tests.Csv;

public sealed class CsvBadInputTests
{
    private const string Header = "date,open,high,low,close,volume\n";
    private const string Good = "2020-01-02,10.3,10.6,10.1,10.4,1000\n";

    private static CsvImportError Single(CsvImportException failure)
    {
        Assert.Single(failure.Errors);
        return failure.Errors[0];
    }

    private static void AssertError(CsvImportError error, int line, string? column, string message)
    {
        Assert.Equal("test.csv", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_message_starts_with_file_line_column_and_reason_and_says_nothing_was_imported()
    {
        var failure = Failure(Header + Good + "2020-01-03,10.3,10.2,10.5,10.4,1000\n", source: "data/spy.csv");

        var lines = failure.Message.Split(Environment.NewLine);
        Assert.Equal("data/spy.csv:3: column 'high': high 10.2 is below low 10.5", lines[0]);
        Assert.Equal("No bars were imported from data/spy.csv.", lines[^1]);
        Assert.Equal("data/spy.csv", failure.File);
        Assert.False(failure.Truncated);
    }

    [Fact]
    public void Lines_are_counted_physically_including_blank_lines_and_crlf()
    {
        var text = "\r\n" + Header.Replace("\n", "\r\n", StringComparison.Ordinal) + Good + "\r\n\n" + "2020-01-03,10.3,10.6,10.1,10.4,-1\r\n";
        AssertError(Single(Failure(text)), 6, "volume", "volume -1 is negative");
    }

    [Fact]
    public void A_short_first_row_does_not_hide_the_other_problems()
    {
        var failure = Failure(Header + "2020-01-02,10.3,10.6,10.1,10.4\n" + "2020-01-03,10.3,10.6,10.1,x,1\n");
        Assert.Equal([2, 3], failure.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Unparseable_number()
    {
        AssertError(Single(Failure(Header + Good + "2020-01-03,abc,10.6,10.1,10.4,1000\n")), 3, "open", "'abc' is not a number");
    }

    [Fact]
    public void Decimal_comma_gets_a_hint()
    {
        AssertError(Single(Failure(Header + "2020-01-02,\"10,3\",10.6,10.1,10.4,1000\n")), 2, "open",
            "'10,3' is not a number; use '.' as the decimal separator");
    }

    [Fact]
    public void Empty_value()
    {
        AssertError(Single(Failure(Header + "2020-01-02,10.3,,10.1,10.4,1000\n")), 2, "high", "the value is empty");
    }

    [Fact]
    public void Unparseable_date()
    {
        AssertError(Single(Failure(Header + "2020-13-02,10.3,10.6,10.1,10.4,1000\n")), 2, "date", "'2020-13-02' is not a date (expected yyyy-MM-dd)");
        AssertError(Single(Failure(Header + "2021-02-29,10.3,10.6,10.1,10.4,1000\n")), 2, "date", "'2021-02-29' is not a date (expected yyyy-MM-dd)");
    }

    [Fact]
    public void Unparseable_timestamp_and_missing_offset()
    {
        const string header = "timestamp,open,high,low,close,volume\n";
        AssertError(Single(Failure(header + "2019-12-16T09:30:00-05:00,1,2,1,1,1\n2019-12-16T25:31:00-05:00,1,2,1,1,1\n", resolution: Resolution.Minute)),
            3, "timestamp", "'2019-12-16T25:31:00-05:00' is not an ISO 8601 timestamp (expected e.g. 2019-12-16T09:30:00-05:00)");
        AssertError(Single(Failure(header + "0001-01-01T00:00:00+05:00,1,2,1,1,1\n", resolution: Resolution.Minute)),
            2, "timestamp", "'0001-01-01T00:00:00+05:00' is not an ISO 8601 timestamp (expected e.g. 2019-12-16T09:30:00-05:00)");
        AssertError(Single(Failure(header + "2019-12-16T09:30:00,1,2,1,1,1\n", resolution: Resolution.Minute)),
            2, "timestamp", "'2019-12-16T09:30:00' has no UTC offset; write the exchange time with its offset, e.g. 2019-12-16T09:30:00-05:00");
    }

    [Fact]
    public void Too_few_fields_names_the_first_missing_column()
    {
        AssertError(Single(Failure(Header + Good + "2020-01-03,10.3,10.6,10.1,10.4\n")), 3, "volume", "missing: the row has 5 field(s), the header has 6");
    }

    [Fact]
    public void Too_many_fields()
    {
        AssertError(Single(Failure(Header + "2020-01-02,10.3,10.6,10.1,10.4,1000,7\n")), 2, null,
            "the row has 7 fields, the header has 6; quote values that contain commas, and use '.' as the decimal separator");
    }

    [Fact]
    public void High_below_low()
    {
        AssertError(Single(Failure(Header + "2020-01-02,10.3,10.2,10.5,10.4,1000\n")), 2, "high", "high 10.2 is below low 10.5");
    }

    [Theory]
    [InlineData("2020-01-02,10.7,10.6,10.1,10.4,1000", "open", "open 10.7 is above high 10.6")]
    [InlineData("2020-01-02,10.3,10.6,10.1,10.65,1000", "close", "close 10.65 is above high 10.6")]
    [InlineData("2020-01-02,10,10.6,10.1,10.4,1000", "open", "open 10 is below low 10.1")]
    [InlineData("2020-01-02,10.3,10.6,10.1,10.05,1000", "close", "close 10.05 is below low 10.1")]
    public void Open_or_close_outside_the_high_low_range(string row, string column, string message)
    {
        AssertError(Single(Failure(Header + row + "\n")), 2, column, message);
    }

    [Theory]
    [InlineData("2020-01-02,0,10.6,10.1,10.4,1000", "open", "open 0 is not positive: prices must be greater than 0")]
    [InlineData("2020-01-02,10.3,10.6,-1,10.4,1000", "low", "low -1 is not positive: prices must be greater than 0")]
    public void Non_positive_price(string row, string column, string message)
    {
        AssertError(Single(Failure(Header + row + "\n")), 2, column, message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void Not_finite_numbers(string value)
    {
        AssertError(Single(Failure(Header + $"2020-01-02,10.3,{value},10.1,10.4,1000\n")), 2, "high", $"'{value}' is not a finite number");
    }

    [Fact]
    public void Negative_volume()
    {
        AssertError(Single(Failure(Header + "2020-01-02,10.3,10.6,10.1,10.4,-5\n")), 2, "volume", "volume -5 is negative");
    }

    [Fact]
    public void Negative_adjusted_close()
    {
        AssertError(Single(Failure("date,open,high,low,close,volume,adj_close\n2020-01-02,10.3,10.6,10.1,10.4,5,-1\n")),
            2, "adj_close", "adjusted close -1 is not positive: prices must be greater than 0");
    }

    [Fact]
    public void Duplicate_date()
    {
        AssertError(Single(Failure(Header + Good + Good)), 3, "date",
            "duplicate date 2020-01-02: line 2 has the same date (2020-01-02); a 1d file has one row per trading date, keep one of the rows");
    }

    [Fact]
    public void Duplicate_timestamp()
    {
        const string row = "2019-12-16T09:30:00-05:00,1,2,1,1,1\n";
        AssertError(Single(Failure("timestamp,open,high,low,close,volume\n" + row + row, resolution: Resolution.Minute)), 3, "timestamp",
            "duplicate timestamp 2019-12-16T09:30:00-05:00: line 2 has the same timestamp (2019-12-16T09:30:00-05:00); each bar has its own start time, keep one of the rows");
    }

    [Fact]
    public void Out_of_order_date()
    {
        AssertError(Single(Failure(Header + Good + "2020-01-01,10.3,10.6,10.1,10.4,1000\n")), 3, "date",
            "date 2020-01-01 is not after 2020-01-02 on line 2: rows must be in ascending time order (oldest first)");
    }

    [Fact]
    public void Alpha_vantage_out_of_its_descending_order()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2021-08-03,365.28,366.93,362.0,366.81,35558511\n"
            + "2021-08-02,366.28,366.88,363.87,364.6,27334097\n"
            + "2021-08-04,366.28,366.88,363.87,364.6,27334097\n";
        AssertError(Single(Failure(text)), 4, "timestamp",
            "date 2021-08-04 is not before 2021-08-02 on line 3: Alpha Vantage files run newest first");
    }

    [Fact]
    public void An_ascending_file_with_alpha_vantage_dates_is_told_how_to_fix_it()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2021-08-02,366.28,366.88,363.87,364.6,27334097\n"
            + "2021-08-03,365.28,366.93,362.0,366.81,35558511\n";
        AssertError(Single(Failure(text)), 3, "timestamp",
            "date 2021-08-03 is not before 2021-08-02 on line 2: Alpha Vantage files run newest first; this file runs oldest first, "
            + "so it is not an Alpha Vantage download: name its date column 'date' (Tradewind format) or pass the format");
    }

    [Fact]
    public void Empty_file()
    {
        AssertError(Single(Failure("")), 0, null, "the file is empty: it has no header and no rows");
        AssertError(Single(Failure("\n  \r\n")), 0, null, "the file is empty: it has no header and no rows");
        Assert.StartsWith("test.csv: the file is empty", Failure("").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_file()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(Header + Good)).ToArray();

        var failure = Assert.Throws<CsvImportException>(() => CsvBarReader.Parse(bytes, "test.csv", Symbol.Parse("SPY")));

        AssertError(Single(failure), 0, null, "the file is UTF-16 encoded; save it as UTF-8 (or ASCII) CSV");
    }

    [Fact]
    public void Header_only()
    {
        AssertError(Single(Failure(Header + "\n\n")), 1, null, "the file has a header but no data rows");
    }

    [Fact]
    public void Unknown_header_lists_the_formats_read()
    {
        var error = Single(Failure("day,first,max,min,last\n2020-01-02,1,2,1,1\n"));
        Assert.Equal(1, error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith("the header 'day,first,max,min,last' matches no format Tradewind reads: Tradewind (date|timestamp,", error.Message, StringComparison.Ordinal);
        Assert.Contains("Yahoo (Date|Datetime,Open,High,Low,Close,Adj Close,Volume)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Stooq (", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alpha Vantage (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column()
    {
        AssertError(Single(Failure("Date,Open,High,Close,Adj Close,Volume\n2020-01-02,1,2,1,1,1\n")), 1, null,
            "the header 'Date,Open,High,Close,Adj Close,Volume' has no low column; a Yahoo file has Date,Open,High,Low,Close,Adj Close,Volume (or Datetime,... from yfinance)");
    }

    [Fact]
    public void A_misspelt_column_in_our_own_format_is_not_dropped_silently()
    {
        AssertError(Single(Failure("date,open,high,low,close,volume,adj_clse\n2020-01-02,1,2,1,1,1,1\n")), 1, null,
            "column 'adj_clse' is not part of the Tradewind format (date|timestamp,open,high,low,close,volume[,adj_close])");
    }

    [Fact]
    public void A_headerless_file_is_told_to_add_a_header()
    {
        AssertError(Single(Failure("2020-01-02,1,2,1,1,1\n")), 1, null,
            "the first line '2020-01-02,1,2,1,1,1' is data, not a header: add a header line such as date,open,high,low,close,volume");
    }

    [Fact]
    public void Semicolon_separated_file()
    {
        AssertError(Single(Failure("date;open;high;low;close;volume\n2020-01-02;1;2;1;1;1\n")), 1, null,
            "the fields are separated by ';': Tradewind reads comma-separated files with '.' as the decimal separator");
    }

    [Fact]
    public void Yahoo_null_row_asks_to_remove_the_row()
    {
        const string text = "Date,Open,High,Low,Close,Adj Close,Volume\n"
            + "2020-01-02,323.54,324.89,322.53,324.87,313.15,59151200\n"
            + "2020-01-03,null,null,null,null,null,null\n";
        AssertError(Single(Failure(text)), 3, "Open",
            "'null' is not a number (Yahoo writes 'null' when it has no prices for that date): remove the row");
    }

    [Theory]
    [InlineData("{\n    \"Error Message\": \"Invalid API call. Please retry or visit the documentation for TIME_SERIES_DAILY.\"\n}",
        "the file is an Alpha Vantage error response, not CSV: \"Invalid API call. Please retry or visit the documentation for TIME_SERIES_DAILY.\"; fix the request (symbol, function, API key) and download it again")]
    [InlineData("{\n    \"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute.\"\n}",
        "the file is an Alpha Vantage rate-limit or information response, not CSV: \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute.\"; wait for the limit to reset and download it again")]
    [InlineData("{\"Information\": \"The demo API key is for demo purposes only.\"}",
        "the file is an Alpha Vantage rate-limit or information response, not CSV: \"The demo API key is for demo purposes only.\"; wait for the limit to reset and download it again")]
    [InlineData("{\"something\": 1}", "the file is JSON, not CSV: {\"something\": 1}")]
    public void Alpha_vantage_error_payloads_are_named_and_quoted(string text, string message)
    {
        AssertError(Single(Failure(text)), 1, null, message);
    }

    [Fact]
    public void Alpha_vantage_plain_text_rate_limit_is_named()
    {
        var error = Single(Failure("Thank you for using Alpha Vantage! Please visit https://www.alphavantage.co/premium/ for higher limits.\n"));
        Assert.StartsWith("the file is an Alpha Vantage error or rate-limit response, not CSV: \"Thank you for using Alpha Vantage!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_daily_resolution_for_intraday_timestamps()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2019-12-16T09:30:00-05:00,1,2,1,1,1\n"
            + "2019-12-16T09:31:00-05:00,1,2,1,1,1\n";
        var failure = Failure(text, resolution: Resolution.Daily);
        Assert.Equal(2, failure.Errors.Count);
        AssertError(failure.Errors[0], 2, "timestamp",
            "'2019-12-16T09:30:00-05:00' has a time of day, but the resolution given is 1d: a 1d bar is keyed by its trading date; pass the file's real resolution");
    }

    [Fact]
    public void Declared_daily_resolution_with_two_bars_in_one_trading_date()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2019-12-16T00:00:00-05:00,1,2,1,1,1\n"
            + "2019-12-16T00:00:00+00:00,1,2,1,1,1\n";
        AssertError(Single(Failure(text, resolution: Resolution.Daily)), 3, "timestamp",
            "duplicate date 2019-12-16T00:00:00+00:00: line 2 has the same date (2019-12-16T00:00:00-05:00); a 1d file has one row per trading date, keep one of the rows");
    }

    [Fact]
    public void Declared_intraday_resolution_for_a_file_of_dates()
    {
        AssertError(Single(Failure(Header + Good, resolution: Resolution.Minute)), 2, "date",
            "the file holds dates only, but the resolution given is 1m: dates cannot key 1m bars; pass 1d (or the file's real resolution)");
    }

    [Fact]
    public void Declared_resolution_longer_than_the_spacing_of_the_bars()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2019-12-16T09:30:00-05:00,1,2,1,1,1\n"
            + "2019-12-16T09:31:00-05:00,1,2,1,1,1\n";
        AssertError(Single(Failure(text, resolution: new Resolution(5, ResolutionUnit.Minute))), 3, "timestamp",
            "2019-12-16T09:31:00-05:00 is only 1m from the bar on line 2, less than the resolution given (5m): pass the file's real resolution");
    }

    [Fact]
    public void Declared_resolution_contradicting_the_stooq_period()
    {
        const string text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "SPY.US,D,20200102,000000,318.02,319.66,316.96,319.66,66563904,0\n";
        AssertError(Single(Failure(text, resolution: Resolution.Hourly)), 2, "<PER>",
            "the resolution 1h given for the import contradicts the file's period 'D' (1d)");
    }

    [Fact]
    public void Stooq_rows_of_another_ticker()
    {
        const string text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "SPY.US,D,20200102,000000,318.02,319.66,316.96,319.66,66563904,0\n"
            + "QQQ.US,D,20200103,000000,318.02,319.66,316.96,319.66,66563904,0\n";
        AssertError(Single(Failure(text)), 3, "<TICKER>", "ticker 'QQQ.US' differs from 'SPY.US' on the first row: a file holds one symbol");
    }

    [Fact]
    public void A_single_timestamped_bar_needs_a_declared_resolution()
    {
        AssertError(Single(Failure("timestamp,open,high,low,close,volume\n2019-12-16T09:30:00-05:00,1,2,1,1,1\n")), 2, "timestamp",
            "cannot infer the resolution from fewer than two bars; pass it (a file name such as SPY_1min.csv names it)");
        Assert.Equal(1, Parse("timestamp,open,high,low,close,volume\n2019-12-16T09:30:00-05:00,1,2,1,1,1\n", resolution: Resolution.Minute).Count);
    }

    [Fact]
    public void A_wall_clock_time_in_the_skipped_dst_hour_is_an_error()
    {
        const string text = "timestamp,open,high,low,close,volume\n"
            + "2020-03-08 03:00:00,1,2,1,1,1\n"
            + "2020-03-08 02:30:00,1,2,1,1,1\n";
        AssertError(Single(Failure(text, resolution: new Resolution(30, ResolutionUnit.Minute))), 3, "timestamp",
            "'2020-03-08 02:30:00' does not exist in America/New_York: the clocks skip that hour when daylight saving time starts");
    }

    [Fact]
    public void Up_to_twenty_errors_are_collected_then_reading_stops()
    {
        var text = Header + string.Concat(Enumerable.Range(1, 28).Select(d => $"2020-02-{d:00},1,2,1,x,1\n"));

        var failure = Failure(text);

        Assert.Equal(CsvBarReader.MaxErrors, failure.Errors.Count);
        Assert.True(failure.Truncated);
        Assert.Equal(Enumerable.Range(2, 20), failure.Errors.Select(e => e.Line));
        Assert.Contains("(stopped after 20 errors; the file may hold more)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_reported_together_in_file_order()
    {
        var text = Header + Good + "2020-01-03,abc,10.6,10.1,10.4,1000\n" + "2020-01-04,10.3,10.6,10.1,10.4,-1\n" + "2020-01-04,10.3,10.6,10.1,10.4,1\n";

        var failure = Failure(text);

        Assert.Equal([3, 4, 5], failure.Errors.Select(e => e.Line));
        Assert.Equal(["open", "volume", "date"], failure.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Stooq_intraday_web_download_is_refused_with_the_alternative()
    {
        AssertError(Single(Failure("Date,Time,Open,High,Low,Close,Volume\n2020-01-02,15:35:00,1,2,1,1,1\n")), 1, null,
            "column 'Time': Stooq's intraday web download (Date,Time,...) is not read; download the bulk text format (<TICKER>,<PER>,<DATE>,<TIME>,...) instead");
    }

    [Fact]
    public void Stooq_monthly_period_is_not_supported()
    {
        const string text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "SPY.US,M,20200131,000000,318.02,319.66,316.96,319.66,66563904,0\n";
        AssertError(Single(Failure(text)), 2, "<PER>",
            "monthly bars (period 'M') are not supported: Tradewind's resolutions are minutes, hours, days and weeks");
    }
}
