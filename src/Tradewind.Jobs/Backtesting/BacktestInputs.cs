using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using Tradewind.Core.Time;
using Tradewind.Data.Csv;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// What a run of the engine reads and how it trades, from a checked <see cref="BacktestRequest"/>: the bars (its --data
/// CSV files or its --symbol stored bars, one resolution), the <see cref="EngineOptions"/> (capital, costs, fill rule,
/// period) and the coverage warnings of the period. One place for every use case that runs strategies (backtest, optimize).
/// </summary>
/// <param name="Series">The bars, one series per symbol, all of one resolution.</param>
/// <param name="Options">The engine options of the run, the period read in the exchange time of the first series' symbol.</param>
/// <param name="Warnings">Series that are not traded, or that start after or end before the period's bars.</param>
public sealed record BacktestInputs(IReadOnlyList<BarSeries> Series, EngineOptions Options, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Loads the bars of <paramref name="request"/> and builds its engine options; <paramref name="database"/> is opened
    /// through <paramref name="environment"/> when stored symbols are read and none is given.
    /// </summary>
    /// <exception cref="JobInputException">Every problem with the bars or the period: a missing or bad file, a symbol not stored, mixed resolutions, an empty period.</exception>
    /// <exception cref="DatabaseUnavailableException">The database is needed and cannot be opened.</exception>
    public static async Task<BacktestInputs> LoadAsync(BacktestRequest request, JobEnvironment environment, TradewindDatabase? database = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        var series = request.DataFiles.Count > 0
            ? await LoadFilesAsync(request, environment, cancellationToken)
            : await LoadStoredAsync(request, database ?? await environment.OpenDatabaseAsync(cancellationToken), cancellationToken);
        var (start, end) = Period(request, series[0]);
        var warnings = CheckPeriod(request, series, start, end);
        var options = new EngineOptions
        {
            InitialCash = request.InitialCash,
            Costs = new ExecutionCosts(request.Slippage, request.Commission),
            FillRule = request.Fill,
            MaxLeverage = request.MaxLeverage,
            QuantityRules = request.WholeShares ? s => QuantityRule.For(s.AssetClass, wholeShares: true) : null,
            RiskFreeRate = request.RiskFreeRate,
            Start = start,
            End = end,
        };
        return new BacktestInputs(series, options, warnings);
    }

    private static async Task<List<BarSeries>> LoadFilesAsync(BacktestRequest request, JobEnvironment environment, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var series = new List<(string Path, BarSeries Bars)>();
        var data = request.Origins.Label("--data");
        foreach (var path in request.DataFiles)
        {
            if (!CsvFileName.TryParse(path, out var name, out var reason))
            {
                problems.Add($"{data}: {reason}; name the file after its symbol, e.g. SPY.csv or BTC-USD_1h.csv");
                continue;
            }

            var full = environment.ResolvePath(path);
            if (!File.Exists(full))
            {
                problems.Add($"{data}: {path}: file not found (relative paths start at {environment.WorkingDirectory})");
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
                series.Add((path, CsvBarReader.Parse(bytes, path, name.Symbol, request.Resolution ?? name.Resolution)));
            }
            catch (CsvImportException ex)
            {
                problems.Add(ex.Errors.Count == 0
                    ? ex.Message
                    : string.Join(Environment.NewLine, ex.Errors.Select(e => e.ToString())) + (ex.Truncated ? $"{Environment.NewLine}(stopped after {ex.Errors.Count} errors; the file may hold more)" : string.Empty));
            }
        }

        foreach (var duplicate in series.GroupBy(s => s.Bars.Symbol).Where(g => g.Count() > 1))
        {
            problems.Add($"{data}: {string.Join(" and ", duplicate.Select(d => d.Path))} hold the same symbol {duplicate.Key}; give each symbol once");
        }

        if (problems.Count == 0 && series.Select(s => s.Bars.Resolution).Distinct().Count() > 1)
        {
            problems.Add($"{data}: the files hold bars of different lengths (" + string.Join(", ", series.Select(s => $"{s.Path} {s.Bars.Resolution}")) +
                "); backtest files of one resolution together, or name it with --resolution");
        }

        return problems.Count == 0 ? series.Select(s => s.Bars).ToList() : throw new JobInputException(problems);
    }

    private static async Task<List<BarSeries>> LoadStoredAsync(BacktestRequest request, TradewindDatabase database, CancellationToken cancellationToken)
    {
        var repository = new PriceHistoryRepository(database);
        var resolution = request.Resolution ?? Resolution.Daily;
        var problems = new List<string>();
        var series = new List<BarSeries>();
        var option = request.Origins.Label("--symbol");
        foreach (var symbol in request.Symbols)
        {
            // Everything up to the end is loaded: bars before --start warm the strategy up.
            var (_, end) = Bounds(request, symbol, resolution);
            var bars = await repository.LoadAsync(symbol, resolution, null, end, cancellationToken);
            if (bars.Count > 0)
            {
                series.Add(bars);
            }
            else if (await repository.CountAsync(symbol.Ticker, resolution, cancellationToken) > 0)
            {
                problems.Add($"{option} {symbol}: no {resolution} bar of {symbol} is stored on or before {request.Origins.Mention("--end")} {request.End:yyyy-MM-dd}; choose a later --end ('tradewind data list' shows the stored range)");
            }
            else if (await repository.CountAsync(symbol.Ticker, null, cancellationToken) > 0)
            {
                problems.Add($"{option} {symbol}: {symbol} is stored, but not at {resolution}; name the stored resolution with --resolution ('tradewind data list' shows it)");
            }
            else
            {
                problems.Add($"{option} {symbol}: no bars of {symbol} are stored in {database.Target.Display}; import them first ('tradewind data import {symbol}.csv'), or read a file with --data");
            }
        }

        return problems.Count == 0 ? series : throw new JobInputException(problems);
    }

    private static (DateTime? Start, DateTime? End) Period(BacktestRequest request, BarSeries first) => Bounds(request, first.Symbol, first.Resolution);

    // A date means that trading date's bars: for daily and weekly bars the date itself (bars are keyed at 00:00 UTC),
    // for intraday bars the exchange-local day, through its last instant for the end.
    private static (DateTime? Start, DateTime? End) Bounds(BacktestRequest request, Symbol symbol, Resolution resolution)
    {
        DateTime? Bound(DateOnly? date, bool end)
        {
            if (date is not { } d)
            {
                return null;
            }

            if (resolution.IsDateBased)
            {
                return d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }

            var day = end ? d.AddDays(1) : d;
            var startOfDay = BarTimeFormat.ZoneOf(symbol).AtStartOfDay(new NodaTime.LocalDate(day.Year, day.Month, day.Day)).ToDateTimeUtc();
            return end ? startOfDay.AddTicks(-1) : startOfDay;
        }

        return (Bound(request.Start, end: false), Bound(request.End, end: true));
    }

    // An error when no series has a bar in the period; a warning for each series that has none, or that starts after
    // the period's first bar or ends before its last (the engine values a held position at its last close until the end).
    private static List<string> CheckPeriod(BacktestRequest request, List<BarSeries> series, DateTime? start, DateTime? end)
    {
        var inPeriod = new List<(BarSeries Bars, DateTime First, DateTime Last)>();
        var empty = new List<BarSeries>();
        foreach (var bars in series)
        {
            var first = bars.LowerBound(start ?? DateTime.MinValue);
            var last = (end is { } e ? bars.LowerBound(e.AddTicks(1)) : bars.Count) - 1;
            if (first < bars.Count && first <= last)
            {
                inPeriod.Add((bars, bars.Time[first], bars.Time[last]));
            }
            else
            {
                empty.Add(bars);
            }
        }

        string Range(BarSeries bars) => $"{bars.Symbol} has {BarTimeFormat.Format(bars.Time[0], bars.Resolution, bars.Symbol)} to {BarTimeFormat.Format(bars.Time[bars.Count - 1], bars.Resolution, bars.Symbol)}";
        var origins = request.Origins;
        var period = string.Create(CultureInfo.InvariantCulture, $"{origins.Mention("--start")} {(request.Start is { } s ? s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(first bar)")} .. {origins.Mention("--end")} {(request.End is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(last bar)")}");
        if (inPeriod.Count == 0)
        {
            throw new JobInputException($"no bar falls in the period {period}: {string.Join("; ", series.Select(Range))}; choose dates inside the data");
        }

        var warnings = empty.Select(bars => $"{Range(bars)}, no bar in the period {period}: it is not traded").ToList();
        var periodFirst = inPeriod.Min(p => p.First);
        var periodLast = inPeriod.Max(p => p.Last);
        foreach (var (bars, first, last) in inPeriod)
        {
            string Time(DateTime utc) => BarTimeFormat.Format(utc, bars.Resolution, bars.Symbol);
            var calendar = TradingCalendars.For(bars.Symbol.AssetClass);
            var firstDay = ExchangeDate(bars, first);
            var lastDay = ExchangeDate(bars, last);

            // A daily bar covers its day, a weekly bar its week, an intraday bar (here) its day.
            var covered = bars.Resolution.IsDateBased ? (int)bars.Resolution.Duration.TotalDays : 1;
            if (Trades(calendar, ExchangeDate(bars, periodFirst), firstDay.AddDays(-1)))
            {
                warnings.Add($"{bars.Symbol}: its first bar is {Time(first)}, after the traded period's first bar {Time(periodFirst)}: it is not traded before {firstDay:yyyy-MM-dd}; pass --start {firstDay:yyyy-MM-dd} to start there");
            }

            if (Trades(calendar, lastDay.AddDays(covered), ExchangeDate(bars, periodLast)))
            {
                warnings.Add($"{bars.Symbol}: its last bar is {Time(last)}, before the traded period's last bar {Time(periodLast)}: a position in it is valued at its last close {Time(last)} for the rest of the run; pass --end {lastDay:yyyy-MM-dd} to stop there");
            }
        }

        return warnings;
    }

    // Whether the exchange trades on a day from `from` to `to`, inclusive: a series missing those days lacks data, where
    // one missing a weekend or a holiday does not (stock data that ends on a Friday is complete for a period that ends on
    // the Sunday of a crypto series). Outside the calendar's known years every day counts as a trading day.
    private static bool Trades(TradingCalendar calendar, DateOnly from, DateOnly to) =>
        from <= to && (!calendar.IsSupported(from.AddDays(-1)) || !calendar.IsSupported(to) || calendar.TradingDaysBetween(from.AddDays(-1), to) > 0);

    // The exchange-local date of a bar: daily and weekly bars are keyed at 00:00 UTC of their date.
    private static DateOnly ExchangeDate(BarSeries bars, DateTime utc) => bars.Resolution.IsDateBased
        ? DateOnly.FromDateTime(utc)
        : NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(BarTimeFormat.ZoneOf(bars.Symbol)).Date.ToDateOnly();

}
