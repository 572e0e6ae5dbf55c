using System.CommandLine;
using System.Globalization;
using Tradewind.Configuration.Settings;
using Tradewind.Jobs.CapitalAllocator;
using Tradewind.Jobs.Daily;
using Tradewind.Jobs.MarketData;

namespace Tradewind.Cli.Commands;

/// <summary>
/// The capital allocator's daily jobs: <c>fetch</c>, <c>signal</c>, <c>execute</c>, <c>run-day</c> (the three in order)
/// and <c>backfill</c>. Each works on one trading date (default: today in New York), is one transaction, and can be
/// re-run for any date without changing what is already complete.
/// </summary>
public static class DailyCommands
{
    /// <summary>Builds the daily job commands.</summary>
    public static IEnumerable<Command> Create(Func<ParseResult, CliContext> context)
    {
        yield return Job(context, "fetch", "Fetch market data (after the close, 16:35 ET): the date's daily bars of every configured asset (and of any still held after its removal from the configuration) from the configured provider, stored insert-only (a stored date is kept; a changed value is a warning).",
            async (cli, settings, date, ct) =>
            {
                RequireNotFuture(cli, date, "--date");
                var database = await cli.OpenDatabaseAsync(ct);
                using var providers = DailyBarProviderSet.Create(settings.Data, cli.JobEnvironment(), warning => Warn(cli, warning));
                var (parameters, _) = await new AllocatorParameterSource(database, settings.Strategy, cli.TimeProvider).CurrentAsync(ct);
                return await AllocatorSymbols.FetchAsync(database, providers.Provider, parameters.Assets, date, ct);
            });
        yield return Job(context, "signal", "Generate the signal (before the open, 06:00 ET): the capital allocator's decision for the date from the closes before it, stored in daily_signals with the inputs it used.",
            async (cli, settings, date, ct) =>
            {
                var database = await cli.OpenDatabaseAsync(ct);
                return [await new GenerateSignalJob(database, settings.Strategy, cli.TimeProvider).RunAsync(date, ct)];
            });
        yield return Job(context, "execute", "Execute the date's signal on paper (at the open, 09:30 ET) at the date's opening prices: deposit the daily capital, trade, update the portfolio, all in one transaction.",
            async (cli, settings, date, ct) =>
            {
                var database = await cli.OpenDatabaseAsync(ct);
                return [await new ExecuteTradesJob(database, settings.Strategy, cli.TimeProvider).RunAsync(date, ct)];
            });
        yield return Job(context, "run-day", "Run fetch, signal and execute for the date, in that order (each its own transaction; run it again to complete a day that stopped half way).",
            async (cli, settings, date, ct) =>
            {
                RequireNotFuture(cli, date, "--date");
                var database = await cli.OpenDatabaseAsync(ct);
                using var providers = DailyBarProviderSet.Create(settings.Data, cli.JobEnvironment(), warning => Warn(cli, warning));
                return await new RunDayJob(database, settings.Strategy, providers.Provider, cli.TimeProvider).RunAsync(date, outcome => Print(cli, outcome), ct);
            },
            printed: true);
        yield return Backfill(context);
    }

    /// <summary>
    /// The settings the daily jobs run with: the validated configuration when the working folder holds config/, else
    /// the built-in defaults (the simulated market, SPY/QQQ/DIA) — the jobs then need no file, network or key.
    /// </summary>
    public static TradewindSettings Settings(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        if (!cli.HasConfiguration)
        {
            if (cli.ConfigurationOverrides.Count > 0)
            {
                throw new UserInputException($"--set needs a configuration to apply to, and {Path.Combine(cli.WorkingDirectory, "config", "base")} does not exist; create one with 'tradewind init'");
            }

            return new TradewindSettings();
        }

        var snapshot = cli.LoadConfiguration();
        if (!snapshot.IsValid)
        {
            throw new UserInputException($"the configuration ({snapshot.Environment}) is not valid, so no job ran:" + Environment.NewLine
                + string.Join(Environment.NewLine, snapshot.Errors.Select(e => e.ToString())));
        }

        return snapshot.Settings;
    }

    private static Option<string?> DateOption() => new("--date")
    {
        Description = "The trading date, yyyy-MM-dd (default: today in New York). On a day the NYSE is closed the job says so and does nothing.",
    };

    private static Command Job(
        Func<ParseResult, CliContext> context, string name, string description,
        Func<CliContext, TradewindSettings, DateOnly, CancellationToken, Task<IReadOnlyList<DailyJobOutcome>>> run, bool printed = false)
    {
        var date = DateOption();
        var command = new Command(name, description) { date };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var day = TradingDate.Resolve(parse.GetValue(date) is { } text ? CliArguments.Date(text, "--date") : null, cli.TimeProvider);
            if (TradingDate.ClosedOutcome(name, day) is { } closed)
            {
                // Said before anything is opened: a closed day touches neither the configuration nor the database.
                Print(cli, closed);
                return ExitCodes.Ok;
            }

            var settings = Settings(cli);
            var outcomes = await run(cli, settings, day, ct);
            if (!printed)
            {
                foreach (var outcome in outcomes)
                {
                    Print(cli, outcome);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Backfill(Func<ParseResult, CliContext> context)
    {
        var days = new Option<int>("--days") { Description = "Calendar days of history to fetch, ending at --date (the provider returns trading days only), e.g. 365.", Required = true };
        var end = new Option<string?>("--date") { Description = "The last date to fetch, yyyy-MM-dd (default: today in New York)." };
        var command = new Command("backfill", "Fetch the history of every configured asset (and of any still held) for the last --days calendar days, stored insert-only in one transaction (what is stored already is kept).") { days, end };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var last = TradingDate.Resolve(parse.GetValue(end) is { } text ? CliArguments.Date(text, "--date") : null, cli.TimeProvider);
            RequireNotFuture(cli, last, "--date");
            var settings = Settings(cli);
            var database = await cli.OpenDatabaseAsync(ct);
            using var providers = DailyBarProviderSet.Create(settings.Data, cli.JobEnvironment(), warning => Warn(cli, warning));
            var (parameters, _) = await new AllocatorParameterSource(database, settings.Strategy, cli.TimeProvider).CurrentAsync(ct);
            foreach (var outcome in await AllocatorSymbols.BackfillAsync(database, providers.Provider, parameters.Assets, last, parse.GetValue(days), ct))
            {
                Print(cli, outcome);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // Daily bars of a date exist only once it has traded: a future date is a mistake, whatever a simulated market could make up.
    private static void RequireNotFuture(CliContext cli, DateOnly date, string option)
    {
        var today = TradingDate.Resolve(null, cli.TimeProvider);
        if (date > today)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{option} {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in New York); prices can only be fetched for dates that have traded"));
        }
    }

    private static void Print(CliContext cli, DailyJobOutcome outcome)
    {
        cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Job} {outcome.Date:yyyy-MM-dd}: {outcome.Message}"));
        foreach (var warning in outcome.Warnings)
        {
            Warn(cli, warning);
        }
    }

    private static void Warn(CliContext cli, string warning) => cli.Error.WriteLine("warning: " + warning);
}
