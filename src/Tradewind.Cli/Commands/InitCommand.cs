using System.CommandLine;
using Spectre.Console;
using Tradewind.Configuration.Templates;
using Tradewind.Data.Files;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind init</c> and <c>tradewind config templates</c>: start a configuration from a template.</summary>
public static class InitCommand
{
    private const string DefaultTemplate = "capital-allocator";

    /// <summary>Builds <c>init</c>.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var directory = new Argument<string>("DIR") { Description = "The folder to write into (created if missing).", DefaultValueFactory = _ => "." };
        var template = new Option<string>("--template") { Description = $"The template: {string.Join(", ", ConfigTemplates.All.Select(t => t.Name))} ('tradewind config templates' describes them).", DefaultValueFactory = _ => DefaultTemplate };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var command = new Command("init", "Write a complete, valid configuration tree (config/ and .env.example) from a template.") { directory, template, force };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var name = parse.GetValue(template)!;
            var chosen = ConfigTemplates.Find(name)
                ?? throw new UserInputException($"--template: '{name}' is not a template; use one of {string.Join(", ", ConfigTemplates.All.Select(t => t.Name))}");
            var target = cli.ResolvePath(parse.GetValue(directory)!);

            // Check every file before writing any: a refused init leaves the folder as it was.
            var existing = chosen.Files.Keys.Where(f => File.Exists(Path.Combine(target, f))).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                throw new UserInputException(
                    $"{target} already has {string.Join(", ", existing.Take(5))}{(existing.Count > 5 ? $" and {existing.Count - 5} more" : "")}; " +
                    "nothing was written. Use another folder, or --force to overwrite them");
            }

            foreach (var (path, content) in chosen.Files)
            {
                await AtomicFile.WriteAsync(Path.Combine(target, path), writer => writer.WriteAsync(content), ct);
            }

            await cli.Output.WriteLineAsync($"wrote the {chosen.Name} template ({chosen.Files.Count} files) to {target}{(existing.Count > 0 ? $", overwriting {existing.Count}" : "")}");
            await cli.Output.WriteLineAsync("next: copy .env.example to .env and fill in what you use, then run 'tradewind config validate' there");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Builds <c>config templates</c>.</summary>
    public static Command CreateTemplatesList(Func<ParseResult, CliContext> context)
    {
        var command = new Command("templates", "List the templates 'tradewind init --template NAME' can write.");
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var table = new Table().AddColumns("template", "description", "files");
            foreach (var t in ConfigTemplates.All)
            {
                table.AddRow(t.Name, Markup.Escape(t.Description), t.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
