using System.Globalization;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Testing;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// SPY, QQQ and DIA daily closes from ../shared/data/daily, on the dates all three have (their files share the
/// NYSE calendar, gaps included), and the allocator's decision after any date's close.
/// </summary>
internal sealed class AllocatorRealData
{
    private static readonly Lazy<AllocatorRealData> Loaded = new(() => new AllocatorRealData());

    private AllocatorRealData()
    {
        var series = CapitalAllocatorParameters.Default.Assets.ToDictionary(s => s, s => Read(SharedData.File($"daily/{s}.csv")));
        Dates = [.. series.Values.Select(s => (IEnumerable<string>)s.Keys).Aggregate((a, b) => a.Intersect(b)).Order(StringComparer.Ordinal)];
        Closes = series.ToDictionary(s => s.Key, s => Dates.Select(d => s.Value[d]).ToArray());
    }

    /// <summary>The data (loaded once); skips the test when ../shared/data is missing, fails it under CI.</summary>
    public static AllocatorRealData Instance => Loaded.Value;

    /// <summary>The common dates, yyyy-MM-dd, ascending.</summary>
    public string[] Dates { get; }

    /// <summary>Closes per symbol on <see cref="Dates"/>.</summary>
    public Dictionary<string, double[]> Closes { get; }

    /// <summary>
    /// The decision made from the closes up to and including <paramref name="date"/>'s (the signal generated
    /// before the next open), with the default parameters.
    /// </summary>
    public CapitalAllocatorDecision DecideAfter(string date)
    {
        var index = Array.BinarySearch(Dates, date, StringComparer.Ordinal);
        Assert.True(index >= 0, $"{date} is not a trading day in the data");
        return CapitalAllocatorModel.Decide(
            [.. Closes.Select(c => new AssetHistory(c.Key, c.Value.AsMemory(0, index + 1)))], CapitalAllocatorParameters.Default);
    }

    /// <summary>The trading days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<string> Between(string from, string to) =>
        Dates.Where(d => string.CompareOrdinal(d, from) >= 0 && string.CompareOrdinal(d, to) <= 0);

    private static Dictionary<string, double> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var (date, close) = (Array.IndexOf(header, "date"), Array.IndexOf(header, "close"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(r => r[date], r => double.Parse(r[close], CultureInfo.InvariantCulture));
    }
}
