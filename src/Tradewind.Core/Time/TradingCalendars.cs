using System.Diagnostics.CodeAnalysis;
using Tradewind.Core.Market;

namespace Tradewind.Core.Time;

/// <summary>The known trading calendars, by name ("NYSE", "CRYPTO") or by the asset class that trades on them.</summary>
public static class TradingCalendars
{
    /// <summary>The names <see cref="Get"/> accepts, in their canonical spelling.</summary>
    public static IReadOnlyList<string> Names { get; } = [NyseCalendar.Instance.Name, CryptoCalendar.Instance.Name];

    /// <summary>The New York Stock Exchange calendar.</summary>
    public static TradingCalendar Nyse => NyseCalendar.Instance;

    /// <summary>The around-the-clock crypto calendar.</summary>
    public static TradingCalendar Crypto => CryptoCalendar.Instance;

    /// <summary>The calendar with this name, ignoring case and surrounding spaces.</summary>
    /// <exception cref="ArgumentException">The name is not known; the message lists the known names.</exception>
    public static TradingCalendar Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var calendar)
            ? calendar
            : throw new ArgumentException($"unknown trading calendar '{name}'; known calendars: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Finds the calendar with this name as <see cref="Get"/> does; false when the name is not known.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out TradingCalendar? calendar)
    {
        var trimmed = name?.Trim();
        calendar = trimmed switch
        {
            _ when string.Equals(trimmed, Nyse.Name, StringComparison.OrdinalIgnoreCase) => Nyse,
            _ when string.Equals(trimmed, Crypto.Name, StringComparison.OrdinalIgnoreCase) => Crypto,
            _ => null,
        };
        return calendar is not null;
    }

    /// <summary>The calendar an asset class trades on: equities on NYSE, crypto around the clock.</summary>
    public static TradingCalendar For(AssetClass assetClass) => assetClass switch
    {
        AssetClass.Equity => Nyse,
        AssetClass.Crypto => Crypto,
        _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "no trading calendar is known for this asset class"),
    };
}
