using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Data.Csv;

/// <summary>
/// One import of one file: finds the header, maps it to a <see cref="CsvLayout"/>, settles the resolution,
/// then parses every row over the UTF-8 bytes (no string per field) into bars, collecting errors.
/// </summary>
internal sealed class CsvBarParser
{
    // Wide enough for every vendor layout; a wider header is not a price file.
    private const int MaxColumns = 64;

    // "The first few hundred rows" decide an inferred resolution: enough to outvote session gaps.
    private const int InferenceRows = 500;


    private readonly string _source;
    private readonly Symbol _symbol;
    private readonly Resolution? _declared;
    private readonly CsvFormat _requested;
    private readonly List<CsvImportError> _errors = [];
    private readonly DateTimeZone? _exchangeZone;
    private bool _truncated;

    private CsvLayout _layout = null!;
    private Resolution _resolution;
    private bool _inferred;
    private int _time;
    private int _clock = -1;
    private int _open;
    private int _high;
    private int _low;
    private int _close;
    private int _volume = -1;
    private int _adjClose = -1;
    private int _ticker = -1;
    private int _period = -1;
    private string? _firstPeriod;
    private string? _firstTicker;

    public CsvBarParser(string source, Symbol symbol, Resolution? declared, CsvFormat requested)
    {
        _source = source;
        _symbol = symbol;
        _declared = declared;
        _requested = requested;

        // Vendor times without an offset are exchange wall-clock times: New York for US equities, UTC for crypto.
        _exchangeZone = symbol.AssetClass == AssetClass.Crypto ? null : TradingCalendars.For(symbol.AssetClass).TimeZone;
    }

    /// <summary>Parses the whole file; throws <see cref="CsvImportException"/> listing every problem found.</summary>
    public BarSeries Parse(ReadOnlySpan<byte> data)
    {
        data = SkipByteOrderMark(data);
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            FailFile(0, "the file is UTF-16 encoded; save it as UTF-8 (or ASCII) CSV");
        }

        Span<int> starts = stackalloc int[MaxColumns];
        Span<int> lengths = stackalloc int[MaxColumns];

        var position = 0;
        var lineNumber = 0;
        if (!NextNonBlankLine(data, ref position, ref lineNumber, out var header))
        {
            FailFile(0, "the file is empty: it has no header and no rows");
        }

        var headerLine = lineNumber;
        ReadHeader(data, header, headerLine);

        var dataStart = position;
        var dataLineNumber = lineNumber;
        var hasRow = NextNonBlankLine(data, ref position, ref lineNumber, out var firstRow);
        var firstRowLine = lineNumber;
        IReadOnlyList<string>? firstRowCells = hasRow ? SplitToStrings(firstRow) : null;

        if (!CsvLayout.TryCreate(_requested, SplitToStrings(header), IsLowercase(header), firstRowCells, out var layout, out var layoutError))
        {
            FailFile(headerLine, layoutError!);
        }

        _layout = layout!;
        if (!hasRow)
        {
            FailFile(headerLine, "the file has a header but no data rows");
        }

