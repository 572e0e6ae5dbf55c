using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Indicators;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Tests.Engine;
using static Tradewind.Core.Tests.Engine.TestBars;

namespace Tradewind.Core.Tests.Strategies;

/// <summary>
/// rsi-bb on short periods (RSI 2, bands 3, ATR 2) and constructed bars whose indicator values can be worked out by hand.
/// </summary>
public sealed class RsiBbStrategyTests
{
    private const string Short = "rsi_period=2 bb_period=3 bb_dev=1 atr_period=2";

    /// <summary>
    /// 25 bars rising by 1 (close 100..124; TR 1.5 each, so ATR(2) = 1.5; RSI 100; never below the band), then bar 25
    /// drops to 110 (TR 15 → ATR 8.25; RSI(2) = 100 − 100 / (1 + 0.5 / 7) ≈ 6.7; lower band (1σ) of 123, 124, 110 ≈ 112.6)
    /// with <paramref name="dropVolume"/>; bar 26 is the entry bar (open 111, TR 7 → ATR 7.625), then <paramref name="after"/>.
    /// </summary>
    private static BarSeries DropAfterRise(double dropVolume, params (double O, double H, double L, double C)[] after)
    {
        var rows = new List<(string, double, double, double, double, double)>();
        for (var i = 0; i < 25; i++)
        {
            var c = 100.0 + i;
            rows.Add((Day(i).ToString("yyyy-MM-dd"), c - 0.5, c + 0.5, c - 1, c, 1000));
        }

        rows.Add((Day(25).ToString("yyyy-MM-dd"), 123, 123.5, 109, 110, dropVolume));
        (double, double, double, double)[] tail = [(111, 115, 108, 112), .. after];
        for (var i = 0; i < tail.Length; i++)
        {
            var (o, h, l, c) = tail[i];
            rows.Add((Day(26 + i).ToString("yyyy-MM-dd"), o, h, l, c, 1000));
        }

        return Series("SPY", [.. rows]);
    }

    /// <summary>A steady fall of 1 a bar: RSI(2) is 0 from bar 2, but each close stays above the 2σ lower band (it is the mean − 1 of the last three).</summary>
    private static BarSeries SteadyFall(int bars)
    {
        var rows = new (double, double, double, double)[bars];
        for (var i = 0; i < bars; i++)
        {
            var c = 200.0 - i;
            rows[i] = (c + 0.5, c + 0.6, c - 0.5, c);
        }

        return Daily("SPY", rows);
    }

