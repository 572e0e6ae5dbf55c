using Tradewind.Core.Analytics;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Analytics;

/// <summary>Small curves and trades with hand-computed statistics.</summary>
internal static class AnalyticsSamples
{
    public static readonly Symbol Spy = new("SPY", AssetClass.Equity);

    public static readonly DateTime Day0 = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static readonly PerformanceParameters Daily = new(252);

    /// <summary>A curve with one point per calendar day from <see cref="Day0"/>; cash = equity, no exposure.</summary>
    public static EquityCurve Curve(params double[] equity)
    {
        var curve = new EquityCurve();
        for (var i = 0; i < equity.Length; i++)
        {
            curve.Append(Day0.AddDays(i), equity[i], equity[i], 0);
        }

        return curve;
    }

    /// <summary>A long trade of <paramref name="quantity"/> at <paramref name="entryPrice"/> with the given P&amp;L.</summary>
    public static ClosedTrade Trade(decimal profitLoss, decimal entryPrice = 50, decimal quantity = 100, decimal? risk = null, int day = 0) =>
        new(Spy, Day0.AddDays(day), entryPrice, Day0.AddDays(day + 1), entryPrice + profitLoss / quantity, quantity, profitLoss, 1, "exit", risk);
}
