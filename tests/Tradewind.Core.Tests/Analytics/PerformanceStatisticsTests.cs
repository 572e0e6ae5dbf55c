using Tradewind.Core.Analytics;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

// Each expected value is worked out by hand in the comments (and checked with an independent calculator).
public sealed class PerformanceStatisticsTests
{
    private const int Digits = 12;

    // Equity 100, 110, 99, 120 on four consecutive calendar days, 252 periods a year.
    // Returns: 110/100 − 1 = 0.1; 99/110 − 1 = −0.1; 120/99 − 1 = 0.212121...
    // Mean = 0.212121.../3 = 0.0707070707...
    // Sample variance = [(0.1 − m)² + (−0.1 − m)² + (0.2121 − m)²] / 2 = 0.0249984..., σ = 0.158109043207288
    // Volatility = σ × √252 = 2.509903250141103; Sharpe = m / σ × √252 = 7.099150860568081
    // Downside deviation = √((0 + 0.1² + 0) / 3) = 0.0577350269189626; Sortino = m / 0.057735 × √252 = 19.441230221024796
    private static readonly double[] Example = [100, 110, 99, 120];

    [Fact]
    public void Return_and_risk_ratios_of_the_hand_computed_series()
    {
        var s = PerformanceStatistics.Compute(Curve(Example), [], Daily);

        Assert.Equal(0.2, s.TotalReturn, Digits);
        Assert.Equal(4, s.Bars);
        Assert.Equal(3, s.Periods);
        Assert.Equal(3 / 365.25, s.Years, Digits);
        Assert.Equal(2.509903250141103, s.Volatility!.Value, Digits);
        Assert.Equal(7.099150860568081, s.Sharpe!.Value, Digits);
        Assert.Equal(19.441230221024796, s.Sortino!.Value, Digits);

        // Independent direct formulas for the same numbers.
        double[] r = [0.1, -0.1, 120.0 / 99 - 1];
        var mean = r.Average();
        var sigma = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        Assert.Equal(mean / sigma * Math.Sqrt(252), s.Sharpe.Value, Digits);
        Assert.Equal(mean / Math.Sqrt(r.Sum(x => Math.Min(0, x) * Math.Min(0, x)) / r.Length) * Math.Sqrt(252), s.Sortino.Value, Digits);
    }

    [Fact]
    public void Risk_free_rate_is_subtracted_per_period()
    {
        // rf = 2.52 % a year → 0.0001 per period.
        // Sharpe = (0.0707070707 − 0.0001) / 0.158109043207288 × √252 = 7.08911063292242
        // Downside = √((0 + (−0.1 − 0.0001)² + 0) / 3) = 0.05779276; Sortino = 0.0706070707 / 0.05779276 × √252 = 19.39434042642863
        var s = PerformanceStatistics.Compute(Curve(Example), [], new PerformanceParameters(252, 0.0252));

        Assert.Equal(7.08911063292242, s.Sharpe!.Value, Digits);
        Assert.Equal(19.39434042642863, s.Sortino!.Value, Digits);
        Assert.Equal(2.509903250141103, s.Volatility!.Value, Digits);
    }

    [Fact]
    public void Max_drawdown_and_its_duration_of_the_hand_computed_series()
    {
        var s = PerformanceStatistics.Compute(Curve(Example), [], Daily);

        // Peak 110 (index 1), trough 99 (index 2): 11 / 110 = 10 %; regained at 120 (index 3): 2 bars, 2 days.
        Assert.Equal(0.1, s.MaxDrawdown, Digits);
        var period = s.MaxDrawdownPeriod!;
        Assert.Equal((1, 2, 3, true), (period.PeakIndex, period.TroughIndex, period.EndIndex, period.Recovered));
        Assert.Equal(2, period.Bars);
        Assert.Equal(2, period.Days);
        Assert.Equal(0.1, period.Depth, Digits);
        Assert.Equal(period, s.LongestDrawdownPeriod);
    }

    [Fact]
    public void Deepest_and_longest_drawdowns_are_told_apart_and_an_unrecovered_one_lasts_to_the_end()
    {
        //            0    1   2   3   4   5    6    7   8    9    10
        var s = PerformanceStatistics.Compute(Curve(100, 95, 97, 96, 99, 100, 120, 90, 130, 125, 128), [], Daily);

        // A: peak 100 (0) → trough 95 (1, 5 %) → regained by 100 (5): 5 bars.
        // B: peak 120 (6) → trough 90 (7, 25 %) → regained by 130 (8): 2 bars.
        // C: peak 130 (8) → trough 125 (9, 3.85 %) → never regained: to the last point (10), 2 bars.
        Assert.Equal(0.25, s.MaxDrawdown, Digits);
        Assert.Equal((6, 7, 8, true), (s.MaxDrawdownPeriod!.PeakIndex, s.MaxDrawdownPeriod.TroughIndex, s.MaxDrawdownPeriod.EndIndex, s.MaxDrawdownPeriod.Recovered));
        Assert.Equal((0, 1, 5, true), (s.LongestDrawdownPeriod!.PeakIndex, s.LongestDrawdownPeriod.TroughIndex, s.LongestDrawdownPeriod.EndIndex, s.LongestDrawdownPeriod.Recovered));
        Assert.Equal(5, s.LongestDrawdownPeriod.Days);

        var unrecovered = PerformanceStatistics.Compute(Curve(100, 130, 125, 128), [], Daily);
        Assert.Equal((1, 2, 3, false), (unrecovered.MaxDrawdownPeriod!.PeakIndex, unrecovered.MaxDrawdownPeriod.TroughIndex, unrecovered.MaxDrawdownPeriod.EndIndex, unrecovered.MaxDrawdownPeriod.Recovered));
        Assert.Equal(2, unrecovered.MaxDrawdownPeriod.Bars);
        Assert.Equal(5 / 130.0, unrecovered.MaxDrawdown, Digits);
    }

