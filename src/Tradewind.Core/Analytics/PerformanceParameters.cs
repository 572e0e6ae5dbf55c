using Tradewind.Core.Market;

namespace Tradewind.Core.Analytics;

/// <summary>The inputs of <see cref="PerformanceStatistics"/> that are not in the curve or the trades.</summary>
public sealed record PerformanceParameters
{
    /// <summary>Creates parameters; <paramref name="periodsPerYear"/> must be finite and &gt; 0, the rate finite and &gt; −1.</summary>
    public PerformanceParameters(double periodsPerYear, double riskFreeRate = 0)
    {
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "periods per year must be a finite number > 0");
        }

        if (!double.IsFinite(riskFreeRate) || riskFreeRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(riskFreeRate), riskFreeRate, "the risk-free rate must be a finite annual fraction > −1 (0.04 for 4 %)");
        }

        PeriodsPerYear = periodsPerYear;
        RiskFreeRate = riskFreeRate;
    }

    /// <summary>Equity points (bars) per year, the annualization factor; see <see cref="AnnualizationFactor"/>.</summary>
    public double PeriodsPerYear { get; }

    /// <summary>The annual risk-free rate as a fraction (0.04 for 4 %); per period it is rate / periods per year.</summary>
    public double RiskFreeRate { get; }

    /// <summary>Parameters for bars of <paramref name="resolution"/> of <paramref name="assetClass"/> (see <see cref="AnnualizationFactor.For"/>).</summary>
    public static PerformanceParameters For(Resolution resolution, AssetClass assetClass, double riskFreeRate = 0) =>
        new(AnnualizationFactor.For(resolution, assetClass), riskFreeRate);
}
