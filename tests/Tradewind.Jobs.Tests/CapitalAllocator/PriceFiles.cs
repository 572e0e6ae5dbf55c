using System.Globalization;
using System.Text;

namespace Tradewind.Jobs.Tests.CapitalAllocator;

/// <summary>
/// Daily price files as the csv provider reads them (<c>&lt;folder&gt;/&lt;SYMBOL&gt;.csv</c>), written from a close per
/// trading day: each bar opens at the previous close and its high and low lie just outside the open and the close.
/// </summary>
public static class PriceFiles
{
    /// <summary>Writes <paramref name="symbol"/>.csv in <paramref name="folder"/> with one bar per day of <paramref name="days"/>.</summary>
    public static string Write(string folder, string symbol, IReadOnlyList<DateOnly> days, Func<int, double> close)
    {
        var text = new StringBuilder("date,open,high,low,close,volume\n");
        for (var i = 0; i < days.Count; i++)
        {
            var c = close(i);
            var o = i == 0 ? c : close(i - 1);
            text.Append(Line(days[i], o, Math.Max(o, c) * 1.002, Math.Min(o, c) * 0.998, c));
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, symbol + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>One CSV line of a bar with a volume of one million.</summary>
    public static string Line(DateOnly date, double open, double high, double low, double close) => string.Create(CultureInfo.InvariantCulture,
        $"{date:yyyy-MM-dd},{open:R},{high:R},{low:R},{close:R},1000000\n");

    /// <summary>
    /// A close that moves <paramref name="dailyDrift"/> a day with a small saw-tooth on top (up 0.4%, down 0.4%
    /// on alternate days), so daily returns have a volatility and the trend is plain.
    /// </summary>
    public static Func<int, double> Trend(double start, double dailyDrift) =>
        i => Math.Round(start * Math.Pow(1 + dailyDrift, i) * (i % 2 == 0 ? 1.004 : 0.996), 4);
}
