using System.CommandLine;
using System.Globalization;
using Tradewind.Core.Engine;
using Tradewind.Core.Execution;
using Tradewind.Core.Market;
using Tradewind.Data.Csv;
using Tradewind.Storage.PriceHistory;

namespace Tradewind.Cli;

/// <summary>
/// What a run of the engine reads and how it trades, as commands that run strategies take it: the bars (--symbol
/// from the database, or --data CSV files), the period (--start/--end) and the run's capital, costs and fill rule.
/// One place that turns them into series and <see cref="EngineOptions"/>, with messages naming the option and the fix.
/// </summary>
public sealed class BacktestRunOptions
{
    private readonly Option<string[]> _symbols = new("--symbol")
    {
        Description = "A stored symbol to run on (repeatable; 'tradewind data list' shows them). Give --symbol or --data.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _data = new("--data")
    {
        Description = "A CSV price file to run on (repeatable; any format 'data import' reads; the symbol comes from the file name, SPY.csv -> SPY).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _resolution = new("--resolution")
    {
        Description = "Bar length of the bars: 1m, 5m, 1h, 1d ... (default 1d for --symbol; for --data the file name's suffix, else inferred from the data).",
    };

    private readonly Option<string?> _start = new("--start")
    {
        Description = "First traded date (yyyy-MM-dd; intraday: the exchange-local day) or ISO 8601 instant; earlier bars only warm the strategy up.",
    };

    private readonly Option<string?> _end = new("--end") { Description = "Last date or instant processed, inclusive (as --start)." };

    private readonly Option<string> _cash = new("--cash") { Description = "Initial cash.", DefaultValueFactory = _ => "100000" };

    private readonly Option<string> _commission = new("--commission")
    {
        Description = "Commission SPEC: none, per-share:RATE[,min:AMOUNT], percent:P or fixed:AMOUNT.",
        DefaultValueFactory = _ => "none",
    };

    private readonly Option<string> _slippage = new("--slippage-bps") { Description = "Slippage in basis points against the trader (market orders).", DefaultValueFactory = _ => "0" };

    private readonly Option<string> _fill = new("--fill")
    {
        Description = $"Which price of the next bar a market order takes: {FillRuleNames.NextOpen} or {FillRuleNames.NextClose}.",
        DefaultValueFactory = _ => FillRuleNames.NextOpen,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _symbols, _data, _resolution, _start, _end, _cash, _commission, _slippage, _fill })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Loads the bars: each --data file (checked; one bad row fails with its file:line), or each --symbol from the
    /// database. Every series is trimmed to its bars, and all must share one resolution.
    /// </summary>
    public async Task<IReadOnlyList<BarSeries>> LoadAsync(ParseResult parse, CliContext cli, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(cli);
        var symbols = parse.GetValue(_symbols) ?? [];
        var files = parse.GetValue(_data) ?? [];
        if (symbols.Length > 0 == files.Length > 0)
        {
            throw new UserInputException(symbols.Length > 0
                ? "give the bars either as --symbol (stored) or as --data (CSV files), not both"
                : "no bars given: name stored symbols with --symbol SPY (see 'tradewind data list') or CSV files with --data SPY.csv");
        }

        var resolutionText = parse.GetValue(_resolution);
        var resolution = resolutionText is null ? (Resolution?)null : CliArguments.Resolution(resolutionText);
        var series = new List<BarSeries>();
        if (files.Length > 0)
        {
            foreach (var file in files)
            {
                var full = cli.ResolvePath(file);
                if (!File.Exists(full))
                {
                    throw new UserInputException($"--data: {file}: file not found");
                }

                if (!CsvFileName.TryParse(full, out var name, out var reason))
                {
                    throw new UserInputException($"--data: {file}: {reason}; name the file after its symbol, e.g. SPY.csv or SPY_1min.csv");
                }

                var bars = await CsvBarReader.ReadFileAsync(full, name.Symbol, resolution ?? name.Resolution, CsvFormat.Auto, cancellationToken);
                bars.TrimExcess();
                series.Add(bars);
            }
        }
        else
        {
            var repository = new PriceHistoryRepository(await cli.OpenDatabaseAsync(cancellationToken));
            foreach (var text in symbols)
            {
                var symbol = CliArguments.Symbol(text, "--symbol");
                var bars = await repository.LoadAsync(symbol, resolution ?? Resolution.Daily, cancellationToken: cancellationToken);
                if (bars.Count == 0)
                {
                    throw new UserInputException($"--symbol {text}: no {resolution ?? Resolution.Daily} bars stored; 'tradewind data list' shows what is stored, 'tradewind data import' adds more");
                }

                series.Add(bars);
            }
        }

        foreach (var duplicate in series.GroupBy(s => s.Symbol).Where(g => g.Count() > 1))
        {
            throw new UserInputException($"{duplicate.Key} is given twice; give each symbol once");
        }

        if (series.Select(s => s.Resolution).Distinct().Count() > 1)
        {
            throw new UserInputException(
                $"the bars have different resolutions ({string.Join(", ", series.Select(s => $"{s.Symbol} {s.Resolution}"))}); one run takes one bar length, so give --resolution or files of one kind");
        }

        return series;
    }

    /// <summary>The engine options of the run, the period read in the exchange time of the first series' symbol.</summary>
    public EngineOptions Options(ParseResult parse, IReadOnlyList<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(series);
        var first = series[0];
        var zone = BarTimeFormat.ZoneOf(first.Symbol);
        var start = CliArguments.Time(parse.GetValue(_start), "--start", endOfDay: false, first.Resolution, zone);
        var end = CliArguments.Time(parse.GetValue(_end), "--end", endOfDay: true, first.Resolution, zone);
        if (start > end)
        {
            throw new UserInputException($"--end {parse.GetValue(_end)} is before --start {parse.GetValue(_start)}");
        }

        var cash = Number(parse.GetValue(_cash)!, "--cash", "e.g. --cash 100000");
        if (cash <= 0)
        {
            throw new UserInputException($"--cash: {parse.GetValue(_cash)} must be positive, e.g. --cash 100000");
        }

        var slippage = Number(parse.GetValue(_slippage)!, "--slippage-bps", "e.g. --slippage-bps 5 for 0.05%");
        if (slippage is < 0 or > 10_000)
        {
            throw new UserInputException($"--slippage-bps: {parse.GetValue(_slippage)} is outside 0..10000 basis points; e.g. --slippage-bps 5 for 0.05%");
        }

        CommissionModel commission;
        FillRule fill;
        try
        {
            commission = CommissionModel.Parse(parse.GetValue(_commission)!);
            fill = FillRuleNames.Parse(parse.GetValue(_fill)!);
        }
        catch (FormatException ex)
        {
            throw new UserInputException($"{(ex.Message.StartsWith("commission", StringComparison.Ordinal) ? "--commission" : "--fill")}: {ex.Message}", ex);
        }

        return new EngineOptions
        {
            InitialCash = cash,
            Costs = new ExecutionCosts(new SlippageModel(slippage), commission),
            FillRule = fill,
            Start = start,
            End = end,
        };
    }

    /// <summary>The bars as people name them: "SPY 1d (8,042 bars)".</summary>
    public static string Describe(IReadOnlyList<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return string.Join(", ", series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Symbol} {s.Resolution} ({s.Count:N0} bars)")));
    }

    private static decimal Number(string text, string option, string example) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UserInputException($"{option}: '{text}' is not a number; {example}");
}
