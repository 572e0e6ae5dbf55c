using System.Globalization;
using Tradewind.Core.Market;
using Tradewind.Core.Time;
using Tradewind.Data.Csv;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Testing;

namespace Tradewind.Data.Tests.Providers.CsvFolder;

public sealed class CsvFolderDailyBarProviderTests : IDisposable
{
    private const string SpyCsv = """
        date,open,high,low,close,volume
        2024-01-02,472.16,473.67,470.49,472.65,123623700
        2024-01-03,470.43,471.19,468.17,468.79,103585900
        2024-01-04,468.30,470.96,467.05,467.28,84232200
        2024-01-05,467.49,470.44,466.43,467.92,86060800
        2024-01-08,468.43,474.75,468.30,474.60,74879100
        """;

    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private readonly TempDirectory _folder = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private CsvFolderDailyBarProvider Provider() => new(new CsvFolderOptions { Directory = _folder.Path });

    private static List<Bar> BarsOf(BarSeries series) => [.. Enumerable.Range(0, series.Count).Select(i => series[i])];

    [Fact]
    public async Task Reads_the_symbols_file_and_returns_only_the_range_asked_for()
    {
        _folder.Write("SPY.csv", SpyCsv);

        var bars = await Provider().GetDailyBarsAsync(Spy, D("2024-01-03"), D("2024-01-06"), Cancel);

        Assert.Equal(Spy, bars.Symbol);
        Assert.Equal(Resolution.Daily, bars.Resolution);
        Assert.Equal(
            [new Bar(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), 470.43, 471.19, 468.17, 468.79, 103585900),
             new Bar(new DateTime(2024, 1, 4, 0, 0, 0, DateTimeKind.Utc), 468.30, 470.96, 467.05, 467.28, 84232200),
             new Bar(new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc), 467.49, 470.44, 466.43, 467.92, 86060800)],
            BarsOf(bars));
        Assert.Equal(3, bars.Capacity);
    }

    [Fact]
    public async Task A_range_outside_the_file_is_an_empty_series()
    {
        _folder.Write("SPY.csv", SpyCsv);

        Assert.Equal(0, (await Provider().GetDailyBarsAsync(Spy, D("2023-06-01"), D("2023-12-29"), Cancel)).Count);
        Assert.Equal(0, (await Provider().GetDailyBarsAsync(Spy, D("2024-01-06"), D("2024-01-07"), Cancel)).Count);
    }

    [Fact]
    public async Task An_alpha_vantage_download_newest_first_is_read_too()
    {
        _folder.Write("SPY.csv", """
            timestamp,open,high,low,close,volume
            2024-01-05,467.49,470.44,466.43,467.92,86060800
            2024-01-04,468.30,470.96,467.05,467.28,84232200
            """);

        var bars = await Provider().GetDailyBarsAsync(Spy, D("2024-01-01"), D("2024-01-31"), Cancel);

        Assert.Equal([D("2024-01-04"), D("2024-01-05")], BarsOf(bars).Select(b => b.Date));
    }

    [Fact]
    public async Task A_file_named_in_another_case_is_found()
    {
        _folder.Write("spy.csv", SpyCsv);

        var bars = await Provider().GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-08"), Cancel);

        Assert.Equal(5, bars.Count);
    }

    [Fact]
    public async Task A_missing_file_names_the_path_and_the_fix()
    {
        _folder.Write("QQQ.csv", SpyCsv);
        var expected = Path.Combine(_folder.Path, "SPY.csv");

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => Provider().GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-08"), Cancel));

        Assert.Equal(MarketDataFailure.NotFound, ex.Failure);
        Assert.Equal("csv", ex.Provider);
        Assert.Equal("SPY", ex.Symbol);
        Assert.Contains($"there is no file {expected}", ex.Reason, StringComparison.Ordinal);
        Assert.Contains($"put SPY's daily bars in {expected}", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("data.csv_dir", ex.Fix, StringComparison.Ordinal);
        Assert.StartsWith("csv: daily bars for SPY: there is no file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_named_as_such()
    {
        var provider = new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = _folder.File("nowhere") });

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => provider.GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-08"), Cancel));

        Assert.Equal(MarketDataFailure.NotFound, ex.Failure);
        Assert.Contains($"the CSV folder {_folder.File("nowhere")} does not exist", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("data.csv_dir", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_differing_only_in_case_are_ambiguous()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            // Case-insensitive file systems cannot hold both names; the rule only matters where they can.
            return;
        }

        _folder.Write("spy.csv", SpyCsv);
        _folder.Write("Spy.csv", SpyCsv);

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => Provider().GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-08"), Cancel));

        Assert.Contains("2 files differ from it only in case", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("name it SPY.csv", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_fails_the_whole_file_with_the_readers_file_and_line()
    {
        var path = _folder.Write("SPY.csv", SpyCsv.Replace("2024-01-04,468.30,470.96", "2024-01-04,468.30,460.96", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => Provider().GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-03"), Cancel));

        Assert.Equal(MarketDataFailure.InvalidBars, ex.Failure);
        Assert.Contains($"{path}:4: column 'high'", ex.Reason, StringComparison.Ordinal);
        Assert.IsType<CsvImportException>(ex.InnerException);
        Assert.Contains(path, ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intraday_file_is_refused_as_not_daily()
    {
        _folder.Write("SPY.csv", """
            timestamp,open,high,low,close,volume
            2024-01-02T09:30:00-05:00,472.16,473.67,470.49,472.65,1000
            2024-01-02T09:31:00-05:00,472.65,473.00,472.00,472.50,1000
            """);

        var ex = await Assert.ThrowsAsync<MarketDataProviderException>(() => Provider().GetDailyBarsAsync(Spy, D("2024-01-02"), D("2024-01-02"), Cancel));

        Assert.Equal(MarketDataFailure.InvalidBars, ex.Failure);
    }

    [Fact]
    public void A_relative_folder_is_resolved_against_the_working_directory_and_an_empty_one_is_refused()
    {
        var provider = new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = "data/csv" });

        Assert.Equal(Path.GetFullPath("data/csv"), provider.Directory);
        Assert.Equal(Path.Combine(Path.GetFullPath("data/csv"), "QQQ.csv"), provider.PathFor(Symbol.Parse("qqq")));
        Assert.Equal("csv", provider.Name);
        Assert.Contains(provider.Directory, provider.Description, StringComparison.Ordinal);
        Assert.Contains("data.csv_dir", Assert.Throws<ArgumentException>(() => new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = " " })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SPY")]
    [InlineData("QQQ")]
    [InlineData("DIA")]
    public async Task The_shared_daily_files_give_one_bar_per_nyse_session_of_the_range_with_the_files_values(string ticker)
    {
        var file = SharedData.File($"daily/{ticker}.csv");
        var provider = new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = Path.GetDirectoryName(file)! });
        var from = D("2023-06-01");
        var to = D("2024-07-31");

        var bars = await provider.GetDailyBarsAsync(Symbol.Parse(ticker), from, to, Cancel);

        Assert.Equal(TradingCalendars.Nyse.TradingDays(from, to), BarsOf(bars).Select(b => b.Date));
        Assert.DoesNotContain(D("2024-07-04"), BarsOf(bars).Select(b => b.Date));
        Assert.True(bars.HasAdjClose);

        // The 2024-07-03 bar holds exactly the numbers of its line in the file.
        var line = File.ReadLines(file).Single(l => l.StartsWith("2024-07-03,", StringComparison.Ordinal)).Split(',');
        var bar = BarsOf(bars).Single(b => b.Date == D("2024-07-03"));
        Assert.Equal(double.Parse(line[1], CultureInfo.InvariantCulture), bar.Open);
        Assert.Equal(double.Parse(line[2], CultureInfo.InvariantCulture), bar.High);
        Assert.Equal(double.Parse(line[3], CultureInfo.InvariantCulture), bar.Low);
        Assert.Equal(double.Parse(line[4], CultureInfo.InvariantCulture), bar.Close);
        Assert.Equal(double.Parse(line[5], CultureInfo.InvariantCulture), bar.Volume);
        Assert.Equal(double.Parse(line[6], CultureInfo.InvariantCulture), bar.AdjClose);
    }
}
