using System.CommandLine;
using Spectre.Console;
using Tradewind.Core.Strategies.Catalog;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind strategies</c>: the strategy catalogue, each strategy with its parameters; <c>strategies show NAME</c> for one.</summary>
public static class StrategiesCommands
{
    /// <summary>Builds the command and its <c>show</c> verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("strategies", "List the strategies 'backtest' can run, each with its parameters (name, kind, default, range, meaning).");
        command.SetAction(parse =>
        {
            var cli = context(parse);
            foreach (var definition in StrategyCatalog.All)
            {
                Write(cli, definition);
            }

            return ExitCodes.Ok;
        });

        var name = new Argument<string>("NAME") { Description = "The strategy's name, e.g. sma-cross." };
        var show = new Command("show", "Show one strategy and its parameters.") { name };
        show.SetAction(parse =>
        {
            var cli = context(parse);
            var text = parse.GetValue(name)!;
            var definition = StrategyCatalog.Find(text)
                ?? throw new UserInputException($"unknown strategy '{text}'; known: {string.Join(", ", StrategyCatalog.All.Select(d => d.Name))}");
            Write(cli, definition);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(show);
        return command;
    }

    private static void Write(CliContext cli, StrategyDefinition definition)
    {
        cli.Console.MarkupLine($"[bold]{Markup.Escape(definition.Name)}[/]: {Markup.Escape(definition.Description)}");
        if (definition.Parameters.Count == 0)
        {
            cli.Console.WriteLine("  (no parameters)");
        }
        else
        {
            var table = new Table().AddColumns("parameter", "kind", "default", "range", "meaning");
            foreach (var parameter in definition.Parameters)
            {
                table.AddRow(
                    Markup.Escape(parameter.Name),
                    parameter.Kind.ToString().ToLowerInvariant(),
                    Markup.Escape(parameter.DefaultText),
                    Markup.Escape(parameter.RangeText),
                    Markup.Escape(parameter.Description));
            }

            cli.Console.Write(table);
        }

        cli.Console.WriteLine();
    }
}
