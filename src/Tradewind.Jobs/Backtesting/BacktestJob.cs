using System.Data.Common;
using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Core.Portfolio;
using Tradewind.Core.Time;
using Tradewind.Data.Csv;
using Tradewind.Data.ObjectStorage;
using Tradewind.Jobs.Backtesting.Outputs;
using Tradewind.Jobs.Backtesting.Report;
using Tradewind.Storage;
using Tradewind.Storage.Connections;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// The backtest use case: check the outputs, load the bars (CSV files or the database), run the strategy through the
/// engine, summarize, and write every output: local files first (each atomically), then the database (one
/// transaction), then the uploads. Bad input is a <see cref="JobInputException"/> before anything is written; an output
/// that cannot be written, for whatever reason, is reported in <see cref="BacktestRun.Failures"/> while the others are
/// still written.
/// </summary>
public sealed class BacktestJob
{
    private readonly JobEnvironment _environment;

    /// <summary>Creates the job for <paramref name="environment"/>.</summary>
    public BacktestJob(JobEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> receives the fraction of bars consumed now and then.</summary>
    /// <exception cref="JobInputException">An input is wrong: a missing or bad file, a symbol not stored, an empty period, a bad output path or object storage setting.</exception>
    /// <exception cref="DatabaseUnavailableException">The database is needed and cannot be opened.</exception>
    public async Task<BacktestRun> RunAsync(BacktestRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var outputs = PlanOutputs(request);
        var database = request.Symbols.Count > 0 || request.Save ? await _environment.OpenDatabaseAsync(cancellationToken) : null;
        var series = request.DataFiles.Count > 0
            ? await LoadFilesAsync(request, cancellationToken)
            : await LoadStoredAsync(request, database!, cancellationToken);
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
        var time = _environment.Time;
        var createdAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var result = await Task.Run(() => Backtest.Run(series, request.Strategy, request.Parameters, options, progress, cancellationToken), cancellationToken);
        var summary = BacktestSummary.From(result, Guid.CreateVersion7(createdAt), createdAt, time.GetElapsedTime(started), request.WholeShares);

        var writers = new List<IBacktestOutputWriter>(outputs.Local);
        if (request.Save)
        {
            writers.Add(new DatabaseOutputWriter(database!));
        }

        writers.AddRange(outputs.Uploads);
        var (written, failures) = await WriteAsync(writers, result, summary, cancellationToken);
        return new BacktestRun(result, summary, written, failures, warnings);
    }

    /// <summary>
    /// Gives the run to every writer in turn. A writer that fails does not stop the others: its failure is recorded with
    /// the exception (file, upload and database failures as their message; anything else also with its type, as a bug),
    /// so the caller can tell exactly which outputs exist. Only a cancellation stops the writing.
    /// </summary>
    internal static async Task<(List<string> Written, List<BacktestOutputFailure> Failures)> WriteAsync(
        IReadOnlyList<IBacktestOutputWriter> writers, BacktestResult result, BacktestSummary summary, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var failures = new List<BacktestOutputFailure>();
        foreach (var writer in writers)
        {
            try
            {
                await writer.WriteAsync(result, summary, cancellationToken);
                written.Add($"{writer.Description} to {writer.Target}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var expected = ex is IOException or UnauthorizedAccessException or ObjectStorageException or DbException or DatabaseUnavailableException;
                failures.Add(new BacktestOutputFailure(writer.Description, writer.Target, ex, Unexpected: !expected));
            }
        }

        return (written, failures);
    }

    private OutputPlan PlanOutputs(BacktestRequest request)
    {
        var problems = new List<string>();
        var plan = new OutputPlan();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<(BacktestDocument Document, ObjectStorageLocation Location)>();
        var origins = request.Origins;

        // The files the run reads: an output written over one would destroy it (AtomicFile replaces whatever is there).
        var inputs = new Dictionary<string, string>(PathComparer);
        if (request.ConfigFile is { } config)
        {
            inputs.TryAdd(_environment.ResolvePath(config), $"the settings file --config {config}");
        }

        foreach (var file in request.DataFiles)
        {
            inputs.TryAdd(_environment.ResolvePath(file), $"the price file {origins.Mention("--data")} {file}");
        }

        foreach (var (option, target) in request.Outputs.Named())
        {
            var document = Document(option, target);
            string key;
            if (ObjectStorageLocation.IsObjectStorageUrl(target))
            {
                ObjectStorageLocation location;
                try
                {
                    location = ObjectStorageLocation.Parse(target);
                }
                catch (FormatException ex)
                {
                    problems.Add($"{origins.Label(option)}: {ex.Message}");
                    continue;
                }

                key = location.ToString();
                uploads.Add((document, location));
            }
            else
            {
                var path = _environment.ResolvePath(target);
                if (Directory.Exists(path))
                {
                    problems.Add($"{origins.Label(option)}: {target} is a folder; name a file in it, e.g. {Path.Combine(target, DefaultFileName(option))}");
                    continue;
                }

                if (inputs.TryGetValue(path, out var input))
                {
                    problems.Add($"{origins.Mention(option)} {target} is {input}: writing it would destroy an input of the run; name another file");
                    continue;
                }

                key = path;
                plan.Local.Add(new FileOutputWriter(document, target, path));
            }

            if (!seen.TryAdd(key, option))
            {
                problems.Add($"{origins.Mention(option)} and {origins.Mention(seen[key])} both name {target}; give each output its own file");
            }
        }

        if (uploads.Count > 0 && problems.Count == 0)
        {
            var options = _environment.ObjectStorage();
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                problems.Add($"object storage settings (for {uploads[0].Location}): {ex.Message} See docs/object-storage.md.");
            }

            plan.Options = options;
        }

        if (problems.Count > 0)
        {
            plan.Dispose();
            throw new JobInputException(problems);
        }

        foreach (var (document, location) in uploads)
        {
            plan.Uploads.Add(new ObjectStorageOutputWriter(document, location, plan.Store));
        }

        return plan;
    }

    // Whether two full paths name one file: case matters on Linux only (Windows and macOS file systems ignore it by default).
    private static StringComparer PathComparer => OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private static BacktestDocument Document(string option, string target)
    {
        var lines = target.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        BacktestDocument Table(BacktestTable table) => lines ? new JsonLinesTableDocument(table) : new CsvTableDocument(table);
        return option switch
        {
            "--output" => Table(BacktestTable.Trades),
            "--fills" => Table(BacktestTable.Fills),
            "--equity" => Table(BacktestTable.Equity),
            "--orders" => Table(BacktestTable.Orders),
            "--positions" => Table(BacktestTable.Positions),
            "--json" => new SummaryJsonDocument(oneLine: lines),
            "--report" => new HtmlReportDocument(),
            _ => throw new ArgumentOutOfRangeException(nameof(option), option, "unknown output option"),
        };
    }

    private static string DefaultFileName(string option) => option switch
    {
        "--output" => "trades.csv",
        "--json" => "summary.json",
        "--report" => "report.html",
        _ => option[2..] + ".csv",
    };

    private async Task<List<BarSeries>> LoadFilesAsync(BacktestRequest request, CancellationToken cancellationToken)
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

            var full = _environment.ResolvePath(path);
            if (!File.Exists(full))
            {
                problems.Add($"{data}: {path}: file not found (relative paths start at {_environment.WorkingDirectory})");
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

    /// <summary>The outputs of one run, checked before it starts; owns the object store the uploads share.</summary>
    private sealed class OutputPlan : IDisposable
    {
        private S3ObjectStore? _store;

        public List<IBacktestOutputWriter> Local { get; } = [];

        public List<IBacktestOutputWriter> Uploads { get; } = [];

        public ObjectStorageOptions? Options { get; set; }

        public S3ObjectStore Store() => _store ??= new S3ObjectStore(Options!);

        public void Dispose() => _store?.Dispose();
    }
}
