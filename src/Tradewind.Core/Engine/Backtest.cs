using Tradewind.Core.Analytics;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Core.Engine;

/// <summary>The backtest loop on top of <see cref="TradingEngine.Step"/>: run a catalogued strategy over series and compute the statistics.</summary>
public static class Backtest
{
    /// <summary>
    /// Runs <paramref name="definition"/> with <paramref name="parameters"/> over <paramref name="series"/>.
    /// <paramref name="progress"/>, when given, receives the fraction of bars consumed now and then (not per bar).
    /// </summary>
    /// <exception cref="ArgumentException">The series or options are unusable, or no bar falls in the period.</exception>
    public static BacktestResult Run(
        IReadOnlyList<BarSeries> series,
        StrategyDefinition definition,
        StrategyParameterValues parameters,
        EngineOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(parameters);
        var engine = new TradingEngine(series, definition.Create(parameters), options);
        if (progress is null)
        {
            engine.Run(cancellationToken);
        }
        else
        {
            var total = (double)engine.TotalBars;
            var steps = 0;
            while (engine.Step())
            {
                if ((++steps & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress.Report(engine.BarsConsumed / total);
                }
            }

            progress.Report(1);
        }

        return Finish(engine, definition.Name, parameters.AsText());
    }

    /// <summary>The result of an engine that has run: statistics over its journal, the portfolio at the last closes.</summary>
    /// <exception cref="ArgumentException">No bar fell in the traded period.</exception>
    public static BacktestResult Finish(TradingEngine engine, string strategy, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var options = engine.Options;
        if (engine.Journal.Equity.Count == 0)
        {
            var period = $"{options.Start:yyyy-MM-dd}..{options.End:yyyy-MM-dd}";
            throw new ArgumentException($"no bar of {string.Join(", ", engine.Symbols)} falls in the period {period}; check --start/--end against the data");
        }

        var assetClass = AssetClass.Equity;
        foreach (var symbol in engine.Symbols)
        {
            if (symbol.AssetClass == AssetClass.Crypto)
            {
                assetClass = AssetClass.Crypto;
            }
        }

        var statistics = PerformanceStatistics.Compute(
            engine.Journal.Equity,
            engine.Journal.ClosedTrades,
            PerformanceParameters.For(engine.Resolution, assetClass, options.RiskFreeRate));
        return new BacktestResult(
            strategy,
            parameters,
            engine.Symbols,
            engine.Resolution,
            options,
            engine.BarsProcessed,
            engine.Journal,
            engine.Mark(),
            statistics,
            engine.OpenPositions());
    }
}
