using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Testing;
using static Tradewind.Data.Tests.Csv.CsvSamples;

namespace Tradewind.Data.Tests.Csv;

public sealed class TradewindCsvWriterTests
{
    [Fact]
    public void Daily_series_are_written_by_date_with_shortest_round_trip_numbers()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        series.Add(new Bar(Day(2020, 1, 2), 43.96875, 44.25, 43.75, 0.1 + 0.2, 1003200));
        series.Add(new Bar(Day(2020, 1, 3), 1, 2, 0.5, 1.5, 0.25));

        Assert.Equal(
            "date,open,high,low,close,volume\n"
            + "2020-01-02,43.96875,44.25,43.75,0.30000000000000004,1003200\n"
            + "2020-01-03,1,2,0.5,1.5,0.25\n",
            TradewindCsvWriter.ToCsv(series));
    }

    [Fact]
    public void Adj_close_column_only_when_the_series_has_one_with_empty_cells_where_a_bar_has_none()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        series.Add(new Bar(Day(2020, 1, 2), 1, 2, 1, 1.5, 10));
        series.Add(new Bar(Day(2020, 1, 3), 1, 2, 1, 1.5, 10, 1.25));

        var text = TradewindCsvWriter.ToCsv(series);

        Assert.Equal("date,open,high,low,close,volume,adj_close\n2020-01-02,1,2,1,1.5,10,\n2020-01-03,1,2,1,1.5,10,1.25\n", text);
        Assert.Equal(Bars(series), Bars(Parse(text)));
    }

    [Fact]
    public void Equity_intraday_bars_are_written_in_new_york_time_with_the_offset_of_the_day()
    {
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Minute);
        series.Add(new Bar(Utc("2020-03-06T14:30:00Z"), 1, 2, 1, 1.5, 10));
        series.Add(new Bar(Utc("2020-03-09T13:30:00Z"), 1, 2, 1, 1.5, 10));

        Assert.Equal(
            "timestamp,open,high,low,close,volume\n"
            + "2020-03-06T09:30:00-05:00,1,2,1,1.5,10\n"
            + "2020-03-09T09:30:00-04:00,1,2,1,1.5,10\n",
            TradewindCsvWriter.ToCsv(series));
    }

    [Fact]
    public void Crypto_intraday_bars_are_written_in_utc()
    {
        var series = new BarSeries(Symbol.Parse("BTC-USD"), Resolution.Hourly);
        series.Add(new Bar(Utc("2018-05-15T06:00:00Z"), 8733.86, 8796.68, 8707.28, 8740.99, 559.93));

        Assert.Equal(
            "timestamp,open,high,low,close,volume\n2018-05-15T06:00:00+00:00,8733.86,8796.68,8707.28,8740.99,559.93\n",
            TradewindCsvWriter.ToCsv(series));
    }

    [Fact]
    public async Task Write_file_replaces_the_file_and_reads_back()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("SPY.csv", "old content");
        var series = new BarSeries(Symbol.Parse("SPY"), Resolution.Daily);
        series.Add(new Bar(Day(2020, 1, 2), 1, 2, 1, 1.5, 10));

        await TradewindCsvWriter.WriteFileAsync(series, path, TestContext.Current.CancellationToken);

        Assert.Equal(Bars(series), Bars(CsvBarReader.ReadFile(path, Symbol.Parse("SPY"))));
        Assert.Equal(["SPY.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
