using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Reporting;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind bots</c>: the trading-bot documents of config/bots, one per bot, overlaid by
/// config/&lt;environment&gt;/bots and config/local/bots, and what each means in the selected environment.
/// </summary>
public static class BotsCommands
{
    /// <summary>Builds the <c>bots</c> command and its verbs.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var bots = new Command("bots", "The trading-bot documents of config/bots (one per bot; config/<env>/bots and config/local/bots overlay them).");
        bots.Subcommands.Add(List(context));
        bots.Subcommands.Add(Keys());
        return bots;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var command = new Command(
            "list",
            "Print every bot document: id, symbol, timeframe, broker, environment, status (active: its environment is the selected one (--env); inactive; invalid) and file(s); " +
            "then every problem. Exit code 1 when a document is invalid.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var config = Path.Combine(cli.WorkingDirectory, "config");
            if (!Directory.Exists(config))
            {
                throw new UserInputException($"no configuration here: {config} does not exist; run tradewind from the folder that holds config/");
            }

            var set = cli.LoadBots();
            if (set.Documents.Count == 0)
            {
                await cli.Error.WriteLineAsync($"no bot documents: write one per bot as config/{BotDocumentLoader.FolderName}/<bot_id>.yaml or .json (see docs/configuration.md)");
            }
            else
            {
                var table = new Table().AddColumns("id", "symbol", "timeframe", "broker", "environment", "status", "file");
                foreach (var bot in set.Documents)
                {
                    var document = bot.Document;
                    table.AddRow(new[]
                    {
                        Cell(bot, "bot_id", document.BotId, ifAbsent: bot.BotId),
                        Cell(bot, "symbol", document.Symbol),
                        Cell(bot, "timeframe", SettingsSchema.EnumKey(document.Timeframe)),
                        Cell(bot, "broker_type", SettingsSchema.EnumKey(document.BrokerType)),
                        Cell(bot, "environment", SettingsSchema.EnumKey(document.Environment)),
                        SettingsSchema.EnumKey(bot.StatusIn(set.Environment)),
                        string.Join(" < ", bot.Layers.Select(l => l.File!).Prepend(bot.File).Distinct(StringComparer.Ordinal)),
                    }.Select(Markup.Escape).ToArray());
                }

                cli.Console.Write(table);
                int Counted(BotStatus status) => set.Documents.Count(d => d.StatusIn(set.Environment) == status);
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Documents.Count} bot(s) in environment {set.Environment}: {Counted(BotStatus.Active)} active, {Counted(BotStatus.Inactive)} inactive, {Counted(BotStatus.Invalid)} invalid"));
            }

            foreach (var problem in set.Problems)
            {
                await cli.Error.WriteLineAsync(problem.ToString());
            }

            if (!set.IsValid)
            {
                await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"invalid: {set.Errors.Count} error(s) in the bot documents; fix them (see also 'tradewind config validate')"));
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Keys()
    {
        var command = new Command("keys", "Print the reference table of every key of a bot document (type, default, range, meaning) as Markdown, as in docs/configuration.md.");
        command.SetAction(async (parse, ct) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(KeyReference.Markdown(typeof(BotDocument)));
            return ExitCodes.Ok;
        });
        return command;
    }

    // A valid document shows its bound values; an invalid one what its files say (a key that failed to bind holds a default, which would mislead).
    private static string Cell(BotDocumentSnapshot bot, string path, string bound, string ifAbsent = "") =>
        bot.IsValid ? bound : bot.Find(path)?.DisplayValue ?? ifAbsent;
}
