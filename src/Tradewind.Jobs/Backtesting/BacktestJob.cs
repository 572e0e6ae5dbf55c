using System.Data.Common;
using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
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
/// that cannot be written is reported in <see cref="BacktestRun.Failures"/> while the others are still written.
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
            Start = start,
            End = end,
        };
        var time = _environment.Time;
        var createdAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var result = await Task.Run(() => Backtest.Run(series, request.Strategy, request.Parameters, options, progress, cancellationToken), cancellationToken);
        var summary = BacktestSummary.From(result, Guid.CreateVersion7(createdAt), createdAt, time.GetElapsedTime(started));

        var writers = new List<IBacktestOutputWriter>(outputs.Local);
        if (request.Save)
        {
            writers.Add(new DatabaseOutputWriter(database!));
        }

        writers.AddRange(outputs.Uploads);
        var written = new List<string>();
        var failures = new List<string>();
        foreach (var writer in writers)
        {
            try
            {
                await writer.WriteAsync(result, summary, cancellationToken);
                written.Add($"{writer.Description} to {writer.Target}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectStorageException or DbException or DatabaseUnavailableException)
            {
                failures.Add($"{writer.Description} was not written to {writer.Target}: {ex.Message}");
            }
        }

        return new BacktestRun(result, summary, written, failures, warnings);
    }

    private OutputPlan PlanOutputs(BacktestRequest request)
    {
        var problems = new List<string>();
        var plan = new OutputPlan();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<(BacktestDocument Document, ObjectStorageLocation Location)>();
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
                    problems.Add($"{option}: {ex.Message}");
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
                    problems.Add($"{option}: {target} is a folder; name a file in it, e.g. {Path.Combine(target, DefaultFileName(option))}");
                    continue;
                }

                key = path;
                plan.Local.Add(new FileOutputWriter(document, target, path));
            }

            if (!seen.TryAdd(key, option))
            {
                problems.Add($"{option} and {seen[key]} both name {target}; give each output its own file");
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
        foreach (var path in request.DataFiles)
        {
            if (!CsvFileName.TryParse(path, out var name, out var reason))
            {
                problems.Add($"--data: {reason}; name the file after its symbol, e.g. SPY.csv or BTC-USD_1h.csv");
                continue;
            }

            var full = _environment.ResolvePath(path);
            if (!File.Exists(full))
            {
                problems.Add($"--data: {path}: file not found (relative paths start at {_environment.WorkingDirectory})");
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
            problems.Add($"--data: {string.Join(" and ", duplicate.Select(d => d.Path))} hold the same symbol {duplicate.Key}; give each symbol once");
        }

        if (problems.Count == 0 && series.Select(s => s.Bars.Resolution).Distinct().Count() > 1)
        {
            problems.Add("--data: the files hold bars of different lengths (" + string.Join(", ", series.Select(s => $"{s.Path} {s.Bars.Resolution}")) +
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
                problems.Add($"--symbol {symbol}: no {resolution} bar of {symbol} is stored on or before --end {request.End:yyyy-MM-dd}; choose a later --end ('tradewind data list' shows the stored range)");
            }
            else if (await repository.CountAsync(symbol.Ticker, null, cancellationToken) > 0)
            {
                problems.Add($"--symbol {symbol}: {symbol} is stored, but not at {resolution}; name the stored resolution with --resolution ('tradewind data list' shows it)");
            }
            else
            {
                problems.Add($"--symbol {symbol}: no bars of {symbol} are stored in {database.Target.Display}; import them first ('tradewind data import {symbol}.csv'), or read a file with --data");
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

    private static List<string> CheckPeriod(BacktestRequest request, List<BarSeries> series, DateTime? start, DateTime? end)
    {
        var empty = new List<BarSeries>();
        foreach (var bars in series)
        {
            var first = bars.LowerBound(start ?? DateTime.MinValue);
            if (first >= bars.Count || bars.Time[first] > (end ?? DateTime.MaxValue))
            {
                empty.Add(bars);
            }
        }

        string Range(BarSeries bars) => $"{bars.Symbol} has {BarTimeFormat.Format(bars.Time[0], bars.Resolution, bars.Symbol)} to {BarTimeFormat.Format(bars.Time[bars.Count - 1], bars.Resolution, bars.Symbol)}";
        var period = string.Create(CultureInfo.InvariantCulture, $"--start {(request.Start is { } s ? s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(first bar)")} .. --end {(request.End is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(last bar)")}");
        if (empty.Count == series.Count)
        {
            throw new JobInputException($"no bar falls in the period {period}: {string.Join("; ", series.Select(Range))}; choose dates inside the data");
        }

        return empty.Select(bars => $"{Range(bars)}, no bar in the period {period}: it is not traded").ToList();
    }

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