    [Fact]
    public void Equity_back_at_the_peak_ends_a_drawdown()
    {
        var s = PerformanceStatistics.Compute(Curve(100, 90, 100, 80), [], Daily);

        // 100 → 90 → 100 (equal counts as regained, 2 bars), then a new drawdown from index 2 to the end.
        Assert.Equal((2, 3, 3, false), (s.MaxDrawdownPeriod!.PeakIndex, s.MaxDrawdownPeriod.TroughIndex, s.MaxDrawdownPeriod.EndIndex, s.MaxDrawdownPeriod.Recovered));
        Assert.Equal((0, 2, true), (s.LongestDrawdownPeriod!.PeakIndex, s.LongestDrawdownPeriod.EndIndex, s.LongestDrawdownPeriod.Recovered));
        Assert.Equal(0.2, s.MaxDrawdown, Digits);
    }

    [Fact]
    public void Cagr_uses_calendar_years_of_365_25_days_and_calmar_divides_it_by_the_max_drawdown()
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var curve = new EquityCurve();
        curve.Append(start, 100, 100, 0);
        curve.Append(start.AddDays(365), 80, 80, 0);
        curve.Append(start.AddDays(731), 121, 121, 0);

        var s = PerformanceStatistics.Compute(curve, [], Daily);

        // 731 days = 2.001369 years; CAGR = 1.21^(365.25 / 731) − 1 = 0.099925...; max drawdown 20 %; Calmar = 0.099925 / 0.2.
        var cagr = Math.Pow(1.21, 365.25 / 731) - 1;
        Assert.Equal(731 / 365.25, s.Years, Digits);
        Assert.Equal(cagr, s.Cagr!.Value, Digits);
        Assert.Equal(0.0999, s.Cagr.Value, 3);
        Assert.Equal(cagr / 0.2, s.Calmar!.Value, Digits);
        Assert.Equal(0.21, s.TotalReturn, Digits);
    }

    [Fact]
    public void Exposure_counts_bars_with_positions_and_turnover_divides_traded_notional_by_mean_equity()
    {
        var curve = new EquityCurve();
        curve.Append(Day0, 10_000, 10_000, 0, 0);
        curve.Append(Day0.AddDays(1), 10_100, 5_000, 5_100, 5_000);   // bought 5000
        curve.Append(Day0.AddDays(2), 9_900, 5_000, 4_900, 0);
        curve.Append(Day0.AddDays(3), 10_500, 10_500, 0, 5_500);      // sold for 5500

        var s = PerformanceStatistics.Compute(curve, [], Daily);

        // Exposed on 2 of 4 bars; traded 10500; mean equity (10000 + 10100 + 9900 + 10500) / 4 = 10125.
        Assert.Equal(0.5, s.Exposure);
        Assert.Equal(10_500, s.TradedNotional);
        Assert.Equal(10_500 / 10_125.0, s.Turnover!.Value, Digits);
        Assert.Equal(10_500 / 10_125.0 / (3 / 365.25), s.AnnualTurnover!.Value, 9);
    }

    [Fact]
    public void Trade_statistics_of_a_hand_built_list()
    {
        ClosedTrade[] trades =
        [
            Trade(200m, risk: 2m),                    // win,  R = 200 / (2 × 100) = 1
            Trade(-100m, risk: 2m),                   // loss, R = −100 / 200 = −0.5
            Trade(300m),                              // win,  no stop: no R
            Trade(-50m, quantity: 50, risk: 1m),      // loss, R = −50 / (1 × 50) = −1
            Trade(0m, quantity: 10, risk: 1m),        // neither, R = 0
        ];

        var s = PerformanceStatistics.Compute(Curve(Example), trades, Daily);

        Assert.Equal((5, 2, 2), (s.TradeCount, s.WinningTrades, s.LosingTrades));
        Assert.Equal(0.4, s.WinRate);                          // 2 / 5
        Assert.Equal(350m, s.NetProfit);                       // 200 − 100 + 300 − 50 + 0
        Assert.Equal(70m, s.Expectancy);                       // 350 / 5
        Assert.Equal(500m, s.GrossProfit);                     // 200 + 300
        Assert.Equal(150m, s.GrossLoss);                       // 100 + 50
        Assert.Equal(500.0 / 150, s.ProfitFactor!.Value, Digits);
        Assert.Equal(250m, s.AverageWin);                      // 500 / 2
        Assert.Equal(-75m, s.AverageLoss);                     // −150 / 2
        Assert.Equal(4, s.TradesWithRisk);
        Assert.Equal(-0.125, s.ExpectancyR!.Value, Digits);    // (1 − 0.5 − 1 + 0) / 4
        Assert.Same(trades[2], s.BestTrade);
        Assert.Same(trades[1], s.WorstTrade);
    }

    [Fact]
    public void No_trades_leaves_every_trade_figure_undefined()
    {
        var s = PerformanceStatistics.Compute(Curve(Example), [], Daily);

        Assert.Equal(0, s.TradeCount);
        Assert.Null(s.WinRate);
        Assert.Null(s.Expectancy);
        Assert.Null(s.ExpectancyR);
        Assert.Null(s.ProfitFactor);
        Assert.Null(s.AverageWin);
        Assert.Null(s.AverageLoss);
        Assert.Null(s.BestTrade);
        Assert.Null(s.WorstTrade);
        Assert.Equal(0m, s.NetProfit);
    }

    [Fact]
    public void Only_winners_have_no_profit_factor_and_no_average_loss()
    {
        var s = PerformanceStatistics.Compute(Curve(Example), [Trade(10m), Trade(30m)], Daily);

        Assert.Null(s.ProfitFactor);
        Assert.Null(s.AverageLoss);
        Assert.Null(s.ExpectancyR);
        Assert.Equal(1.0, s.WinRate);
        Assert.Equal(20m, s.AverageWin);

        var losers = PerformanceStatistics.Compute(Curve(Example), [Trade(-10m)], Daily);
        Assert.Equal(0.0, losers.ProfitFactor);
        Assert.Null(losers.AverageWin);
    }

    [Fact]
    public void Flat_equity_has_zero_volatility_and_no_sharpe_sortino_or_calmar()
    {
        var s = PerformanceStatistics.Compute(Curve(100, 100, 100, 100), [], Daily);

        Assert.Equal(0, s.TotalReturn);
        Assert.Equal(0, s.Cagr);
        Assert.Equal(0, s.Volatility);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
        Assert.Equal(0, s.MaxDrawdown);
        Assert.Null(s.MaxDrawdownPeriod);
        Assert.Null(s.LongestDrawdownPeriod);
        Assert.Null(s.Calmar);
    }

    [Fact]
    public void Steady_growth_has_no_sharpe_because_its_dispersion_is_only_rounding()
    {
        var equity = new double[50];
        equity[0] = 100;
        for (var i = 1; i < equity.Length; i++)
        {
            equity[i] = equity[i - 1] * 1.001;
        }

        var s = PerformanceStatistics.Compute(Curve(equity), [], Daily);

        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);   // never below the target either
        Assert.True(s.Volatility < 1e-12);
    }

    [Fact]
    public void Rising_equity_has_a_sharpe_but_no_sortino()
    {
        var s = PerformanceStatistics.Compute(Curve(100, 101, 103, 104), [], Daily);

        Assert.NotNull(s.Sharpe);
        Assert.Null(s.Sortino);
        Assert.Equal(0, s.MaxDrawdown);
    }

    [Fact]
    public void A_single_point_has_only_the_figures_that_need_no_period()
    {
        var curve = new EquityCurve();
        curve.Append(Day0, 100, 50, 50, 50);

        var s = PerformanceStatistics.Compute(curve, [], Daily);

        Assert.Equal((1, 0, 0.0), (s.Bars, s.Periods, s.Years));
        Assert.Equal(0, s.TotalReturn);
        Assert.Null(s.Cagr);
        Assert.Null(s.Volatility);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
        Assert.Null(s.Calmar);
        Assert.Equal(0, s.MaxDrawdown);
        Assert.Equal(1, s.Exposure);
        Assert.Equal(0.5, s.Turnover);
        Assert.Null(s.AnnualTurnover);
    }

    [Fact]
    public void Two_points_have_a_cagr_but_no_volatility()
    {
        var s = PerformanceStatistics.Compute(Curve(100, 110), [], Daily);

        Assert.Equal(Math.Pow(1.1, 365.25) - 1, s.Cagr!.Value, 6);
        Assert.Null(s.Volatility);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
    }

    [Fact]
    public void A_ruined_account_has_no_return_dispersion_figures()
    {
        var s = PerformanceStatistics.Compute(Curve(100, 50, 0, 10), [], Daily);

        Assert.Equal(-0.9, s.TotalReturn, Digits);
        Assert.Equal(1, s.MaxDrawdown);
        Assert.Null(s.Volatility);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);

        var wiped = PerformanceStatistics.Compute(Curve(100, 50, -5), [], Daily);
        Assert.Equal(-1, wiped.Cagr);
    }

    [Fact]
    public void An_empty_curve_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PerformanceStatistics.Compute(new EquityCurve(), [], Daily));
    }
}
