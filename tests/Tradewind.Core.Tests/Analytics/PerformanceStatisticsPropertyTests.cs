using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Analytics;
using static Tradewind.Core.Tests.Analytics.AnalyticsSamples;

namespace Tradewind.Core.Tests.Analytics;

// Invariants of the statistics over random positive equity curves and random trade lists.
public sealed class PerformanceStatisticsPropertyTests
{
    // 1–60 points: a start in [1, 1e6], per-bar moves in [−50 %, +50 %] in 0.1 % steps, 1–3 calendar days apart,
    // exposed or not and traded or not at random.
    private static readonly Gen<Sample> Samples =
        from start in Gen.Choose(1, 1_000_000)
        from count in Gen.Choose(1, 60)
        from moves in Gen.Choose(-500, 500).ArrayOf(count)
        from gaps in Gen.Choose(1, 3).ArrayOf(count)
        from exposure in Gen.Choose(0, 2).ArrayOf(count)
        from traded in Gen.Choose(0, 3).ArrayOf(count)
        select new Sample(start, moves, gaps, exposure, traded);

    private static readonly Gen<decimal[]> ProfitLists = Gen.Choose(-5_000, 5_000).Select(x => x / 10m).ArrayOf();

    [Fact]
    public void Max_drawdown_of_positive_equity_is_a_fraction_and_the_deepest_peak_to_later_fall()
    {
        Prop.ForAll(Arb.From(Samples), sample =>
        {
            var curve = sample.Build(1);
            var s = PerformanceStatistics.Compute(curve, [], Daily);

            // Independent O(n²) definition: the largest 1 − e[j] / e[i] over i ≤ j.
            var e = curve.Equity.ToArray();
            var brute = 0.0;
            for (var i = 0; i < e.Length; i++)
            {
                for (var j = i; j < e.Length; j++)
                {
                    brute = Math.Max(brute, 1 - e[j] / e[i]);
                }
            }

            return s.MaxDrawdown is >= 0 and <= 1
                && Math.Abs(s.MaxDrawdown - brute) <= 1e-12
                && (s.MaxDrawdown == 0) == (s.MaxDrawdownPeriod is null)
                && (s.MaxDrawdownPeriod is null || Math.Abs(s.MaxDrawdownPeriod.Depth - s.MaxDrawdown) <= 1e-15);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Drawdown_periods_run_from_a_peak_through_lower_points_to_the_recovery_or_the_end()
    {
        Prop.ForAll(Arb.From(Samples), sample =>
        {
            var curve = sample.Build(1);
            var s = PerformanceStatistics.Compute(curve, [], Daily);
            return Holds(curve, s.MaxDrawdownPeriod) && Holds(curve, s.LongestDrawdownPeriod)
                && (s.LongestDrawdownPeriod is null || s.LongestDrawdownPeriod.Bars >= s.MaxDrawdownPeriod!.Bars);
        }).QuickCheckThrowOnFailure();

        static bool Holds(EquityCurve curve, DrawdownPeriod? period)
        {
            if (period is null)
            {
                return true;
            }

            var e = curve.Equity;
            var peak = e[period.PeakIndex];
            for (var i = 0; i < period.PeakIndex; i++)
            {
                if (e[i] > peak)
                {
                    return false;
                }
            }

            for (var i = period.PeakIndex + 1; i < period.EndIndex; i++)
            {
                if (e[i] >= peak || e[i] < e[period.TroughIndex])
                {
                    return false;
                }
            }

            var endsRight = period.Recovered ? e[period.EndIndex] >= peak : period.EndIndex == e.Length - 1 && e[period.EndIndex] < peak;
            return endsRight && period.Bars > 0 && period.Days > 0;
        }
    }

    [Fact]
    public void Scaling_the_account_by_a_constant_changes_no_ratio_statistic()
    {
        var scaled = from sample in Samples
                     from factor in Gen.Elements(0.001, 0.37, 3.0, 1_000.0, 123_456.789)
                     select (sample, factor);
        Prop.ForAll(Arb.From(scaled), input =>
        {
            var parameters = new PerformanceParameters(252, 0.03);
            var a = PerformanceStatistics.Compute(input.sample.Build(1), [], parameters);
            var b = PerformanceStatistics.Compute(input.sample.Build(input.factor), [], parameters);
            return Same(a.TotalReturn, b.TotalReturn) && Same(a.Cagr, b.Cagr) && Same(a.Volatility, b.Volatility)
                && Same(a.Sharpe, b.Sharpe) && Same(a.Sortino, b.Sortino) && Same(a.MaxDrawdown, b.MaxDrawdown)
                && Same(a.Calmar, b.Calmar) && Same(a.Exposure, b.Exposure) && Same(a.Turnover, b.Turnover)
                && Same(a.AnnualTurnover, b.AnnualTurnover);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Outputs_are_never_nan_or_infinite()
    {
        Prop.ForAll(Arb.From(Samples), sample =>
        {
            var s = PerformanceStatistics.Compute(sample.Build(1), [], Daily);
            double?[] values = [s.TotalReturn, s.Cagr, s.Volatility, s.Sharpe, s.Sortino, s.MaxDrawdown, s.Calmar, s.Exposure, s.Turnover, s.AnnualTurnover, s.Years];
            return values.All(v => v is null || double.IsFinite(v.Value));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Expectancy_is_win_rate_times_average_win_plus_loss_rate_times_average_loss()
    {
        Prop.ForAll(Arb.From(ProfitLists), profits =>
        {
            var trades = profits.Select((p, i) => Trade(p, day: i)).ToArray();
            var s = PerformanceStatistics.Compute(Curve(100, 101), trades, Daily);
            if (trades.Length == 0)
            {
                return s.Expectancy is null && s.WinRate is null;
            }

            var wins = s.WinningTrades * (s.AverageWin ?? 0m);
            var losses = s.LosingTrades * (s.AverageLoss ?? 0m);
            var identity = Math.Abs((wins + losses) / trades.Length - s.Expectancy!.Value) <= 1e-20m;
            var factorAgrees = s.ProfitFactor is not { } pf || (pf > 1) == (s.NetProfit > 0);
            var extremes = s.BestTrade!.ProfitLoss == profits.Max() && s.WorstTrade!.ProfitLoss == profits.Min();
            return identity && factorAgrees && extremes && s.GrossProfit - s.GrossLoss == s.NetProfit;
        }).QuickCheckThrowOnFailure();
    }

    private static bool Same(double? a, double? b) =>
        (a is null && b is null) || (a is { } x && b is { } y && Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)));

    internal sealed record Sample(int Start, int[] Moves, int[] Gaps, int[] Exposure, int[] Traded)
    {
        public EquityCurve Build(double factor)
        {
            var curve = new EquityCurve();
            var equity = (double)Start;
            var time = Day0;
            for (var i = 0; i < Moves.Length; i++)
            {
                if (i > 0)
                {
                    equity *= 1 + Moves[i] / 1000.0;
                    time = time.AddDays(Gaps[i]);
                }

                var exposure = Exposure[i] == 0 ? 0 : equity * Exposure[i] / 2;
                curve.Append(time, equity * factor, (equity - exposure) * factor, exposure * factor, Traded[i] * equity / 4 * factor);
            }

            return curve;
        }
    }
}