    private static TradingEngine Run(string parameters, BarSeries bars)
    {
        var definition = StrategyCatalog.RsiBb;
        var values = definition.Bind(parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => new KeyValuePair<string, string>(p.Split('=')[0], p.Split('=')[1])));
        return EngineRun.Run(definition.Create(values), bars);
    }

    [Fact]
    public void The_constructed_drop_is_what_the_comments_say()
    {
        var bars = DropAfterRise(3000);
        var rsi = new RelativeStrengthIndex(2);
        var bands = new BollingerBands(3, 1);
        var atr = new AverageTrueRange(2);
        double r = double.NaN, a = double.NaN;
        for (var i = 0; i <= 25; i++)
        {
            r = rsi.Update(bars.Close[i]);
            bands.Update(bars.Close[i]);
            a = atr.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            if (i is >= 3 and < 25)
            {
                Assert.False(r < 30 || bars.Close[i] < bands.Lower, $"bar {i} already signals");
            }
        }

        Assert.Equal(100 - (100 / (1 + (0.5 / 7))), r, 9);
        Assert.True(bars.Close[25] < bands.Lower);
        Assert.Equal(8.25, a, 12);
        Assert.Equal(7.625, atr.Update(bars.High[26], bars.Low[26], bars.Close[26]), 12);
    }

    [Fact]
    public void RSIOrBB_enters_on_the_signal_bar_and_the_ATR_stop_uses_the_ATR_of_that_bar()
    {
        var engine = Run($"{Short} sl_multiplier=2", DropAfterRise(1000, (112, 113, 111, 112.5)));
        var entry = engine.Order("entry");
        Assert.Equal((Day(25), Day(26), 111m), (entry.PlacedAt, entry.StatusTime, entry.FillPrice));
        Assert.Equal("10% of equity", entry.Sizing);

        // 111 − 2 × 8.25 (the signal bar's ATR; the entry bar's 7.625 would give 95.75).
        var stop = engine.Order("stop-loss");
        Assert.Equal((94.5, entry.Id, OrderStatus.Pending), (stop.StopPrice!.Value, stop.ParentId!.Value, stop.Status));
        Assert.DoesNotContain(engine.Journal.Orders, o => o.Reason == "take-profit");
        Assert.Equal(2, engine.Journal.OrderCount);
    }

    [Fact]
    public void RSIBBVolume_needs_volume_above_the_factor_times_its_20_bar_average()
    {
        // Volume 1,000 = its average (which includes the bar): not above. 3,000 > 1.0 × 1,100: above. 3,000 < 3 × 1,100.
        Assert.Empty(Run($"{Short} entry=RSIBBVolume", DropAfterRise(1000)).Journal.Orders);
        Assert.Equal(Day(25), Run($"{Short} entry=RSIBBVolume", DropAfterRise(3000)).Order("entry").PlacedAt);
        Assert.Empty(Run($"{Short} entry=RSIBBVolume volume_factor=3", DropAfterRise(3000)).Journal.Orders);
    }

    [Fact]
    public void RSIOrBB_needs_one_condition_and_RSIBBVolume_all_three()
    {
        // A steady fall: RSI 0 from bar 2 but never below the 2σ band. Volume is always above 0 × its average.
        var or = Run("rsi_period=2 bb_period=3 atr_period=2 cooldown_bars=0", SteadyFall(30));
        Assert.Equal(Day(2), or.Journal.Orders[0].PlacedAt);
        Assert.Empty(Run("rsi_period=2 bb_period=3 atr_period=2 entry=RSIBBVolume volume_factor=0", SteadyFall(30)).Journal.Orders);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void After_an_exit_no_entry_is_decided_for_cooldown_bars_bars(int cooldown)
    {
        // A tight stop (0.1 × ATR 1.5 below the open) is hit on the entry bar itself: entry and exit on bar e. Decisions on
        // the closes of bars e .. e + cooldown − 1 are skipped, so the next entry fills at bar e + cooldown + 1.
        var engine = Run($"rsi_period=2 bb_period=3 atr_period=2 sl_multiplier=0.1 cooldown_bars={cooldown}", SteadyFall(30));
        var entries = engine.Journal.Fills.Where(f => f.Fill.Side == OrderSide.Buy).Select(f => engine.BarIndexAt(f.Fill.Time)).ToList();
        var exits = engine.Journal.ClosedTrades.Select(t => engine.BarIndexAt(t.ExitTime)).ToList();
        Assert.True(entries.Count >= 4);
        Assert.Equal(entries.Take(exits.Count), exits);
        Assert.Equal(3, entries[0]);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(cooldown + 1, entries[i] - entries[i - 1]);
        }

        Assert.All(engine.Journal.ClosedTrades, t => Assert.Equal("stop-loss", t.ExitReason));
    }

    [Fact]
    public void AdvancedATRExit_takes_profit_at_the_fill_plus_tp_multiplier_ATRs()
    {
        // Take-profit at 111 + 3 × 8.25 = 135.75; bar 27 reaches 136.
        var engine = Run($"{Short} exit=AdvancedATRExit", DropAfterRise(1000, (112, 136, 111, 130)));
        Assert.Equal(135.75, engine.Order("take-profit").LimitPrice);
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("take-profit", 135.75m, 16.5m), (trade.ExitReason, trade.ExitPrice, trade.InitialRiskPerUnit));
        Assert.Equal(OrderStatus.Cancelled, engine.Order("stop-loss").Status);
    }

    [Fact]
    public void AdvancedATRExit_with_trailing_trails_the_stop_by_the_stop_distance()
    {
        // Stop 94.5; bar 26's high 115 lifts it to 98.5, bar 27's 130 to 113.5; bar 28 trades down to 113: out at 113.5.
        var engine = Run($"{Short} exit=AdvancedATRExit trailing_enabled=true", DropAfterRise(1000, (112, 130, 111, 129), (128, 129, 113, 114)));
        var trade = Assert.Single(engine.Journal.ClosedTrades);
        Assert.Equal(("trailing-stop", 113.5m, Day(28)), (trade.ExitReason, trade.ExitPrice, trade.ExitTime));
        Assert.Equal(OrderStatus.Cancelled, engine.Order("take-profit").Status);
    }

    [Fact]
    public void AdvancedATRExit_without_trailing_keeps_the_stop_where_it_was()
    {
        var engine = Run($"{Short} exit=AdvancedATRExit", DropAfterRise(1000, (112, 130, 111, 129), (128, 129, 113, 114)));
        Assert.Empty(engine.Journal.ClosedTrades);
        Assert.Equal(94.5, Assert.Single(engine.Journal.Orders, o => o.Type == OrderType.Stop).StopPrice);
    }
}

internal static class EngineSeriesIndex
{
    /// <summary>The index of the bar at <paramref name="time"/> in the engine's first series.</summary>
    public static int BarIndexAt(this TradingEngine engine, DateTime time) => engine.Context.History(0).Time.IndexOf(time);
}
