namespace Tradewind.Data.Csv;

/// <summary>
/// A file's format and what each of its columns holds, worked out from the header (and, for the
/// <c>timestamp</c> header that Tradewind and Alpha Vantage share, from the first data row).
/// </summary>
internal sealed class CsvLayout
{
    /// <summary>The header layouts of every format, for messages that list what is read.</summary>
    public const string KnownFormats =
        "Tradewind (date|timestamp,open,high,low,close,volume[,adj_close]), "
        + "Yahoo (Date|Datetime,Open,High,Low,Close,Adj Close,Volume), "
        + "Stooq (Date,Open,High,Low,Close[,Volume] or <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>), "
        + "Alpha Vantage (timestamp,open,high,low,close[,adjusted_close],volume[,dividend_amount,split_coefficient])";

    private static readonly Dictionary<string, CsvColumn> TradewindNames = new(StringComparer.Ordinal)
    {
        ["date"] = CsvColumn.Time,
        ["timestamp"] = CsvColumn.Time,
        ["open"] = CsvColumn.Open,
        ["high"] = CsvColumn.High,
        ["low"] = CsvColumn.Low,
        ["close"] = CsvColumn.Close,
        ["volume"] = CsvColumn.Volume,
        ["adj_close"] = CsvColumn.AdjClose,
    };

    private static readonly Dictionary<string, CsvColumn> YahooNames = new(StringComparer.Ordinal)
    {
        ["date"] = CsvColumn.Time,
        ["datetime"] = CsvColumn.Time,
        ["open"] = CsvColumn.Open,
        ["high"] = CsvColumn.High,
        ["low"] = CsvColumn.Low,
        ["close"] = CsvColumn.Close,
        ["adj close"] = CsvColumn.AdjClose,
        ["volume"] = CsvColumn.Volume,
    };

    // Stooq's web download is also offered with Polish headers.
    private static readonly Dictionary<string, CsvColumn> StooqWebNames = new(StringComparer.Ordinal)
    {
        ["date"] = CsvColumn.Time,
        ["data"] = CsvColumn.Time,
        ["open"] = CsvColumn.Open,
        ["otwarcie"] = CsvColumn.Open,
        ["high"] = CsvColumn.High,
        ["najwyzszy"] = CsvColumn.High,
        ["low"] = CsvColumn.Low,
        ["najnizszy"] = CsvColumn.Low,
        ["close"] = CsvColumn.Close,
        ["zamkniecie"] = CsvColumn.Close,
        ["volume"] = CsvColumn.Volume,
        ["wolumen"] = CsvColumn.Volume,
    };

    private static readonly Dictionary<string, CsvColumn> StooqBulkNames = new(StringComparer.Ordinal)
    {
        ["<ticker>"] = CsvColumn.Ticker,
        ["<per>"] = CsvColumn.Period,
        ["<date>"] = CsvColumn.Date,
        ["<time>"] = CsvColumn.Clock,
        ["<open>"] = CsvColumn.Open,
        ["<high>"] = CsvColumn.High,
        ["<low>"] = CsvColumn.Low,
        ["<close>"] = CsvColumn.Close,
        ["<vol>"] = CsvColumn.Volume,
        ["<openint>"] = CsvColumn.Ignored,
    };

    private static readonly Dictionary<string, CsvColumn> AlphaVantageNames = new(StringComparer.Ordinal)
    {
        ["timestamp"] = CsvColumn.Time,
        ["open"] = CsvColumn.Open,
        ["high"] = CsvColumn.High,
        ["low"] = CsvColumn.Low,
        ["close"] = CsvColumn.Close,
        ["adjusted_close"] = CsvColumn.AdjClose,
        ["volume"] = CsvColumn.Volume,
        ["dividend_amount"] = CsvColumn.Ignored,
        ["split_coefficient"] = CsvColumn.Ignored,
    };

    private static readonly CsvColumn[] PriceColumns = [CsvColumn.Open, CsvColumn.High, CsvColumn.Low, CsvColumn.Close];

