using System.Globalization;
using Tradewind.Core.Analytics;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Tests.Engine;

/// <summary>Hand-made bar series for engine and strategy tests.</summary>
internal static class TestBars
{
    /// <summary>The first weekday used by <see cref="Day"/>: Tuesday 2024-01-02.</summary>
    public static readonly DateTime FirstDay = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A series from rows of (date yyyy-MM-dd, open, high, low, close, volume), daily resolution.</summary>
    public static BarSeries Series(string ticker, params (string Date, double O, double H, double L, double C, double V)[] rows)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily, rows.Length);
        foreach (var (date, o, h, l, c, v) in rows)
        {
            var bar = new Bar(DateTime.SpecifyKind(DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc), o, h, l, c, v);
            Assert.Null(bar.Validate());
            series.Add(bar);
        }

        return series;
    }

    /// <summary>A series of (open, high, low, close) rows on consecutive weekdays from <see cref="FirstDay"/>, volume 1000.</summary>
    public static BarSeries Daily(string ticker, params (double O, double H, double L, double C)[] rows)
    {
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var (o, h, l, c) = rows[i];
            var bar = new Bar(Day(i), o, h, l, c, 1000);
            Assert.Null(bar.Validate());
            series.Add(bar);
        }

        return series;
    }

    /// <summary>Flat bars (open = high = low = close) on consecutive weekdays.</summary>
    public static BarSeries Closes(string ticker, params double[] closes)
    {
        var rows = new (double, double, double, double)[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            rows[i] = (closes[i], closes[i], closes[i], closes[i]);
        }

        return Daily(ticker, rows);
    }

    /// <summary>The <paramref name="index"/>-th weekday from <see cref="FirstDay"/>.</summary>
    public static DateTime Day(int index)
    {
        var day = FirstDay;
        for (var i = 0; i < index; i++)
        {
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }

        return day;
    }
}

/// <summary>A strategy assembled from delegates: each test says what it does on which bar.</summary>
internal sealed class ScriptedStrategy : Strategy
{
    private readonly List<(int Symbol, int Bar, Action<StrategyContext> Action)> _script = [];

    public Action<StrategyContext, int>? OnBarDo { get; init; }

    public Action<StrategyContext>? OnSliceDo { get; init; }

    public Action<StrategyContext, JournalFill>? OnFillDo { get; init; }

    public Action<StrategyContext, int, ClosedTrade>? OnTradeClosedDo { get; init; }

    /// <summary>Runs <paramref name="action"/> on the close of bar <paramref name="bar"/> of symbol 0.</summary>
    public ScriptedStrategy At(int bar, Action<StrategyContext> action) => At(0, bar, action);

    /// <summary>Runs <paramref name="action"/> on the close of bar <paramref name="bar"/> of <paramref name="symbol"/>.</summary>
    public ScriptedStrategy At(int symbol, int bar, Action<StrategyContext> action)
    {
        _script.Add((symbol, bar, action));
        return this;
    }

    public override void OnBar(StrategyContext context, int symbol)
    {
        foreach (var (s, bar, action) in _script)
        {
            if (s == symbol && context.BarIndex(symbol) == bar)
            {
                action(context);
            }
        }

        OnBarDo?.Invoke(context, symbol);
    }

    public override void OnSlice(StrategyContext context) => OnSliceDo?.Invoke(context);

    public override void OnFill(StrategyContext context, JournalFill fill) => OnFillDo?.Invoke(context, fill);

    public override void OnTradeClosed(StrategyContext context, int symbol, ClosedTrade trade) => OnTradeClosedDo?.Invoke(context, symbol, trade);
}

/// <summary>Runs engines and reads their journals.</summary>
internal static class EngineRun
{
    public static TradingEngine Run(Strategy strategy, params BarSeries[] series) => Run(strategy, new EngineOptions(), series);

    public static TradingEngine Run(Strategy strategy, EngineOptions options, params BarSeries[] series)
    {
        var engine = new TradingEngine(series, strategy, options);
        while (engine.Step())
        {
            Assert.True(engine.Ledger.Reconciles, $"ledger off by {engine.Ledger.ReconciliationDifference()} at {engine.Time:O}");
        }

        return engine;
    }

    /// <summary>The only fill of the run.</summary>
    public static JournalFill SingleFill(this TradingEngine engine) => Assert.Single(engine.Journal.Fills);

    /// <summary>The journal record of order <paramref name="id"/>.</summary>
    public static JournalOrder Order(this TradingEngine engine, long id) => Assert.Single(engine.Journal.Orders, o => o.Id == id);

    /// <summary>The journal record of the order placed for <paramref name="reason"/>.</summary>
    public static JournalOrder Order(this TradingEngine engine, string reason) => Assert.Single(engine.Journal.Orders, o => o.Reason == reason);

    public static EngineOptions WithCommission(this EngineOptions options, CommissionModel commission) =>
        options with { Costs = options.Costs with { Commission = commission } };

    public static EngineOptions WithSlippage(this EngineOptions options, decimal basisPoints) =>
        options with { Costs = options.Costs with { Slippage = new SlippageModel(basisPoints) } };
}
