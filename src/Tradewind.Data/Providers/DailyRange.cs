using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Data.Providers;

/// <summary>An inclusive range of exchange dates asked of a provider, with the checks every provider applies alike.</summary>
internal readonly record struct DailyRange
{
    private DailyRange(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    /// <summary>The first date wanted.</summary>
    public DateOnly From { get; }

    /// <summary>The last date wanted.</summary>
    public DateOnly To { get; }

    /// <summary>The range <paramref name="from"/>..<paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static DailyRange Create(DateOnly from, DateOnly to) =>
        to < from
            ? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"the date range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ends before it starts; ask for from <= to"), nameof(to))
            : new DailyRange(from, to);

    /// <summary>True when <paramref name="date"/> is within the range.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The midnight-UTC bar time that stands for <paramref name="date"/> in a daily series.</summary>
    public static DateTime BarTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>
    /// The bars of <paramref name="series"/> dated within the range, as a new exactly-sized daily series,
    /// after checking every bar; a bad bar fails the whole answer.
    /// </summary>
    /// <exception cref="MarketDataProviderException">A bar in the range is not sound (see <see cref="Bar.Validate"/>).</exception>
    public BarSeries Slice(BarSeries series, string provider, string origin)
    {
        var first = series.LowerBound(BarTime(From));
        var end = series.LowerBound(BarTime(To).AddDays(1));
        var slice = new BarSeries(series.Symbol, Resolution.Daily, end - first);
        for (var i = first; i < end; i++)
        {
            var bar = series[i];
            Check(bar, provider, series.Symbol.Ticker, origin);
            slice.Add(bar);
        }

        return slice;
    }

    /// <summary>Fails with <see cref="MarketDataFailure.InvalidBars"/> when <paramref name="bar"/> is not sound.</summary>
    /// <param name="bar">The bar.</param>
    /// <param name="provider">The provider's name.</param>
    /// <param name="ticker">The symbol.</param>
    /// <param name="origin">Where the bar came from, for the message (a URL without secrets, a file path).</param>
    public static void Check(in Bar bar, string provider, string ticker, string origin)
    {
        if (bar.Validate() is { } problem)
        {
            throw new MarketDataProviderException(provider, ticker, MarketDataFailure.InvalidBars,
                string.Create(CultureInfo.InvariantCulture, $"the bar of {bar.Date:yyyy-MM-dd} from {origin} is not sound: {problem}"),
                "the source holds a bad price; report it to the data vendor or correct the value, then fetch again");
        }
    }
}
