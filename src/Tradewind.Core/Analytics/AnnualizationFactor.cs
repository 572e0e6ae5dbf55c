using Tradewind.Core.Market;

namespace Tradewind.Core.Analytics;

/// <summary>
/// How many bars of a resolution make a year, the factor that annualizes per-bar returns and volatility.
/// Equities trade 252 sessions a year of 6.5 regular hours (390 minutes); crypto trades 365 days of 24 hours.
/// </summary>
/// <remarks>
/// Intraday figures assume bars tile the session evenly (252 × 390 / minutes per bar for equities); a session that
/// ends with a partial bar (e.g. 4h bars on a 6.5 h session) makes the true count slightly higher. Weeks count 52 a
/// year for both asset classes.
/// </remarks>
public static class AnnualizationFactor
{
    /// <summary>NYSE trading sessions in a typical year.</summary>
    public const double TradingDaysPerYear = 252;

    /// <summary>Minutes in an NYSE regular session (09:30–16:00).</summary>
    public const double EquitySessionMinutes = 390;

    /// <summary>Calendar days in a year for around-the-clock markets.</summary>
    public const double CryptoDaysPerYear = 365;

    /// <summary>Weeks in a year.</summary>
    public const double WeeksPerYear = 52;

    /// <summary>
    /// Bars per year: equities 252 (1d), 52 (1w), 252 × 6.5 = 1638 (1h), 252 × 390 = 98280 (1m); crypto 365 (1d),
    /// 52 (1w), 365 × 24 = 8760 (1h), 365 × 1440 = 525600 (1m); each divided by the resolution's count (5m → ÷ 5).
    /// </summary>
    public static double For(Resolution resolution, AssetClass assetClass)
    {
        var minutesPerDay = assetClass switch
        {
            AssetClass.Equity => EquitySessionMinutes,
            AssetClass.Crypto => 24 * 60,
            _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "unknown asset class"),
        };
        var daysPerYear = assetClass == AssetClass.Crypto ? CryptoDaysPerYear : TradingDaysPerYear;
        double barsPerYearAtCountOne = resolution.Unit switch
        {
            ResolutionUnit.Minute => daysPerYear * minutesPerDay,
            ResolutionUnit.Hour => daysPerYear * minutesPerDay / 60,
            ResolutionUnit.Day => daysPerYear,
            ResolutionUnit.Week => WeeksPerYear,
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown resolution unit"),
        };
        return barsPerYearAtCountOne / resolution.Count;
    }
}