    private CsvLayout(CsvFormat format, IReadOnlyList<string> names, CsvColumn[] columns, CsvTimeStyle timeStyle)
    {
        Format = format;
        Names = names;
        Columns = columns;
        TimeStyle = timeStyle;
    }

    /// <summary>The format, never <see cref="CsvFormat.Auto"/>.</summary>
    public CsvFormat Format { get; }

    /// <summary>The header names as written (trimmed, unquoted), for messages.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>What each column holds, by position.</summary>
    public CsvColumn[] Columns { get; }

    /// <summary>How the bar time is written.</summary>
    public CsvTimeStyle TimeStyle { get; }

    /// <summary>True for formats whose rows run newest first (Alpha Vantage).</summary>
    public bool NewestFirst => Format == CsvFormat.AlphaVantage;

    /// <summary>The column's position, or -1 when the file has none.</summary>
    public int IndexOf(CsvColumn column) => Array.IndexOf(Columns, column);

    /// <summary>The display name of a format for messages.</summary>
    public static string Describe(CsvFormat format) => format switch
    {
        CsvFormat.Tradewind => "Tradewind",
        CsvFormat.Yahoo => "Yahoo",
        CsvFormat.Stooq => "Stooq",
        CsvFormat.AlphaVantage => "Alpha Vantage",
        _ => "auto-detected",
    };

    /// <summary>
    /// Maps the header to a layout in the requested format (detecting it for <see cref="CsvFormat.Auto"/>).
    /// On failure <paramref name="error"/> says why, naming the formats that are read.
    /// </summary>
    /// <param name="requested">The format the caller named, or Auto.</param>
    /// <param name="names">The header cells, trimmed and unquoted.</param>
    /// <param name="headerIsLowercase">True when the header is written in lower case, as Tradewind writes it.</param>
    /// <param name="firstRow">The cells of the first data row, or null when there is none.</param>
    /// <param name="layout">The layout, when the header is understood.</param>
    /// <param name="error">Why the header is not understood.</param>
    public static bool TryCreate(
        CsvFormat requested, IReadOnlyList<string> names, bool headerIsLowercase, IReadOnlyList<string>? firstRow,
        out CsvLayout? layout, out string? error)
    {
        layout = null;
        var lower = names.Select(n => n.ToLowerInvariant()).ToArray();
        var bulk = lower.Any(n => n.StartsWith('<'));
        var format = requested == CsvFormat.Auto ? Detect(lower, bulk, headerIsLowercase, firstRow) : requested;
        if (format is null)
        {
            error = $"the header '{string.Join(',', names)}' matches no format Tradewind reads: {KnownFormats}";
            return false;
        }

        var aliases = format switch
        {
            CsvFormat.Tradewind => TradewindNames,
            CsvFormat.Yahoo => YahooNames,
            CsvFormat.Stooq => bulk ? StooqBulkNames : StooqWebNames,
            _ => AlphaVantageNames,
        };

        var columns = new CsvColumn[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (format == CsvFormat.Stooq && !bulk && lower[i] is "time" or "czas")
            {
                error = $"column '{names[i]}': Stooq's intraday web download (Date,Time,...) is not read; "
                    + "download the bulk text format (<TICKER>,<PER>,<DATE>,<TIME>,...) instead";
                return false;
            }

            if (aliases.TryGetValue(lower[i], out var column))
            {
                var previous = Array.IndexOf(columns, column, 0, i);
                if (column != CsvColumn.Ignored && previous >= 0)
                {
                    error = $"columns '{names[previous]}' and '{names[i]}' both hold the {column.ToString().ToLowerInvariant()}; keep one";
                    return false;
                }

                columns[i] = column;
            }
            else if (format == CsvFormat.Tradewind)
            {
                // Our own layout is strict: a misspelt adj_close must not be dropped silently.
                error = $"column '{names[i]}' is not part of the Tradewind format (date|timestamp,open,high,low,close,volume[,adj_close])";
                return false;
            }
            else
            {
                columns[i] = CsvColumn.Ignored;
            }
        }

        var timeColumn = format == CsvFormat.Stooq && bulk ? CsvColumn.Date : CsvColumn.Time;
        var required = new List<CsvColumn> { timeColumn };
        required.AddRange(PriceColumns);
        if (format is CsvFormat.Tradewind or CsvFormat.Yahoo or CsvFormat.AlphaVantage)
        {
            required.Add(CsvColumn.Volume);
        }

        foreach (var column in required)
        {
            if (Array.IndexOf(columns, column) < 0)
            {
                error = $"the header '{string.Join(',', names)}' has no {column.ToString().ToLowerInvariant()} column; "
                    + $"a {Describe(format.Value)} file has {Layouts(format.Value)}";
                return false;
            }
        }

        var timeIndex = Array.IndexOf(columns, timeColumn);
        var style = format switch
        {
            CsvFormat.Stooq when bulk => CsvTimeStyle.CompactDateAndTime,
            CsvFormat.Stooq => CsvTimeStyle.Date,
            CsvFormat.AlphaVantage => firstRow is not null && timeIndex < firstRow.Count && firstRow[timeIndex].Trim().Length > 10
                ? CsvTimeStyle.ExchangeLocalTimestamp
                : CsvTimeStyle.Date,
            _ => lower[timeIndex] == "date" ? CsvTimeStyle.Date : CsvTimeStyle.OffsetTimestamp,
        };

        layout = new CsvLayout(format.Value, names, columns, style);
        error = null;
        return true;
    }