        MapColumns();
        SettleResolution(data[dataStart..], dataLineNumber, firstRow, firstRowLine, starts, lengths);
        return ParseRows(data, dataStart, dataLineNumber, starts, lengths);
    }

    /// <summary>Detects the format from the header and first data row without parsing the rows.</summary>
    public CsvFormat DetectFormat(ReadOnlySpan<byte> data)
    {
        data = SkipByteOrderMark(data);
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            FailFile(0, "the file is UTF-16 encoded; save it as UTF-8 (or ASCII) CSV");
        }

        var position = 0;
        var lineNumber = 0;
        if (!NextNonBlankLine(data, ref position, ref lineNumber, out var header))
        {
            FailFile(0, "the file is empty: it has no header and no rows");
        }

        var headerLine = lineNumber;
        ReadHeader(data, header, headerLine);
        IReadOnlyList<string>? firstRow = NextNonBlankLine(data, ref position, ref lineNumber, out var row) ? SplitToStrings(row) : null;
        if (!CsvLayout.TryCreate(_requested, SplitToStrings(header), IsLowercase(header), firstRow, out var layout, out var error))
        {
            FailFile(headerLine, error!);
        }

        return layout!.Format;
    }

    private BarSeries ParseRows(ReadOnlySpan<byte> data, int position, int lineNumber, Span<int> starts, Span<int> lengths)
    {
        var capacity = data[position..].Count((byte)'\n') + 1;
        var newestFirst = _layout.NewestFirst;

        // Oldest-first files go straight into the series (thrown away if any row fails); newest-first ones are
        // buffered and reversed at the end.
        var series = new BarSeries(_symbol, _resolution, capacity);
        var reversed = newestFirst ? new Bar[capacity] : null;
        var count = 0;
        var rows = 0;
        var minimumGap = _resolution.IsDateBased ? 0 : _resolution.Duration.Ticks;
        var previous = default(DateTime);
        var previousLine = 0;
        var previousStart = 0;
        var previousLength = 0;

        while (true)
        {
            var lineStart = position;
            if (!NextLine(data, ref position, ref lineNumber, out var line))
            {
                break;
            }

            if (IsBlank(line))
            {
                continue;
            }

            if (_errors.Count >= CsvBarReader.MaxErrors)
            {
                _truncated = true;
                break;
            }

            rows++;
            var fields = Split(line, starts, lengths);
            if (!CheckFieldCount(lineNumber, fields) || !TryReadTime(line, lineNumber, starts, lengths, out var time))
            {
                continue;
            }

            if (time.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                // SQLite keys bars by whole Unix seconds; a fraction would make two databases disagree.
                Error(lineNumber, _time, $"'{Text(Field(line, starts, lengths, _time))}' has a fraction of a second; bar times are whole seconds");
                continue;
            }

            var ordered = true;
            if (previousLine > 0)
            {
                var gap = newestFirst ? previous.Ticks - time.Ticks : time.Ticks - previous.Ticks;
                if (gap <= 0)
                {
                    ordered = false;
                    ReportOrder(line, lineNumber, starts, lengths, data.Slice(previousStart, previousLength), previousLine, gap == 0, secondRow: rows == 2);
                }
                else if (gap < minimumGap)
                {
                    ordered = false;
                    ReportSpacing(line, lineNumber, starts, lengths, gap, previousLine);
                }
            }

            previous = time;
            previousLine = lineNumber;
            previousStart = lineStart;
            previousLength = line.Length;
            if (TryReadValues(line, lineNumber, starts, lengths, time, out var bar) && ordered && _errors.Count == 0)
            {
                if (reversed is null)
                {
                    series.Add(bar);
                }
                else
                {
                    reversed[count++] = bar;
                }
            }
        }

        if (_errors.Count > 0)
        {
            throw new CsvImportException(_source, _errors, _truncated);
        }

        if (reversed is not null)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                series.Add(reversed[i]);
            }
        }

        return series;
    }

    private bool TryReadValues(ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths, DateTime time, out Bar bar)
    {
        bar = default;
        if (!TryReadPrice(line, lineNumber, starts, lengths, _open, out var open)
            || !TryReadPrice(line, lineNumber, starts, lengths, _high, out var high)
            || !TryReadPrice(line, lineNumber, starts, lengths, _low, out var low)
            || !TryReadPrice(line, lineNumber, starts, lengths, _close, out var close))
        {
            return false;
        }

        double volume = 0;
        if (_volume >= 0)
        {
            var field = Field(line, starts, lengths, _volume);
            if (!TryReadNumber(field, lineNumber, _volume, out volume))
            {
                return false;
            }

            if (volume < 0)
            {
                return Error(lineNumber, _volume, $"volume {Show(volume)} is negative");
            }
        }

        double? adjClose = null;
        if (_adjClose >= 0 && !Field(line, starts, lengths, _adjClose).IsEmpty)
        {
            // An empty adjusted close means "none for this bar", as our writer writes it.
            if (!TryReadPrice(line, lineNumber, starts, lengths, _adjClose, out var adj))
            {
                return false;
            }

            adjClose = adj;
        }

        // The same checks, in the same order, as Bar.Validate, but naming the column at fault.
        if (high < low)
        {
            return Error(lineNumber, _high, $"high {Show(high)} is below low {Show(low)}");
        }

        if (open > high)
        {
            return Error(lineNumber, _open, $"open {Show(open)} is above high {Show(high)}");
        }

        if (close > high)
        {
            return Error(lineNumber, _close, $"close {Show(close)} is above high {Show(high)}");
        }

        if (open < low)
        {
            return Error(lineNumber, _open, $"open {Show(open)} is below low {Show(low)}");
        }

        if (close < low)
        {
            return Error(lineNumber, _close, $"close {Show(close)} is below low {Show(low)}");
        }

        bar = new Bar(time, open, high, low, close, volume, adjClose);
        if (bar.Validate() is { } problem)
        {
            return Error(lineNumber, -1, problem);
        }

        return CheckStooqConsistency(line, lineNumber, starts, lengths);
    }

    private bool TryReadPrice(ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths, int column, out double value)
    {
        if (!TryReadNumber(Field(line, starts, lengths, column), lineNumber, column, out value))
        {
            return false;
        }

        if (value <= 0)
        {
            var name = _layout.Columns[column] == CsvColumn.AdjClose ? "adjusted close" : _layout.Columns[column].ToString().ToLowerInvariant();
            return Error(lineNumber, column, $"{name} {Show(value)} is not positive: prices must be greater than 0");
        }

        return true;
    }

    private bool TryReadNumber(ReadOnlySpan<byte> field, int lineNumber, int column, out double value)
    {
        if (CsvNumberParser.TryParse(field, out value))
        {
            return double.IsFinite(value) || Error(lineNumber, column, $"'{Text(field)}' is not a finite number");
        }

        if (field.IsEmpty)
        {
            return Error(lineNumber, column, "the value is empty");
        }

        if (Ascii.EqualsIgnoreCase(field, "null"u8))
        {
            var vendor = _layout.Format == CsvFormat.Yahoo ? "Yahoo" : "the vendor";
            return Error(lineNumber, column, $"'null' is not a number ({vendor} writes 'null' when it has no prices for that date): remove the row");
        }

        var hint = field.IndexOf((byte)',') >= 0
            ? "; use '.' as the decimal separator"
            : string.Empty;
        return Error(lineNumber, column, $"'{Text(field)}' is not a number{hint}");
    }

    private bool TryReadTime(ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths, out DateTime time)
    {
        time = default;
        var field = Field(line, starts, lengths, _time);
        switch (_layout.TimeStyle)
        {
            case CsvTimeStyle.Date:
                if (!CsvTimeParser.TryParseIso(field, out var date))
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' is not a date (expected yyyy-MM-dd)");
                }

                if (date.HasTime && date.TimeOfDayTicks != 0)
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' has a time of day; the '{_layout.Names[_time]}' column holds dates (yyyy-MM-dd)");
                }

                time = date.Date;
                return true;

            case CsvTimeStyle.OffsetTimestamp:
                if (!CsvTimeParser.TryParseIso(field, out var stamp))
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' is not an ISO 8601 timestamp (expected e.g. 2019-12-16T09:30:00-05:00)");
                }

                if (!stamp.HasTime)
                {
                    return Error(lineNumber, _time,
                        $"'{Text(field)}' is a date without a time of day; a '{_layout.Names[_time]}' column holds timestamps with a UTC offset "
                        + "(e.g. 2019-12-16T09:30:00-05:00); name the column 'date' for daily bars");
                }

                if (!stamp.HasOffset)
                {
                    return Error(lineNumber, _time,
                        $"'{Text(field)}' has no UTC offset; write the exchange time with its offset, e.g. 2019-12-16T09:30:00-05:00");
                }

                return ToBarTime(stamp.LocalTicks, stamp, field, lineNumber, _time, out time);

            case CsvTimeStyle.ExchangeLocalTimestamp:
                if (!CsvTimeParser.TryParseIso(field, out var local))
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' is not a date and time (expected yyyy-MM-dd HH:mm:ss)");
                }

                if (!local.HasTime && !_resolution.IsDateBased)
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' has no time of day, but the bars are {_resolution}");
                }

                return ToBarTime(local.LocalTicks, local, field, lineNumber, _time, out time);

            default:
                if (!CsvTimeParser.TryParseCompactDate(field, out var dayTicks))
                {
                    return Error(lineNumber, _time, $"'{Text(field)}' is not a date (expected yyyyMMdd)");
                }

                long clockTicks = 0;
                if (_clock >= 0)
                {
                    var clock = Field(line, starts, lengths, _clock);
                    if (!CsvTimeParser.TryParseCompactTime(clock, out clockTicks))
                    {
                        return Error(lineNumber, _clock, $"'{Text(clock)}' is not a time of day (expected HHmmss)");
                    }

                    if (clockTicks != 0 && _resolution.IsDateBased)
                    {
                        return Error(lineNumber, _clock, $"time '{Text(clock)}' is not 000000, but the bars are {_resolution} (one per date)");
                    }
                }

                return ToBarTime(dayTicks + clockTicks, new CsvTimestamp(dayTicks + clockTicks, clockTicks != 0, false, 0), field, lineNumber, _time, out time);
        }
    }

    // A date-based bar is keyed by the written date (its time of day must be 00:00); an intraday bar by its UTC instant.
    private bool ToBarTime(long localTicks, CsvTimestamp stamp, ReadOnlySpan<byte> field, int lineNumber, int column, out DateTime time)
    {
        time = default;
        if (_resolution.IsDateBased)
        {
            if (stamp.TimeOfDayTicks != 0)
            {
                var declared = _inferred ? "the bars are" : "the resolution given is";
                return Error(lineNumber, column,
                    $"'{Text(field)}' has a time of day, but {declared} {_resolution}: a {_resolution} bar is keyed by its trading date; "
                    + "pass the file's real resolution");
            }

            time = stamp.Date;
            return true;
        }

        if (stamp.HasOffset)
        {
            time = stamp.UtcInstant;
            return true;
        }

        if (!TryExchangeToUtc(localTicks, out time))
        {
            return Error(lineNumber, column,
                $"'{Text(field)}' does not exist in {_exchangeZone!.Id}: the clocks skip that hour when daylight saving time starts");
        }

        return true;
    }

    private bool TryExchangeToUtc(long localTicks, out DateTime utc)
    {
        if (_exchangeZone is null)
        {
            utc = new DateTime(localTicks, DateTimeKind.Utc);
            return true;
        }

        var mapping = _exchangeZone.MapLocal(LocalDateTime.FromDateTime(new DateTime(localTicks, DateTimeKind.Unspecified)));
        if (mapping.Count == 0)
        {
            utc = default;
            return false;
        }

        // In the repeated hour when daylight saving time ends the earlier instant is taken; US sessions never fall there.
        utc = mapping.First().ToDateTimeUtc();
        return true;
    }

    // The instant a row's time stands for, for resolution inference only; problems are reported by the main pass.
    private bool TryPeekInstant(ReadOnlySpan<byte> line, Span<int> starts, Span<int> lengths, out long ticks)
    {
        ticks = 0;
        var field = Field(line, starts, lengths, _time);
        if (_layout.TimeStyle == CsvTimeStyle.CompactDateAndTime)
        {
            if (!CsvTimeParser.TryParseCompactDate(field, out var day))
            {
                return false;
            }

            long clock = 0;
            if (_clock >= 0 && !CsvTimeParser.TryParseCompactTime(Field(line, starts, lengths, _clock), out clock))
            {
                return false;
            }

            var ok = TryExchangeToUtc(day + clock, out var utc);
            ticks = utc.Ticks;
            return ok;
        }

        if (!CsvTimeParser.TryParseIso(field, out var stamp))
        {
            return false;
        }

        if (stamp.HasOffset)
        {
            ticks = stamp.UtcInstant.Ticks;
            return true;
        }

        var mapped = TryExchangeToUtc(stamp.LocalTicks, out var instant);
        ticks = instant.Ticks;
        return mapped;
    }

    private void SettleResolution(ReadOnlySpan<byte> rows, int lineNumber, ReadOnlySpan<byte> firstRow, int firstRowLine, Span<int> starts, Span<int> lengths)
    {
        if (_period >= 0 || _ticker >= 0)
        {
            // Stooq's period and ticker on the first row are what the other rows must repeat.
            if (!CheckFieldCount(firstRowLine, Split(firstRow, starts, lengths)))
            {
                throw new CsvImportException(_source, _errors, _truncated);
            }

            _firstPeriod = _period >= 0 ? Text(Field(firstRow, starts, lengths, _period)) : null;
            _firstTicker = _ticker >= 0 ? Text(Field(firstRow, starts, lengths, _ticker)) : null;
        }

        if (_period >= 0)
        {
            var period = Field(firstRow, starts, lengths, _period);
            var fromFile = PeriodResolution(period, firstRowLine);
            if (_declared is { } declared && declared != fromFile)
            {
                Fail(firstRowLine, _period,
                    $"the resolution {declared} given for the import contradicts the file's period '{Text(period)}' ({fromFile})");
            }

            _resolution = fromFile;
        }
        else if (_declared is { } declared)
        {
            _resolution = declared;
        }
        else if (_layout.TimeStyle == CsvTimeStyle.Date)
        {
            var gap = MedianGapDays(rows, lineNumber, starts, lengths);
            _resolution = gap is >= 5 and <= 10 ? new Resolution(1, ResolutionUnit.Week) : Resolution.Daily;
            _inferred = true;
        }
        else
        {
            _resolution = InferResolution(rows, lineNumber, firstRowLine, starts, lengths);
            _inferred = true;
        }

        if (_layout.TimeStyle == CsvTimeStyle.Date && !_resolution.IsDateBased)
        {
            Fail(firstRowLine, _time,
                $"the file holds dates only, but the resolution given is {_resolution}: dates cannot key {_resolution} bars; pass 1d (or the file's real resolution)");
        }

        if (_resolution.IsDateBased)
        {
            CheckDateSpacing(rows, lineNumber, firstRowLine, starts, lengths);
        }
    }

    private Resolution PeriodResolution(ReadOnlySpan<byte> period, int lineNumber)
    {
        var text = Text(period).ToUpperInvariant();
        if (text == "M")
        {
            Fail(lineNumber, _period, "monthly bars (period 'M') are not supported: Tradewind's resolutions are minutes, hours, days and weeks");
        }

        if (text is "D" or "W" && Resolution.TryParse(text, out var dated))
        {
            return dated;
        }

        if (text.Length > 0 && text.All(char.IsAsciiDigit) && Resolution.TryParse(text + "m", out var minutes))
        {
            return minutes;
        }

        Fail(lineNumber, _period, $"period '{Text(period)}' is not a Stooq period (D, W, M or minutes such as 5 or 60)");
        return default;
    }

    // How often each spacing between consecutive bars occurs in the first rows.
    private Dictionary<long, int> SpacingCounts(ReadOnlySpan<byte> rows, int lineNumber, Span<int> starts, Span<int> lengths)
    {
        var counts = new Dictionary<long, int>();
        var position = 0;
        var seen = 0;
        long previous = 0;
        var hasPrevious = false;
        while (seen < InferenceRows && NextNonBlankLine(rows, ref position, ref lineNumber, out var line))
        {
            seen++;
            if (Split(line, starts, lengths) != _layout.Columns.Length || !TryPeekInstant(line, starts, lengths, out var ticks))
            {
                continue;
            }

            if (hasPrevious && ticks != previous)
            {
                var gap = Math.Abs(ticks - previous);
                counts[gap] = counts.GetValueOrDefault(gap) + 1;
            }

            previous = ticks;
            hasPrevious = true;
        }

        return counts;
    }

    // The median spacing in days of a file of dates (weekends and holidays make daily gaps of 1–4 days,
    // weekly gaps are 7, give or take a holiday), or null when the file has fewer than two bars.
    private double? MedianGapDays(ReadOnlySpan<byte> rows, int lineNumber, Span<int> starts, Span<int> lengths)
    {
        var counts = SpacingCounts(rows, lineNumber, starts, lengths);
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var seen = 0;
        foreach (var (gap, count) in counts.OrderBy(kv => kv.Key))
        {
            seen += count;
            if (seen * 2 >= total)
            {
                return (double)gap / TimeSpan.TicksPerDay;
            }
        }

        return null;
    }

    // Daily files keep one bar per trading day (median gap 1 day); weekly files one per week (about 7 days).
    private void CheckDateSpacing(ReadOnlySpan<byte> rows, int lineNumber, int firstRowLine, Span<int> starts, Span<int> lengths)
    {
        if (MedianGapDays(rows, lineNumber, starts, lengths) is not { } gap)
        {
            return;
        }

        var weekly = _resolution.Unit == ResolutionUnit.Week;
        var days = gap.ToString("0.#", CultureInfo.InvariantCulture);
        if (!weekly && gap >= 5)
        {
            Fail(firstRowLine, _time, gap <= 10
                ? $"the bars are a median {days} days apart, which is weekly data, but the resolution is {_resolution}; pass --resolution 1w (or name the file SYMBOL_1w.csv)"
                : $"the bars are a median {days} days apart (monthly or sparser data); Tradewind stores daily (1d) and weekly (1w) bars");
        }
        else if (weekly && (gap < 5 || gap > 10))
        {
            Fail(firstRowLine, _time, $"the resolution is {_resolution} but the bars are a median {days} days apart; weekly bars are about 7 days apart");
        }
    }

    // The most common spacing between consecutive bars in the first rows; ties go to the shorter spacing.
    private Resolution InferResolution(ReadOnlySpan<byte> rows, int lineNumber, int firstRowLine, Span<int> starts, Span<int> lengths)
    {
        var counts = SpacingCounts(rows, lineNumber, starts, lengths);
        if (counts.Count == 0)
        {
            Fail(firstRowLine, _time,
                "cannot infer the resolution from fewer than two bars; pass it (a file name such as SPY_1min.csv names it)");
        }

        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        var spacing = TimeSpan.FromTicks(best);
        if (FromSpacing(spacing) is { } resolution)
        {
            return resolution;
        }

        Fail(firstRowLine, _time, $"cannot infer the resolution: the most common spacing between bars is {spacing}; pass the resolution");
        return default;
    }

    private static Resolution? FromSpacing(TimeSpan spacing)
    {
        if (spacing.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            return null;
        }

        var minutes = (int)Math.Min(spacing.Ticks / TimeSpan.TicksPerMinute, int.MaxValue);
        return minutes switch
        {
            < 60 => new Resolution(minutes, ResolutionUnit.Minute),
            < 24 * 60 when minutes % 60 == 0 => new Resolution(minutes / 60, ResolutionUnit.Hour),
            < 24 * 60 => new Resolution(minutes, ResolutionUnit.Minute),
            24 * 60 => Resolution.Daily,
            7 * 24 * 60 => new Resolution(1, ResolutionUnit.Week),
            _ => null,
        };
    }

    private void ReportOrder(
        ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths,
        ReadOnlySpan<byte> previousLine, int previousLineNumber, bool duplicate, bool secondRow)
    {
        var current = TimeText(line, starts, lengths);

        // The caller still reads the current row through starts/lengths: split the previous row elsewhere.
        Span<int> previousStarts = stackalloc int[MaxColumns];
        Span<int> previousLengths = stackalloc int[MaxColumns];
        Split(previousLine, previousStarts, previousLengths);
        var previous = TimeText(previousLine, previousStarts, previousLengths);
        var what = _resolution.IsDateBased ? "date" : "timestamp";
        if (duplicate)
        {
            var one = _resolution.IsDateBased ? $"a {_resolution} file has one row per trading date" : "each bar has its own start time";
            Error(lineNumber, _time, $"duplicate {what} {current}: line {previousLineNumber} has the same {what} ({previous}); {one}, keep one of the rows");
            return;
        }

        if (_layout.NewestFirst)
        {
            // A second row later than the first means the whole file runs oldest first.
            var hint = secondRow
                ? "; this file runs oldest first, so it is not an Alpha Vantage download: name its date column 'date' (Tradewind format) or pass the format"
                : string.Empty;
            Error(lineNumber, _time,
                $"{what} {current} is not before {previous} on line {previousLineNumber}: Alpha Vantage files run newest first{hint}");
            return;
        }

        Error(lineNumber, _time,
            $"{what} {current} is not after {previous} on line {previousLineNumber}: rows must be in ascending time order (oldest first)");
    }

    private void ReportSpacing(ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths, long gap, int previousLineNumber)
    {
        var source = _inferred ? "the resolution inferred from the most common spacing" : "the resolution given";
        Error(lineNumber, _time,
            $"{TimeText(line, starts, lengths)} is only {Describe(TimeSpan.FromTicks(gap))} from the bar on line {previousLineNumber}, "
            + $"less than {source} ({_resolution}): pass the file's real resolution");
    }

    private bool CheckStooqConsistency(ReadOnlySpan<byte> line, int lineNumber, Span<int> starts, Span<int> lengths)
    {
        if (_period < 0 && _ticker < 0)
        {
            return true;
        }

        if (_period >= 0)
        {
            var period = Text(Field(line, starts, lengths, _period));
            if (!string.Equals(period, _firstPeriod, StringComparison.OrdinalIgnoreCase))
            {
                return Error(lineNumber, _period, $"period '{period}' differs from '{_firstPeriod}' on the first row: a file holds one resolution");
            }
        }

        if (_ticker >= 0)
        {
            var ticker = Text(Field(line, starts, lengths, _ticker));
            if (!string.Equals(ticker, _firstTicker, StringComparison.OrdinalIgnoreCase))
            {
                return Error(lineNumber, _ticker, $"ticker '{ticker}' differs from '{_firstTicker}' on the first row: a file holds one symbol");
            }
        }

        return true;
    }

    private bool CheckFieldCount(int lineNumber, int fields)
    {
        var expected = _layout.Columns.Length;
        if (fields == expected)
        {
            return true;
        }

        if (fields < expected)
        {
            return Error(lineNumber, fields, $"missing: the row has {fields} field(s), the header has {expected}");
        }

        return Error(lineNumber, -1,
            $"the row has {fields} fields, the header has {expected}; quote values that contain commas, and use '.' as the decimal separator");
    }

    private void MapColumns()
    {
        var columns = _layout.Columns;
        _time = Array.IndexOf(columns, _layout.TimeStyle == CsvTimeStyle.CompactDateAndTime ? CsvColumn.Date : CsvColumn.Time);
        _clock = Array.IndexOf(columns, CsvColumn.Clock);
        _open = Array.IndexOf(columns, CsvColumn.Open);
        _high = Array.IndexOf(columns, CsvColumn.High);
        _low = Array.IndexOf(columns, CsvColumn.Low);
        _close = Array.IndexOf(columns, CsvColumn.Close);
        _volume = Array.IndexOf(columns, CsvColumn.Volume);
        _adjClose = Array.IndexOf(columns, CsvColumn.AdjClose);
        _ticker = Array.IndexOf(columns, CsvColumn.Ticker);
        _period = Array.IndexOf(columns, CsvColumn.Period);
    }

    private void ReadHeader(ReadOnlySpan<byte> data, ReadOnlySpan<byte> header, int headerLine)
    {
        var trimmed = Trim(header);
        if (trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[')
        {
            FailOnJson(data, headerLine);
        }

        var text = Text(header, 200);
        if (text.Contains("alpha vantage", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Error Message", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Information", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Note", StringComparison.OrdinalIgnoreCase))
        {
            FailFile(headerLine, $"the file is an Alpha Vantage error or rate-limit response, not CSV: \"{Text(Trim(data), 300)}\"; download it again later");
        }

        var cells = SplitToStrings(header);
        if (cells.Count > MaxColumns)
        {
            FailFile(headerLine, $"the header has {cells.Count} columns; a price file has at most {MaxColumns}");
        }

        if (cells.Count == 1 && header.IndexOf((byte)';') >= 0)
        {
            FailFile(headerLine, "the fields are separated by ';': Tradewind reads comma-separated files with '.' as the decimal separator");
        }

        var first = Encoding.UTF8.GetBytes(cells[0]);
        if (CsvTimeParser.TryParseIso(first, out _) || CsvTimeParser.TryParseCompactDate(first, out _))
        {
            FailFile(headerLine,
                $"the first line '{text}' is data, not a header: add a header line such as date,open,high,low,close,volume");
        }
    }

    private void FailOnJson(ReadOnlySpan<byte> data, int line)
    {
        string? key = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(data.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name is "Error Message" or "Note" or "Information")
                    {
                        key = property.Name;
                        message = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                        break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not even valid JSON: quote the text as it is.
        }

        if (key == "Error Message")
        {
            FailFile(line,
                $"the file is an Alpha Vantage error response, not CSV: \"{message}\"; fix the request (symbol, function, API key) and download it again");
        }

        if (key is not null)
        {
            FailFile(line,
                $"the file is an Alpha Vantage rate-limit or information response, not CSV: \"{message}\"; wait for the limit to reset and download it again");
        }

        FailFile(line, $"the file is JSON, not CSV: {Text(Trim(data), 300)}");
    }

    private string TimeText(ReadOnlySpan<byte> line, Span<int> starts, Span<int> lengths)
    {
        var text = Text(Field(line, starts, lengths, _time));
        return _clock >= 0 ? $"{text} {Text(Field(line, starts, lengths, _clock))}" : text;
    }

    private bool Error(int lineNumber, int column, string message)
    {
        var name = column >= 0 && column < _layout.Names.Count ? _layout.Names[column] : null;
        if (_errors.Count < CsvBarReader.MaxErrors)
        {
            _errors.Add(new CsvImportError(_source, lineNumber, name, message));
        }
        else
        {
            _truncated = true;
        }

        return false;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(int lineNumber, int column, string message)
    {
        Error(lineNumber, column, message);
        throw new CsvImportException(_source, _errors, _truncated);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void FailFile(int lineNumber, string message)
    {
        _errors.Add(new CsvImportError(_source, lineNumber, null, message));
        throw new CsvImportException(_source, _errors, _truncated);
    }

    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\uFEFF"u8))
        {
            return data[3..];
        }

        return data;
    }

    private static bool NextLine(ReadOnlySpan<byte> data, ref int position, ref int lineNumber, out ReadOnlySpan<byte> line)
    {
        if (position >= data.Length)
        {
            line = default;
            return false;
        }

        var rest = data[position..];
        var newline = rest.IndexOf((byte)'\n');
        line = newline < 0 ? rest : rest[..newline];
        position += newline < 0 ? rest.Length + 1 : newline + 1;
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        lineNumber++;
        return true;
    }

    private static bool NextNonBlankLine(ReadOnlySpan<byte> data, ref int position, ref int lineNumber, out ReadOnlySpan<byte> line)
    {
        while (NextLine(data, ref position, ref lineNumber, out line))
        {
            if (!IsBlank(line))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' && Trim(line).IsEmpty);

    // Field boundaries only; a comma inside double quotes does not split.
    private static int Split(ReadOnlySpan<byte> line, Span<int> starts, Span<int> lengths)
    {
        var count = 0;
        if (line.IndexOf((byte)'"') < 0)
        {
            var position = 0;
            while (true)
            {
                var comma = line[position..].IndexOf((byte)',');
                var length = comma < 0 ? line.Length - position : comma;
                if (count < starts.Length)
                {
                    starts[count] = position;
                    lengths[count] = length;
                }

                count++;
                if (comma < 0)
                {
                    return count;
                }

                position += comma + 1;
            }
        }

        var start = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (line[i] == (byte)',' && !quoted))
            {
                if (count < starts.Length)
                {
                    starts[count] = start;
                    lengths[count] = i - start;
                }

                count++;
                start = i + 1;
            }
        }

        return count;
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, Span<int> starts, Span<int> lengths, int index)
    {
        var field = Trim(line.Slice(starts[index], lengths[index]));
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
        {
            field = Trim(field[1..^1]);
        }

        return field;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || (field[0] is not ((byte)' ' or (byte)'\t') && field[^1] is not ((byte)' ' or (byte)'\t')))
        {
            return field;
        }

        return field.Trim(" \t"u8);
    }

    private static List<string> SplitToStrings(ReadOnlySpan<byte> line)
    {
        Span<int> starts = stackalloc int[MaxColumns + 1];
        Span<int> lengths = stackalloc int[MaxColumns + 1];
        var count = Math.Min(Split(line, starts, lengths), MaxColumns + 1);
        var cells = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            cells.Add(Encoding.UTF8.GetString(Field(line, starts, lengths, i)));
        }

        return cells;
    }

    private static bool IsLowercase(ReadOnlySpan<byte> header) => header.IndexOfAnyInRange((byte)'A', (byte)'Z') < 0;

    private static string Text(ReadOnlySpan<byte> field, int maxLength = 60)
    {
        var text = Encoding.UTF8.GetString(field.Length > maxLength * 4 ? field[..(maxLength * 4)] : field);
        return text.Length > maxLength ? string.Concat(text.AsSpan(0, maxLength), "...") : text;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan gap)
    {
        if (gap.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{gap.Ticks / TimeSpan.TicksPerHour}h");
        }

        return gap.Ticks % TimeSpan.TicksPerMinute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{gap.Ticks / TimeSpan.TicksPerMinute}m")
            : gap.ToString("c", CultureInfo.InvariantCulture);
    }
}
