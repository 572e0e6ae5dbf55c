using Tradewind.Core.Market;
using Tradewind.Data.Csv;

namespace Tradewind.Data.Providers.CsvFolder;

/// <summary>
/// Daily bars from <c>&lt;folder&gt;/&lt;SYMBOL&gt;.csv</c>, read and checked by <see cref="CsvBarReader"/> (Tradewind,
/// Yahoo, Stooq or Alpha Vantage layout, detected from the header): offline use, tests, and history a paid API
/// will not give. The whole file is read and checked on every request; only the range asked for is returned.
/// </summary>
public sealed class CsvFolderDailyBarProvider : IDailyBarProvider
{
    /// <summary>The provider's name in configuration (<c>data.provider: csv</c>).</summary>
    public const string ProviderName = "csv";

    /// <summary>Creates the provider; the folder is looked at on each request, so it may be filled later.</summary>
    /// <param name="options">The folder; validated here.</param>
    /// <exception cref="ArgumentException">The folder option is empty or not a path.</exception>
    public CsvFolderDailyBarProvider(CsvFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory = Path.GetFullPath(options.Directory);
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string Description => $"CSV files in {Directory} (<SYMBOL>.csv)";

    /// <summary>The file the provider reads for <paramref name="symbol"/>: <c>&lt;folder&gt;/&lt;TICKER&gt;.csv</c>.</summary>
    public string PathFor(Symbol symbol) => Path.Combine(Directory, symbol.Ticker + ".csv");

    /// <inheritdoc />
    public async Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var range = DailyRange.Create(from, to);
        cancellationToken.ThrowIfCancellationRequested();
        var ticker = symbol.Ticker;
        var path = FindFile(symbol);

        BarSeries all;
        try
        {
            all = await CsvBarReader.ReadFileAsync(path, symbol, Resolution.Daily, CsvFormat.Auto, cancellationToken);
        }
        catch (CsvImportException ex)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.InvalidBars,
                $"{path} is not a valid daily price file: {ex.Message.ReplaceLineEndings(" ")}",
                $"correct the lines named above in {path} (or replace the file with a fresh download), then fetch again", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MarketDataProviderException(ProviderName, ticker, MarketDataFailure.Other,
                $"{path} could not be read: {ex.Message}",
                $"check that {path} is a readable file (permissions, not locked by another program), then fetch again", ex);
        }

        return range.Slice(all, ProviderName, path);
    }

    /// <summary>
    /// The exact file name, or the one file whose name differs only in case (<c>spy.csv</c>) so that a folder
    /// made on a case-insensitive file system still works here.
    /// </summary>
    private string FindFile(Symbol symbol)
    {
        var path = PathFor(symbol);
        if (File.Exists(path))
        {
            return path;
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            throw new MarketDataProviderException(ProviderName, symbol.Ticker, MarketDataFailure.NotFound,
                $"the CSV folder {Directory} does not exist (the csv provider reads <folder>/<SYMBOL>.csv)",
                $"create {Directory} and put {symbol.Ticker}.csv in it, or point data.csv_dir at the folder that holds your CSV files");
        }

        var wanted = symbol.Ticker + ".csv";
        var matches = System.IO.Directory.EnumerateFiles(Directory, "*", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, RecurseSubdirectories = false })
            .Where(f => string.Equals(Path.GetFileName(f), wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new MarketDataProviderException(ProviderName, symbol.Ticker, MarketDataFailure.NotFound,
                matches.Count == 0
                    ? $"there is no file {path}"
                    : $"there is no file {path}, and {matches.Count} files differ from it only in case ({string.Join(", ", matches.Select(Path.GetFileName))})",
                matches.Count == 0
                    ? $"put {symbol.Ticker}'s daily bars in {path} (header date,open,high,low,close,volume; Yahoo, Stooq and Alpha Vantage CSV downloads work too), or point data.csv_dir at the folder that has it"
                    : $"keep one of them and name it {wanted}");
    }
}
