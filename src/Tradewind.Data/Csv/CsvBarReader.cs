using Tradewind.Core.Market;

namespace Tradewind.Data.Csv;

/// <summary>
/// Reads a CSV price file (Tradewind, Yahoo, Stooq or Alpha Vantage layout) into a validated <see cref="BarSeries"/>.
/// Any bad row makes the whole file fail with a <see cref="CsvImportException"/> that lists the problems by
/// file:line and column, so a caller never stores part of a file.
/// </summary>
/// <remarks>
/// To take the symbol and resolution from a file name such as <c>SPY_1min.csv</c>, use <see cref="CsvFileName"/>:
/// <code>var name = CsvFileName.Parse(path); var bars = CsvBarReader.ReadFile(path, name.Symbol, name.Resolution);</code>
/// </remarks>
public static class CsvBarReader
{
    /// <summary>How many problems are collected from one file before reading stops.</summary>
    public const int MaxErrors = 20;

    /// <summary>Reads and validates a CSV file.</summary>
    /// <param name="path">The file; messages name it as given.</param>
    /// <param name="symbol">The symbol the bars belong to.</param>
    /// <param name="resolution">The bar length; null infers it (dates: 1d; timestamps: the most common spacing).</param>
    /// <param name="format">The layout, or <see cref="CsvFormat.Auto"/> to detect it from the header.</param>
    /// <exception cref="CsvImportException">The file is not a readable, consistent price file.</exception>
    public static BarSeries ReadFile(string path, Symbol symbol, Resolution? resolution = null, CsvFormat format = CsvFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), path, symbol, resolution, format);
    }

    /// <summary>Reads and validates a CSV file without blocking on the disk read; see <see cref="ReadFile"/>.</summary>
    /// <param name="path">The file; messages name it as given.</param>
    /// <param name="symbol">The symbol the bars belong to.</param>
    /// <param name="resolution">The bar length; null infers it.</param>
    /// <param name="format">The layout, or <see cref="CsvFormat.Auto"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CsvImportException">The file is not a readable, consistent price file.</exception>
    public static async Task<BarSeries> ReadFileAsync(
        string path, Symbol symbol, Resolution? resolution = null, CsvFormat format = CsvFormat.Auto, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Parse(bytes, path, symbol, resolution, format);
    }

    /// <summary>Parses CSV text held in memory as UTF-8 bytes (a BOM is allowed).</summary>
    /// <param name="utf8">The file content.</param>
    /// <param name="source">How messages name the input, usually its path.</param>
    /// <param name="symbol">The symbol the bars belong to.</param>
    /// <param name="resolution">The bar length; null infers it.</param>
    /// <param name="format">The layout, or <see cref="CsvFormat.Auto"/>.</param>
    /// <exception cref="CsvImportException">The content is not a readable, consistent price file.</exception>
    public static BarSeries Parse(
        ReadOnlySpan<byte> utf8, string source, Symbol symbol, Resolution? resolution = null, CsvFormat format = CsvFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CsvBarParser(source, symbol, resolution, format).Parse(utf8);
    }

    /// <summary>
    /// The format <see cref="CsvFormat.Auto"/> would pick for this content, from its header and first data row.
    /// </summary>
    /// <param name="utf8">The file content.</param>
    /// <param name="source">How messages name the input.</param>
    /// <exception cref="CsvImportException">The content is empty, an error payload or has an unknown header.</exception>
    public static CsvFormat DetectFormat(ReadOnlySpan<byte> utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CsvBarParser(source, default, null, CsvFormat.Auto).DetectFormat(utf8);
    }
}
