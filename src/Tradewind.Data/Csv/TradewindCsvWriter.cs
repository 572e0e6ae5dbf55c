using System.Globalization;
using NodaTime;
using Tradewind.Core.Market;
using Tradewind.Core.Time;
using Tradewind.Data.Files;

namespace Tradewind.Data.Csv;

/// <summary>
/// Writes a <see cref="BarSeries"/> in Tradewind's normalized CSV layout, the convention of the shared data:
/// date-based series as <c>date,open,high,low,close,volume[,adj_close]</c>, intraday series as
/// <c>timestamp,...</c> in exchange time with its UTC offset (America/New_York for equities, +00:00 for crypto).
/// </summary>
/// <remarks>
/// Numbers use the shortest text that parses back to the same double, so writing an imported file and
/// reading it again gives bitwise-equal bars. Lines end in LF.
/// </remarks>
public static class TradewindCsvWriter
{

    /// <summary>Writes the series to <paramref name="writer"/>.</summary>
    public static void Write(BarSeries series, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(writer);
        var dated = series.Resolution.IsDateBased;
        var zone = TradingCalendars.For(series.Symbol.AssetClass).TimeZone;
        writer.Write(dated ? "date,open,high,low,close,volume" : "timestamp,open,high,low,close,volume");
        writer.Write(series.HasAdjClose ? ",adj_close\n" : "\n");

        Span<char> buffer = stackalloc char[256];
        var time = series.Time;
        var open = series.Open;
        var high = series.High;
        var low = series.Low;
        var close = series.Close;
        var volume = series.Volume;
        var adjClose = series.AdjClose;
        for (var i = 0; i < series.Count; i++)
        {
            var length = dated ? FormatDate(time[i], buffer) : FormatTimestamp(time[i], zone, buffer);
            length += Number(open[i], buffer[length..]);
            length += Number(high[i], buffer[length..]);
            length += Number(low[i], buffer[length..]);
            length += Number(close[i], buffer[length..]);
            length += Number(volume[i], buffer[length..]);
            if (series.HasAdjClose)
            {
                // A bar without an adjusted close gets an empty cell, which the reader takes as "none".
                if (double.IsNaN(adjClose[i]))
                {
                    buffer[length++] = ',';
                }
                else
                {
                    length += Number(adjClose[i], buffer[length..]);
                }
            }

            buffer[length++] = '\n';
            writer.Write(buffer[..length]);
        }
    }

    /// <summary>
    /// Writes the series to a file through a temporary file and a rename (see <see cref="AtomicFile"/>),
    /// so a failure never leaves a half-written file behind.
    /// </summary>
    public static Task WriteFileAsync(BarSeries series, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AtomicFile.WriteAsync(path, writer =>
        {
            Write(series, writer);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The series as CSV text.</summary>
    public static string ToCsv(BarSeries series)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(series, writer);
        return writer.ToString();
    }

    private static int FormatDate(DateTime time, Span<char> buffer)
    {
        time.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return written;
    }

    private static int FormatTimestamp(DateTime utc, DateTimeZone zone, Span<char> buffer)
    {
        var offset = zone.GetUtcOffset(Instant.FromDateTimeUtc(utc)).ToTimeSpan();
        new DateTimeOffset(utc.Ticks + offset.Ticks, offset)
            .TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return written;
    }

    // Writes ",<value>" and returns the characters written.
    private static int Number(double value, Span<char> buffer)
    {
        buffer[0] = ',';
        value.TryFormat(buffer[1..], out var written, default, CultureInfo.InvariantCulture);
        return written + 1;
    }
}
