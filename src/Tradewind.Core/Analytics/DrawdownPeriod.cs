namespace Tradewind.Core.Analytics;

/// <summary>
/// One drawdown of an equity curve: from a peak, through its deepest point, to the first point whose equity
/// regains the peak (≥ it) — or to the curve's last point when it never does.
/// </summary>
/// <param name="PeakIndex">Index of the peak the drawdown is measured from.</param>
/// <param name="TroughIndex">Index of the deepest point (the first one when several are equally deep).</param>
/// <param name="EndIndex">Index of the recovery point, or of the last point when not recovered.</param>
/// <param name="PeakTime">Time of the peak.</param>
/// <param name="TroughTime">Time of the deepest point.</param>
/// <param name="EndTime">Time of the recovery point, or of the last point when not recovered.</param>
/// <param name="Depth">(peak − trough) / peak, a fraction &gt; 0.</param>
/// <param name="Recovered">True when equity regained the peak before the curve ended.</param>
public sealed record DrawdownPeriod(
    int PeakIndex,
    int TroughIndex,
    int EndIndex,
    DateTime PeakTime,
    DateTime TroughTime,
    DateTime EndTime,
    double Depth,
    bool Recovered)
{
    /// <summary>Duration in bars: end index − peak index.</summary>
    public int Bars => EndIndex - PeakIndex;

    /// <summary>Duration in calendar days (fractional for intraday bars): end time − peak time.</summary>
    public double Days => (EndTime - PeakTime).TotalDays;
}
