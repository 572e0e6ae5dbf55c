using System.Diagnostics.CodeAnalysis;
using Tradewind.Core.Market;

namespace Tradewind.Data.Csv;

/// <summary>
/// The symbol and, when the name carries one, the resolution that a price file's name states:
/// <c>SPY.csv</c> is SPY, <c>SPY_1min.csv</c> SPY at 1m, <c>BTC-USD_1h.csv</c> BTC-USD at 1h.
/// </summary>
/// <param name="Symbol">The symbol, with the asset class <see cref="Symbol.Parse"/> infers.</param>
/// <param name="Resolution">The resolution after the last underscore, or null when the name has none.</param>
public readonly record struct CsvFileName(Symbol Symbol, Resolution? Resolution)
{
    /// <summary>Reads the symbol and resolution from a path or file name; throws <see cref="FormatException"/> when the name is no ticker.</summary>
    public static CsvFileName Parse(string path)
    {
        if (!TryParse(path, out var name, out var reason))
        {
            throw new FormatException(reason);
        }

        return name;
    }

    /// <summary>Reads the symbol and resolution as <see cref="Parse"/> does, returning the reason when it cannot.</summary>
    public static bool TryParse(string? path, out CsvFileName name, [NotNullWhen(false)] out string? reason)
    {
        name = default;
        if (string.IsNullOrWhiteSpace(path))
        {
            reason = "a file name is needed to name the symbol";
            return false;
        }

        var stem = Path.GetFileNameWithoutExtension(path);
        Resolution? resolution = null;

        // Only a trailing _<resolution> that parses is stripped, so tickers with underscores of their own survive.
        var underscore = stem.LastIndexOf('_');
        if (underscore > 0 && Core.Market.Resolution.TryParse(stem[(underscore + 1)..], out var parsed))
        {
            resolution = parsed;
            stem = stem[..underscore];
        }

        if (!Symbol.TryParse(stem, out var symbol, out var symbolReason))
        {
            reason = $"file name '{Path.GetFileName(path)}' does not name a symbol: {symbolReason}";
            return false;
        }

        name = new CsvFileName(symbol, resolution);
        reason = null;
        return true;
    }
}
