using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

/// <summary>
/// The regime and risk on real SPY/QQQ/DIA closes (../shared/data), default parameters, the decision made after
/// each date's close. Figures seen (also in docs/strategies/capital-allocator.md): regime −0.81 on average over
/// 15–29 Oct 2008, −0.99 on 20 Mar 2020, +0.72 over 2 Oct–14 Nov 2017, +0.64 over 18 Oct–19 Nov 2021; risk
/// 98–99.7 in both crashes and 17.8–27.5 all through 2017.
/// </summary>
public sealed class CapitalAllocatorRealDataTests
{
    private static AllocatorRealData Data => AllocatorRealData.Instance;

    private static List<(string Date, CapitalAllocatorDecision Decision)> Decisions(string from, string to) =>
        [.. Data.Between(from, to).Select(d => (d, Data.DecideAfter(d)))];

    private static string Show(IEnumerable<(string Date, CapitalAllocatorDecision Decision)> days) =>
        string.Join(", ", days.Select(d => $"{d.Date} {d.Decision.Regime:+0.00;-0.00} risk {d.Decision.Risk.Score:0.0}"));

    [Fact]
    public void The_weeks_after_mid_october_2008_read_bearish()
    {
        var weeks = Decisions("2008-10-15", "2008-11-28");
        Assert.Equal(32, weeks.Count);

        // The bear-market rally around the election (30 Oct – 5 Nov) reads neutral, never bullish.
        Assert.DoesNotContain(weeks, d => d.Decision.Zone == MarketZone.Bullish);
        var bearish = weeks.Count(d => d.Decision.Zone == MarketZone.Bearish);
        Assert.True(bearish >= 24, $"{bearish} of {weeks.Count} days bearish: {Show(weeks)}");

        var core = Decisions("2008-10-15", "2008-10-29").Concat(Decisions("2008-11-06", "2008-11-25")).ToList();
        Assert.All(core, d => Assert.True(d.Decision.Regime < -0.3 && d.Decision.Action == AllocatorAction.Sell, Show([d])));
    }

    [Fact]
    public void March_2020_reads_bearish()
    {
        var crash = Decisions("2020-03-09", "2020-03-27");

        Assert.All(crash, d => Assert.True(d.Decision.Zone == MarketZone.Bearish, Show([d])));
        Assert.True(Data.DecideAfter("2020-03-20").Regime < -0.9);
    }

    [Fact]
    public void Calm_uptrends_in_late_2017_and_late_2021_read_bullish()
    {
        var days = Decisions("2017-10-02", "2017-11-14")
            .Concat(Decisions("2017-11-16", "2017-12-29"))
            .Concat(Decisions("2021-10-18", "2021-11-19"))
            .ToList();

        Assert.Equal(87, days.Count);
        Assert.All(days, d => Assert.True(d.Decision.Zone == MarketZone.Bullish && d.Decision.Action == AllocatorAction.Buy, Show([d])));
        Assert.True(days.Average(d => d.Decision.Regime) > 0.6);
    }

    [Fact]
    public void Risk_reads_high_in_the_crashes_and_low_through_2017()
    {
        var crashes = Decisions("2008-10-01", "2008-11-28").Concat(Decisions("2020-03-09", "2020-03-31")).ToList();
        Assert.All(crashes, d => Assert.True(d.Decision.RiskLevel == RiskLevel.High && d.Decision.Risk.Score > 90, Show([d])));

        var calm = Decisions("2017-01-03", "2017-12-29");
        Assert.All(calm, d => Assert.True(d.Decision.RiskLevel == RiskLevel.Low, Show([d])));
        Assert.True(calm.Max(d => d.Decision.Risk.AnnualizedVolatility) < 0.15);
        Assert.True(calm.Min(d => d.Decision.Risk.AverageCorrelation) > 0.5, "SPY, QQQ and DIA always move together");
    }

    [Fact]
    public void A_calm_bullish_day_invests_80_percent_over_the_three_etfs()
    {
        var d = Data.DecideAfter("2017-11-01");

        Assert.Equal((AllocatorAction.Buy, RiskLevel.Low, 800m), (d.Action, d.RiskLevel, d.Budget));
        Assert.Equal(3, d.Allocations.Count);
        Assert.Equal(800m, d.Allocations.Values.Sum());
        Assert.All(d.Assets, a => Assert.Equal(252, a.Features.Days));
    }
}
