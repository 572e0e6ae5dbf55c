using System.Data.Common;
using Tradewind.Core.Engine;
using Tradewind.Data.ObjectStorage;
using Tradewind.Jobs.Backtesting.Outputs;
using Tradewind.Jobs.Backtesting.Report;
using Tradewind.Storage.Connections;

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
        var (series, options, warnings) = await BacktestInputs.LoadAsync(request, _environment, database, cancellationToken);
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
