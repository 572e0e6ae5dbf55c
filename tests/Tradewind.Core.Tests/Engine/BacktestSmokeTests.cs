using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Testing;

namespace Tradewind.Core.Tests.Engine;

public sealed class BacktestSmokeTests
{
    [Fact]
    public void Every_catalogued_strategy_runs_on_spy_with_a_reconciled_ledger()
    {
        var series = LoadDaily("SPY");
        foreach (var definition in StrategyCatalog.All)
        {
            var result = Backtest.Run([series], definition, definition.Defaults, new EngineOptions(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.Bars == series.Count, definition.Name);
            Assert.True(result.FinalEquity > 0, definition.Name);
            Assert.Equal(series.Count, result.Journal.Equity.Count);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{definition.Name}: final {result.FinalEquity:F2} trades {result.Statistics.TradeCount} orders {result.Journal.OrderCount} fills {result.Journal.Fills.Count} sharpe {result.Statistics.Sharpe:F3} maxdd {result.Statistics.MaxDrawdown:P1}");
        }
    }

    internal static BarSeries LoadDaily(string ticker)
    {
        var path = SharedData.File($"daily/{ticker}.csv");
        var series = new BarSeries(Symbol.Parse(ticker), Resolution.Daily);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length < 6 || f.Skip(1).Take(4).Any(string.IsNullOrEmpty) || f.Contains("null"))
            {
                continue;
            }

            var date = DateTime.SpecifyKind(DateTime.Parse(f[0], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            double P(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            series.Add(new Bar(date, P(1), P(2), P(3), P(4), double.Parse(f[5], CultureInfo.InvariantCulture)));
        }

        return series;
    }
}
