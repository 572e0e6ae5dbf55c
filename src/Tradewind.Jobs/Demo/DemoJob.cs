using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tradewind.Configuration.Settings;
using Tradewind.Core.Analytics;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Data.Files;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Data.Providers.Simulated;
using Tradewind.Jobs.Backtesting;
using Tradewind.Jobs.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.MarketData;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Storage.PriceHistory;
using Tradewind.Storage.Signals;

namespace Tradewind.Jobs.Demo;

/// <summary>
/// <c>tradewind demo</c>: a workspace with its own SQLite database, price history for the allocator's assets (the
/// simulated market, or a folder of real CSVs), and the allocator run day by day over the last years with the very
/// daily jobs a scheduler would run (signal before the open, execute at the open), then a summary. Running it again
/// on the same workspace changes nothing: every job is idempotent.
/// </summary>
public sealed class DemoJob
{
    /// <summary>The workspace's database file name.</summary>
    public const string DatabaseFile = "tradewind.db";

    private const string MarkerFile = "demo-source.txt";

    private const string ReportFile = "report.html";

    private readonly JobEnvironment _environment;

    /// <summary>Creates the demo for <paramref name="environment"/> (its clock decides "today").</summary>
    public DemoJob(JobEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>Runs the demo; <paramref name="progress"/> hears the fraction of trading days done.</summary>
    public async Task<DemoSummary> RunAsync(DemoRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Years is < 1 or > 20)
        {
            throw new JobInputException(string.Create(CultureInfo.InvariantCulture, $"--years {request.Years}: choose 1 to 20"));
        }

        var directory = _environment.ResolvePath(request.Directory);
        var dataDirectory = request.DataDirectory is null ? null : _environment.ResolvePath(request.DataDirectory);
        if (dataDirectory is not null && !System.IO.Directory.Exists(dataDirectory))
        {
            throw new JobInputException($"--data {request.DataDirectory}: no such folder ({dataDirectory}); give a folder holding SPY.csv, QQQ.csv and DIA.csv");
        }

        System.IO.Directory.CreateDirectory(directory);
        var storedWindow = await CheckSourceAsync(directory, dataDirectory, cancellationToken);
        var settings = new TradewindSettings();
        var parameters = AllocatorParameterSource.From(settings.Strategy.CapitalAllocator);
        IDailyBarProvider provider = dataDirectory is null
            ? new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = settings.Data.Sim.Seed })
            : new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = dataDirectory });

        var calendar = TradingDate.Calendar;
        if (request.End is { } asked && !calendar.IsSupported(asked))
        {
            throw new JobInputException($"--end {asked:yyyy-MM-dd}: the NYSE calendar covers {calendar.FirstSupportedDate:yyyy-MM-dd} to {calendar.LastSupportedDate:yyyy-MM-dd}; choose a date inside it");
        }

        // A workspace keeps the period it was made for: run again (tomorrow, say) it shows the same days, and a
        // different period is refused rather than executed out of order on the same account.
        var end = request.End ?? storedWindow?.End ?? await DefaultEndAsync(provider, parameters, dataDirectory is null, cancellationToken);
        if (!calendar.IsTradingDay(end))
        {
            end = calendar.PreviousTradingDay(end);
        }

        var first = calendar.AddTradingDays(end, -(252 * request.Years - 1));
        if (storedWindow is { } window && (window.First != first || window.End != end))
        {
            throw new JobInputException(string.Create(CultureInfo.InvariantCulture,
                $"{directory} holds the demo of {window.First:yyyy-MM-dd} .. {window.End:yyyy-MM-dd}; this run asks for {first:yyyy-MM-dd} .. {end:yyyy-MM-dd}. Run it with the same --end and --years, or use another --dir"));
        }

        if (storedWindow is null)
        {
            await WriteMarkerAsync(directory, dataDirectory, first, end, cancellationToken);
        }

        var historyStart = calendar.AddTradingDays(first, -(parameters.LookbackDays + 5));
        var database = await TradewindDatabase.OpenAsync(DatabaseTarget.Parse(Path.Combine(directory, DatabaseFile), directory), cancellationToken);
        var time = _environment.Time;
        var fetch = new FetchPricesJob(database, provider);
        await fetch.BackfillAsync(end, end.DayNumber - historyStart.DayNumber + 1, parameters.Assets, cancellationToken);

        var days = calendar.TradingDays(first, end).ToList();
        var signal = new GenerateSignalJob(database, settings.Strategy, time);
        var execute = new ExecuteTradesJob(database, settings.Strategy, time);
        for (var i = 0; i < days.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await signal.RunAsync(days[i], cancellationToken);
            await execute.RunAsync(days[i], cancellationToken);
            progress?.Report((i + 1.0) / days.Count);
        }

        var backtest = await BacktestAsync(database, parameters, days, Path.Combine(directory, ReportFile), cancellationToken);
        return await SummarizeAsync(database, provider, parameters, days, directory, backtest, cancellationToken);
    }

    // The same period through the engine (tradewind backtest --strategy capital-allocator on the workspace's prices):
    // its report is the demo's report.html, and its trades must be exactly those the daily jobs stored.
    private async Task<(int Trades, bool Identical, PerformanceStatistics Statistics)> BacktestAsync(
        TradewindDatabase database, CapitalAllocatorParameters parameters, List<DateOnly> days, string reportPath, CancellationToken cancellationToken)
    {
        var settings = new BacktestSettings
        {
            Strategy = CapitalAllocatorParameters.StrategyName,
            Symbols = parameters.Assets,
            Start = days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            End = days[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Outputs = new BacktestOutputs { Report = reportPath },
        };
        var environment = _environment with { OpenDatabaseAsync = _ => Task.FromResult(database) };
        var run = await new BacktestJob(environment).RunAsync(BacktestRequest.Parse(settings), null, cancellationToken);
        if (!run.Succeeded)
        {
            throw new JobInputException("the demo's report could not be written: " + string.Join("; ", run.Failures.Select(f => f.Message)));
        }

        var engine = run.Result.Journal.Fills
            .Select(f => (DateOnly.FromDateTime(f.Fill.Time), f.Fill.Symbol.Ticker, f.Fill.Side, f.Fill.Quantity, f.Fill.Price))
            .OrderBy(t => t.Item1).ThenBy(t => t.Ticker, StringComparer.Ordinal).ToList();
        var stored = (await new PaperAccountRepository(database).ListTradesAsync(CapitalAllocatorParameters.StrategyName, days[0], days[^1], cancellationToken))
            .Select(t => (t.TradeDate, t.Symbol, t.Action, t.Quantity, t.Price))
            .OrderBy(t => t.TradeDate).ThenBy(t => t.Symbol, StringComparer.Ordinal).ToList();
        return (engine.Count, engine.SequenceEqual(stored), run.Result.Statistics);
    }

    // A workspace holds one kind of data (simulated prices and real ones must never meet in one database) and one
    // period. The marker file says which: its first line the source, its second the period once it is known.
    private static async Task<(DateOnly First, DateOnly End)?> CheckSourceAsync(string directory, string? dataDirectory, CancellationToken cancellationToken)
    {
        var source = Source(dataDirectory);
        var marker = Path.Combine(directory, MarkerFile);
        if (File.Exists(marker))
        {
            var lines = await File.ReadAllLinesAsync(marker, cancellationToken);
            var existing = lines.Length > 0 ? lines[0].Trim() : "";
            if (existing != source)
            {
                throw new JobInputException($"{directory} already holds a demo on {Describe(existing)}; this run asks for {Describe(source)}. Use another --dir (or delete that folder) so the two never mix");
            }

            var period = lines.Length > 1 ? lines[1].Split("..", StringSplitOptions.TrimEntries) : [];
            return period.Length == 2
                && DateOnly.TryParseExact(period[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && DateOnly.TryParseExact(period[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                ? (first, end)
                : null;
        }

        if (File.Exists(Path.Combine(directory, DatabaseFile)))
        {
            throw new JobInputException($"{directory} holds a {DatabaseFile} that no demo made; use another --dir for the demo");
        }

        return null;

        static string Describe(string s) => s == "sim" ? "simulated prices" : "the CSV files of " + s[4..];
    }

    private static Task WriteMarkerAsync(string directory, string? dataDirectory, DateOnly first, DateOnly end, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path.Combine(directory, MarkerFile), async w =>
        {
            await w.WriteLineAsync(Source(dataDirectory));
            await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd} .. {end:yyyy-MM-dd}"));
        }, cancellationToken);

    private static string Source(string? dataDirectory) => dataDirectory is null ? "sim" : "csv:" + dataDirectory;

    // Simulated data ends with the last session before today; real files end where the shortest of them ends.
    private async Task<DateOnly> DefaultEndAsync(IDailyBarProvider provider, CapitalAllocatorParameters parameters, bool simulated, CancellationToken cancellationToken)
    {
        var today = TradingDate.Resolve(null, _environment.Time);
        var calendar = TradingDate.Calendar;
        if (simulated)
        {
            return calendar.PreviousTradingDay(today);
        }

        var end = DateOnly.MaxValue;
        foreach (var asset in parameters.Assets)
        {
            BarSeries bars;
            try
            {
                bars = await provider.GetDailyBarsAsync(Symbol.Parse(asset), calendar.FirstSupportedDate, today, cancellationToken);
            }
            catch (MarketDataProviderException ex)
            {
                throw new JobInputException(ex.Message, ex);
            }

            if (bars.Count == 0)
            {
                throw new JobInputException($"{asset}: the CSV file has no bars; the demo needs daily bars of {string.Join(", ", parameters.Assets)}");
            }

            var last = TradingDate.DateOf(bars.Time[bars.Count - 1]);
            end = last < end ? last : end;
        }

        return end;
    }

    private static async Task<DemoSummary> SummarizeAsync(
        TradewindDatabase database, IDailyBarProvider provider, CapitalAllocatorParameters parameters, List<DateOnly> days, string directory,
        (int Trades, bool Identical, PerformanceStatistics Statistics) backtest, CancellationToken cancellationToken)
    {
        const string strategy = CapitalAllocatorParameters.StrategyName;
        var account = new PaperAccountRepository(database);
        var trades = await account.ListTradesAsync(strategy, days[0], days[^1], cancellationToken);
        var ledger = await account.ListLedgerAsync(strategy, cancellationToken: cancellationToken);
        var signals = await new DailySignalRepository(database).ListAsync(strategy, days[0], days[^1], cancellationToken);
        var prices = new PriceHistoryRepository(database);
        var bars = new Dictionary<string, BarSeries>(StringComparer.Ordinal);
        foreach (var asset in parameters.Assets)
        {
            bars[asset] = await prices.LoadAsync(Symbol.Parse(asset), Resolution.Daily, TradingDate.BarTime(days[0]), TradingDate.BarTime(days[^1]), cancellationToken);
        }

        // SPY (the first asset) bought with each day's deposit at that day's open, by the same 4-decimal rule.
        var deposits = ledger.Where(e => e.Kind == CashLedgerKind.Deposit).ToDictionary(e => e.TradeDate, e => e.Amount);
        var benchmark = bars[parameters.Assets[0]];
        var benchmarkUnits = 0m;
        foreach (var day in days)
        {
            var index = IndexOf(benchmark, day);
            if (deposits.GetValueOrDefault(day) is var deposit and > 0m && index >= 0)
            {
                benchmarkUnits += AllocatorExecution.RoundDown(deposit / ExecutionCosts.ToMoney(benchmark.Open[index]));
            }
        }

        var state = await account.LoadAsync(strategy, cancellationToken);
        var lastDay = days[^1];
        var marketValue = 0m;
        foreach (var position in state.Positions)
        {
            var i = IndexOf(bars[position.Symbol], lastDay);
            marketValue += position.Quantity * (i >= 0 ? ExecutionCosts.ToMoney(bars[position.Symbol].Close[i]) : position.AverageCost);
        }

        var benchmarkLast = IndexOf(benchmark, lastDay);
        var benchmarkValue = benchmarkLast >= 0 ? decimal.Round(benchmarkUnits * ExecutionCosts.ToMoney(benchmark.Close[benchmarkLast]), 2) : 0m;
        var actions = signals.GroupBy(s => s.Action.ToString().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var regimes = signals.GroupBy(s => Zone(s.FeaturesUsed)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var tradesPath = Path.Combine(directory, "trades.csv");
        var csv = TradesCsv(trades);
        await AtomicFile.WriteAsync(tradesPath, w => w.WriteAsync(csv), cancellationToken);
        var finalValue = state.Cash + marketValue;
        return new DemoSummary(
            provider is SimulatedDailyBarProvider,
            provider.Description,
            days[0],
            lastDay,
            days.Count,
            decimal.Round(finalValue, 2),
            decimal.Round(state.Cash, 2),
            state.TotalDeposits,
            decimal.Round(finalValue - state.TotalDeposits, 2),
            // Return and drawdown as the engine measures them, the figures its report shows.
            backtest.Statistics.TotalReturn,
            backtest.Statistics.MaxDrawdown,
            trades.Count,
            actions,
            regimes,
            benchmarkValue,
            backtest.Trades,
            backtest.Identical,
            Path.Combine(directory, DatabaseFile),
            Path.Combine(directory, ReportFile),
            tradesPath);
    }

    private static int IndexOf(BarSeries series, DateOnly day)
    {
        var time = TradingDate.BarTime(day);
        var times = series.Time;
        var i = times.BinarySearch(time);
        return i >= 0 ? i : -1;
    }

    private static string Zone(string featuresUsed)
    {
        var zone = JsonNode.Parse(featuresUsed)?["zone"]?.GetValue<string>();
        return string.IsNullOrEmpty(zone) ? "unknown" : zone.ToLowerInvariant();
    }

    private static string TradesCsv(IReadOnlyList<TradeRecord> trades)
    {
        var csv = new StringBuilder("trade_date,symbol,action,quantity,price,amount,signal_id\n");
        foreach (var t in trades)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{t.TradeDate:yyyy-MM-dd},{t.Symbol},{(t.Action == OrderSide.Buy ? "BUY" : "SELL")},{t.Quantity},{t.Price},{t.Amount},{t.SignalId}\n");
        }

        return csv.ToString();
    }
}