    private static CsvFormat? Detect(string[] lower, bool bulk, bool headerIsLowercase, IReadOnlyList<string>? firstRow)
    {
        if (bulk)
        {
            return CsvFormat.Stooq;
        }

        if (lower.Contains("adj close") || lower.Contains("datetime"))
        {
            return CsvFormat.Yahoo;
        }

        if (lower.Contains("adjusted_close") || lower.Contains("dividend_amount") || lower.Contains("split_coefficient"))
        {
            return CsvFormat.AlphaVantage;
        }

        var timestamp = Array.IndexOf(lower, "timestamp");
        if (timestamp >= 0)
        {
            if (lower.Contains("adj_close"))
            {
                return CsvFormat.Tradewind;
            }

            // Same header, different time spelling: ours carries an offset (2019-12-16T09:30:00-05:00);
            // Alpha Vantage writes a date or an Eastern wall-clock time (2019-12-16 09:30:00).
            if (firstRow is null || timestamp >= firstRow.Count)
            {
                return CsvFormat.Tradewind;
            }

            // A 'T' without an offset is taken as ours, so that the row error can ask for the offset.
            var value = System.Text.Encoding.UTF8.GetBytes(firstRow[timestamp].Trim());
            return CsvTimeParser.TryParseIso(value, out var parsed) && (!parsed.HasTime || (value[10] == (byte)' ' && !parsed.HasOffset))
                ? CsvFormat.AlphaVantage
                : CsvFormat.Tradewind;
        }

        if (lower.Contains("date") || lower.Contains("data"))
        {
            // Stooq's web download and our daily layout read the same; our writer's exact lower-case
            // header (with volume) names ours, anything else is taken as Stooq, whose volume is optional.
            return lower.Contains("adj_close") || (headerIsLowercase && lower.Contains("volume"))
                ? CsvFormat.Tradewind
                : CsvFormat.Stooq;
        }

        return null;
    }

    private static string Layouts(CsvFormat format) => format switch
    {
        CsvFormat.Tradewind => "date,open,high,low,close,volume[,adj_close] or timestamp,open,high,low,close,volume[,adj_close]",
        CsvFormat.Yahoo => "Date,Open,High,Low,Close,Adj Close,Volume (or Datetime,... from yfinance)",
        CsvFormat.Stooq => "Date,Open,High,Low,Close[,Volume] or <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>",
        _ => "timestamp,open,high,low,close,volume or timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient",
    };
}
