using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core.Strategies.CapitalAllocator;

namespace Tradewind.Core.Tests.Strategies.CapitalAllocator;

public sealed class AllocationSplitTests
{
    private static Dictionary<string, decimal> Split(decimal budget, params (string, double)[] scores) =>
        AllocationSplit.Dollars(budget, scores).ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void No_positive_score_buys_nothing()
    {
        Assert.Empty(AllocationSplit.Dollars(800m, [("SPY", 0.0), ("QQQ", -0.2), ("DIA", -1)]));
        Assert.Empty(AllocationSplit.Dollars(800m, []));
        Assert.Empty(AllocationSplit.Dollars(0m, [("SPY", 1.0)]));
    }

    [Fact]
    public void One_positive_asset_takes_the_whole_budget()
    {
        Assert.Equal(new Dictionary<string, decimal> { ["QQQ"] = 800m }, Split(800m, ("SPY", -0.1), ("QQQ", 0.3), ("DIA", 0)));
    }

    [Fact]
    public void Two_positive_assets_start_from_55_30_and_share_15_by_score()
    {
        // Equal: 55 + 7.5 / 30 + 7.5. Scores 1 : 0.2: 55 + 15 / 1.2 = 67.5, 30 + 3 / 1.2 = 32.5.
        Assert.Equal(new Dictionary<string, decimal> { ["DIA"] = 500m, ["SPY"] = 300m }, Split(800m, ("SPY", 0.4), ("DIA", 0.4), ("QQQ", -1)));
        Assert.Equal([0.675m, 0.325m], AllocationSplit.Weights([1.0, 0.2]));
        Assert.Equal(new Dictionary<string, decimal> { ["QQQ"] = 540m, ["SPY"] = 260m }, Split(800m, ("SPY", 0.2), ("QQQ", 1.0)));
    }

    [Fact]
    public void Two_assets_cap_the_top_at_70_percent()
    {
        // 1 : 0.01 would give the top 55 + 14.85; 70 caps it only past 1 : 0 — the top stays inside the band.
        var weights = AllocationSplit.Weights([1.0, 1e-9]);
        Assert.True(weights[0] <= 0.70m && weights[1] >= 0.30m);
        Assert.Equal(1m, weights.Sum());
    }

    [Fact]
    public void Three_equal_scores_split_45_35_20()
    {
        Assert.Equal([0.45m, 0.35m, 0.20m], AllocationSplit.Weights([0.5, 0.5, 0.5]));
        Assert.Equal(
            new Dictionary<string, decimal> { ["DIA"] = 360m, ["QQQ"] = 280m, ["SPY"] = 160m },
            Split(800m, ("SPY", 0.5), ("QQQ", 0.5), ("DIA", 0.5)));
    }

    [Fact]
    public void Three_scores_share_the_15_percent_in_proportion()
    {
        // 1 : 0.5 : 0.25 (sum 1.75): 40 + 15/1.75, 30 + 7.5/1.75, 15 + 3.75/1.75 percent.
        var w = AllocationSplit.Weights([1.0, 0.5, 0.25]);
        Assert.Equal(0.40m + 0.15m / 1.75m, w[0], 20);
        Assert.Equal(0.30m + 0.075m / 1.75m, w[1], 20);
        Assert.Equal(0.15m + 0.0375m / 1.75m, w[2], 20);

        // 342.857… and 171.428… round down to the cent; the top takes the rest: 1000 − 342.85 − 171.42.
        Assert.Equal(
            new Dictionary<string, decimal> { ["QQQ"] = 485.73m, ["SPY"] = 342.85m, ["DIA"] = 171.42m },
            Split(1000m, ("SPY", 0.5), ("QQQ", 1.0), ("DIA", 0.25)));
    }

    [Fact]
    public void A_capped_share_passes_its_excess_on()
    {
        // Top dominant: capped at 50%, the 5% left split 1 : 1 → 32.5 / 17.5.
        Assert.Equal([0.50m, 0.325m, 0.175m], AllocationSplit.Weights([1.0, 0.01, 0.01]));

        // Second capped at 35%: 10% left for the top and the third in proportion 1 : 0.01.
        var w = AllocationSplit.Weights([1.0, 1.0, 0.01]);
        Assert.Equal(0.35m, w[1]);
        Assert.Equal(0.40m + 0.10m / 1.01m, w[0], 20);
        Assert.Equal(0.15m + 0.001m / 1.01m, w[2], 20);
    }

