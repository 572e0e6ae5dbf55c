using System.Globalization;

namespace Tradewind.Cli;

/// <summary>An inclusive range of trading dates; either end may be open.</summary>
/// <param name="From">The first date, or null for no lower bound.</param>
/// <param name="To">The last date, or null for no upper bound.</param>
public sealed record TradeDateRange(DateOnly? From, DateOnly? To)
{
    /// <summary>True when neither end is given: the range is every date.</summary>
    public bool IsEverything => From is null && To is null;

    /// <summary>The range in words for a message: "from X to Y", "on or after X", "on or before Y" or "at all".</summary>
    public string Describe() => (From, To) switch
    {
        ({ } from, { } to) when from == to => $"on {Text(from)}",
        ({ } from, { } to) => $"from {Text(from)} to {Text(to)}",
        ({ } from, null) => $"on or after {Text(from)}",
        (null, { } to) => $"on or before {Text(to)}",
        _ => "at all",
    };

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
