using System.CommandLine;
using System.Globalization;
using Tradewind.Core.Time;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind calendar</c>: trading days, sessions and trading-day arithmetic of an exchange.</summary>
public static class CalendarCommands
{
    /// <summary>Builds the <c>calendar</c> command and its verbs.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var calendar = new Command("calendar", "Trading days and sessions of an exchange (NYSE, CRYPTO).");
        calendar.Subcommands.Add(Days(context));
        calendar.Subcommands.Add(IsOpen(context));
        calendar.Subcommands.Add(Step(context, "next", "The first trading day after --date.", forward: true));
        calendar.Subcommands.Add(Step(context, "previous", "The last trading day before --date.", forward: false));
        return calendar;
    }

    private static Option<string> ExchangeOption() => new("--exchange")
    {
        Description = $"The exchange calendar: {string.Join(", ", TradingCalendars.Names)}.",
        DefaultValueFactory = _ => "NYSE",
    };

    private static Option<string> DateOption(string description, bool required = true) => new("--date")
    {
        Description = description,
        Required = required,
    };

    private static Command Days(Func<ParseResult, CliContext> context)
    {
        var exchange = ExchangeOption();
        var from = new Option<string>("--from") { Description = "First date, yyyy-MM-dd (inclusive).", Required = true };
        var to = new Option<string>("--to") { Description = "Last date, yyyy-MM-dd (inclusive).", Required = true };
        var command = new Command("days", "Print every trading day from --from to --to, one ISO date per line.") { exchange, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var calendar = Calendar(parse.GetValue(exchange)!);
            var start = CliArguments.Date(parse.GetValue(from)!, "--from");
            var end = CliArguments.Date(parse.GetValue(to)!, "--to");
            if (end < start)
            {
                throw new UserInputException($"--to {end:yyyy-MM-dd} is before --from {start:yyyy-MM-dd}");
            }

            RequireSupported(calendar, start, "--from");
            RequireSupported(calendar, end, "--to");
            foreach (var day in calendar.TradingDays(start, end))
            {
                await cli.Output.WriteLineAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command IsOpen(Func<ParseResult, CliContext> context)
    {
        var exchange = ExchangeOption();
        var date = DateOption("The date to check, yyyy-MM-dd.", required: false);
        var at = new Option<string?>("--at") { Description = "Check an instant instead, ISO 8601 with offset (2024-07-03T12:59:00-04:00)." };
        var command = new Command("is-open", "Say whether the exchange trades on --date (and its session hours), or is open at the instant --at.") { exchange, date, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var calendar = Calendar(parse.GetValue(exchange)!);
            var dateText = parse.GetValue(date);
            var atText = parse.GetValue(at);
            if ((dateText is null) == (atText is null))
            {
                throw new UserInputException("give either --date yyyy-MM-dd or --at INSTANT (one of them)");
            }

            if (atText is not null)
            {
                var instant = CliArguments.Instant(atText, "--at");
                var local = calendar.ToExchangeDate(instant);
                RequireSupported(calendar, local, "--at");
                var open = calendar.IsOpen(instant);
                var session = calendar.GetSession(local);
                await cli.Output.WriteLineAsync(open
                    ? $"open: {calendar.Name} is trading at {atText} ({Describe(session!)})"
                    : $"closed: {calendar.Name} is not trading at {atText} ({(session is null ? calendar.ClosureReason(local) : Describe(session))})");
                return ExitCodes.Ok;
            }

            var day = CliArguments.Date(dateText!, "--date");
            RequireSupported(calendar, day, "--date");
            var s = calendar.GetSession(day);
            await cli.Output.WriteLineAsync(s is null
                ? $"closed: {calendar.Name} does not trade on {day:yyyy-MM-dd} ({calendar.ClosureReason(day)})"
                : $"open: {calendar.Name} trades on {day:yyyy-MM-dd}, {Describe(s)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Step(Func<ParseResult, CliContext> context, string name, string description, bool forward)
    {
        var exchange = ExchangeOption();
        var date = DateOption("The date to start from, yyyy-MM-dd (it need not be a trading day).");
        var command = new Command(name, description) { exchange, date };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var calendar = Calendar(parse.GetValue(exchange)!);
            var day = CliArguments.Date(parse.GetValue(date)!, "--date");
            RequireSupported(calendar, day, "--date");
            var result = forward ? calendar.NextTradingDay(day) : calendar.PreviousTradingDay(day);
            await cli.Output.WriteLineAsync(result.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(TradingSession session) =>
        string.Create(CultureInfo.InvariantCulture,
            $"session {session.OpenLocal:HH:mm}-{session.CloseLocal:HH:mm} {session.OpenLocal:zzz} ({session.OpenUtc:HH:mm}-{session.CloseUtc:HH:mm} UTC)")
        + (session.IsEarlyClose ? $", early close: {session.EarlyCloseReason}" : "");

    private static TradingCalendar Calendar(string name) =>
        TradingCalendars.TryGet(name, out var calendar)
            ? calendar!
            : throw new UserInputException($"--exchange: '{name}' is not a known calendar; use one of {string.Join(", ", TradingCalendars.Names)}");

    private static void RequireSupported(TradingCalendar calendar, DateOnly date, string option)
    {
        if (!calendar.IsSupported(date))
        {
            throw new UserInputException(
                $"{option}: {date:yyyy-MM-dd} is outside the {calendar.Name} calendar's supported range {calendar.FirstSupportedDate:yyyy-MM-dd}..{calendar.LastSupportedDate:yyyy-MM-dd}");
        }
    }
}