    [Fact]
    public void Four_or_more_positive_assets_fund_only_the_top_three()
    {
        var split = Split(800m, ("SPY", 0.5), ("QQQ", 0.5), ("DIA", 0.5), ("IWM", 0.4), ("EEM", 0.9));
        Assert.Equal(["EEM", "DIA", "QQQ"], split.Keys);
        Assert.Equal(800m, split.Values.Sum());
    }

    [Fact]
    public void Leftover_cents_go_to_the_top_ranked_asset()
    {
        // 35% of 0.07 = 0.0245 → 0.02, 20% = 0.014 → 0.01; the top gets 0.04 (45% would be 0.0315).
        Assert.Equal(
            new Dictionary<string, decimal> { ["DIA"] = 0.04m, ["QQQ"] = 0.02m, ["SPY"] = 0.01m },
            Split(0.07m, ("SPY", 1.0), ("QQQ", 1.0), ("DIA", 1.0)));
    }

    [Fact]
    public void Ties_rank_by_symbol_whatever_the_input_order()
    {
        var a = AllocationSplit.Dollars(100m, [("QQQ", 0.3), ("DIA", 0.3)]);
        var b = AllocationSplit.Dollars(100m, [("DIA", 0.3), ("QQQ", 0.3)]);
        Assert.Equal(a, b);
        Assert.Equal("DIA", a[0].Key);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AllocationSplit.Dollars(10.005m, [("SPY", 1.0)]));
        Assert.Throws<ArgumentException>(() => AllocationSplit.Dollars(-1m, [("SPY", 1.0)]));
        Assert.Throws<ArgumentException>(() => AllocationSplit.Weights([]));
        Assert.Throws<ArgumentException>(() => AllocationSplit.Weights([0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => AllocationSplit.Weights([0.1, 0.0]));
        Assert.Throws<ArgumentException>(() => AllocationSplit.Weights([1, 1, 1, 1]));
    }

    [Fact]
    public void Any_split_adds_up_to_the_budget_with_every_share_in_its_band()
    {
        decimal[][] floors = [[1m], [0.55m, 0.30m], [0.40m, 0.30m, 0.15m]];
        decimal[][] caps = [[1m], [0.70m, 0.45m], [0.50m, 0.35m, 0.25m]];
        var scenario = from cents in Gen.Choose(0, 10_000_000)
                       from scores in Gen.Choose(-1_000_000, 1_000_000).Select(s => s / 1_000_000.0).ArrayOf()
                       select (Budget: cents / 100m, Scores: scores);

        Prop.ForAll(Arb.From(scenario), s =>
        {
            var input = s.Scores.Select((score, i) => ($"S{i % 7}{i}", score)).ToList();
            var split = AllocationSplit.Dollars(s.Budget, input);
            var positive = input.Count(x => x.score > 0);
            var n = Math.Min(positive, 3);
            if (n == 0 || s.Budget == 0)
            {
                return split.Count == 0;
            }

            var ranked = AllocationSplit.Rank(input).Take(n).Select(x => x.Symbol).ToList();
            var ok = split.Count == n
                     && split.Select(kv => kv.Key).SequenceEqual(ranked)
                     && split.Sum(kv => kv.Value) == s.Budget
                     && split.All(kv => kv.Value >= 0 && decimal.Round(kv.Value, 2) == kv.Value);
            for (var i = 0; i < n && ok; i++)
            {
                // Rounding moves each share by less than a cent per asset.
                ok = split[i].Value >= s.Budget * floors[n - 1][i] - 0.01m * n && split[i].Value <= s.Budget * caps[n - 1][i] + 0.01m * n
                     && (i == 0 || split[i].Value <= split[i - 1].Value + 0.01m * n);
            }

            return ok;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
