using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// Loads every bot document of a configuration tree for one environment: <c>config/bots/&lt;bot_id&gt;.yaml|.yml|.json</c>,
/// overlaid key by key by <c>config/&lt;environment&gt;/bots/&lt;bot_id&gt;.*</c> and then <c>config/local/bots/&lt;bot_id&gt;.*</c>,
/// with <c>${VAR}</c> expansion from the environment and <c>.env</c>, exactly as the settings' layers are read
/// (Microsoft.Extensions.Configuration, one layer per file, each value remembering its file). Then binds and
/// validates each document and checks the documents against each other.
/// </summary>
/// <remarks>
/// Environment variables and <c>--set</c> do not reach bot documents: <c>TRADEWIND__</c> keys name settings,
/// and one override for every bot at once would be a trap.
/// </remarks>
public static class BotDocumentLoader
{
    /// <summary>The name of the folder that holds bot documents, under <c>config/</c>, <c>config/&lt;environment&gt;/</c> and <c>config/local/</c>.</summary>
    public const string FolderName = "bots";

    /// <summary>
    /// Loads, binds and validates the bot documents for the environment of <paramref name="source"/> (--env, else
    /// TRADEWIND_ENVIRONMENT, else development). Problems are in the result; a tree without documents gives an empty set.
    /// </summary>
    /// <exception cref="ConfigurationException">The environment is not a known one.</exception>
    public static BotDocumentSet Load(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var dotEnv = DotEnvFile.Read(Path.Combine(source.WorkingDirectory, ".env"));
        var variable = TradewindConfiguration.Variables(source, dotEnv);
        var environment = TradewindConfiguration.ResolveEnvironment(source, variable);
        var config = source.ConfigDirectory;
        Folder[] folders =
        [
            new(LayerKind.Base, FolderName, Path.Combine(config, FolderName)),
            new(LayerKind.Environment, environment, Path.Combine(config, environment, FolderName)),
            new(LayerKind.Local, "local", Path.Combine(config, "local", FolderName)),
        ];

        try
        {
            return Load(source.WorkingDirectory, environment, folders, variable);
        }
        finally
        {
            foreach (var folder in folders)
            {
                folder.Dispose();
            }
        }
    }

    private static BotDocumentSet Load(string workingDirectory, string environment, Folder[] folders, Func<string, string?> variable)
    {
        var setProblems = new List<ConfigurationProblem>();
        var documentFiles = folders[0].Files;
        var stems = documentFiles.Select(Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in folders.Skip(1))
        {
            foreach (var file in folder.Files.Where(f => !stems.Contains(Stem(f))))
            {
                // An overlay must not silently become a bot of its own (a misspelt overlay would start a new bot).
                var shown = Relative(workingDirectory, file);
                var layer = folder.Layer(shown);
                setProblems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null,
                    $"{shown} overlays no bot document: there is no config/{FolderName}/{Stem(file)}.yaml, .yml or .json{KeySuggestion.Hint(Stem(file), stems)}; " +
                    $"a bot's document lives in config/{FolderName}, its overlays only change keys of it",
                    layer, shown));
            }
        }

        var drafts = documentFiles.Select(file => LoadDocument(workingDirectory, file, folders, variable)).ToList();
        CheckOneFilePerBot(drafts);
        CheckUniqueIds(drafts);

        var documents = drafts.Select(d => d.ToSnapshot()).ToList();
        var all = documents.SelectMany(d => d.Problems).Concat(setProblems).ToList();
        var ordered = all.Where(p => p.IsError).Concat(all.Where(p => !p.IsError)).ToList();
        return new BotDocumentSet(environment, documents, ordered);
    }

    private static Draft LoadDocument(string workingDirectory, string documentFile, Folder[] folders, Func<string, string?> variable)
    {
        var stem = Stem(documentFile);
        var draft = new Draft(stem, Relative(workingDirectory, documentFile));
        var builder = new ConfigurationBuilder();
        var files = new List<(IConfigurationSource Source, ConfigurationLayer Layer)>();
        var layers = new List<ConfigurationLayer>();
        foreach (var folder in folders)
        {
            var ofBot = folder == folders[0] ? [documentFile] : folder.FilesByStem[stem].ToList();
            if (ofBot.Count > 1)
            {
                var shown = ofBot.Select(f => Relative(workingDirectory, f)).ToList();
                draft.Problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null,
                    $"{string.Join(" and ", shown)} both overlay the bot '{stem}' (applied in that order): keep one", folder.Layer(shown[^1]), shown[^1]));
            }

            foreach (var file in ofBot)
            {
                var layer = folder.Layer(Relative(workingDirectory, file));
                var source = TradewindConfiguration.FileSource(folder.Provider!, file, reloadOnChange: false);
                builder.Add(source);
                files.Add((source, layer));
                layers.Add(layer);
            }
        }

        var problems = new List<ConfigurationProblem>();
        var root = TradewindConfiguration.BuildReadable(builder, files, layers, problems);
        using var disposable = root as IDisposable;
        var unreadable = problems.Count > 0;
        var providers = root.Providers.ToList();
        var values = TradewindConfiguration.EffectiveValues(providers, layers, variable, problems);

        // A file that cannot be read leaves a document that would only produce follow-on errors: report the file alone.
        var document = SettingsBinder.Bind<BotDocument>(ConfigurationNode.Build(values), unreadable ? [] : problems);
        if (!unreadable)
        {
            var failed = problems.Select(p => p.Path).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var byPath = values.ToDictionary(v => v.Path, StringComparer.OrdinalIgnoreCase);
            problems.AddRange(BotDocumentValidator.Validate(document, stem, byPath)
                .Where(p => !failed.Any(f => TradewindConfiguration.Concerns(p, f) || p.Path.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase))));
        }

        problems.AddRange(TradewindConfiguration.CommittedSecrets(providers, layers));
        draft.Problems.AddRange(problems);
        draft.Layers = layers;
        draft.Values = values;
        draft.Document = document;
        return draft;
    }

    // Two files with one name (x.yaml and x.json) are two documents for one bot: which would run?
    private static void CheckOneFilePerBot(List<Draft> drafts)
    {
        foreach (var group in drafts.GroupBy(d => d.Stem, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var draft in group)
            {
                var others = string.Join(" and ", group.Where(d => d != draft).Select(d => d.File));
                draft.Problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null,
                    $"{others} also documents the bot '{draft.Stem}': keep one file per bot", draft.Layers.Count > 0 ? draft.Layers[0] : null, draft.File));
            }
        }
    }

    // Ids are compared ignoring case: Bot1 and bot1 would be one file on Windows and macOS, and one bot to a reader.
    private static void CheckUniqueIds(List<Draft> drafts)
    {
        var withId = drafts.Where(d => BotDocumentValidator.IsWellFormedBotId(d.Document.BotId));
        foreach (var group in withId.GroupBy(d => d.Document.BotId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var draft in group)
            {
                // Files of one name are already reported by CheckOneFilePerBot.
                var others = group.Where(d => !string.Equals(d.Stem, draft.Stem, StringComparison.OrdinalIgnoreCase)).Select(d => d.File).ToList();
                if (others.Count > 0)
                {
                    draft.Problems.Add(ConfigurationProblem.Error("bot_id",
                        $"'{draft.Document.BotId}' is also the bot_id of {string.Join(" and ", others)}: each bot needs its own id",
                        draft.Values.FirstOrDefault(v => v.Path.Equals("bot_id", StringComparison.OrdinalIgnoreCase))));
                }
            }
        }
    }

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file);

    private static string Relative(string workingDirectory, string file) => Path.GetRelativePath(workingDirectory, file).Replace('\\', '/');

    /// <summary>One folder of bot files: its layer kind and name, its files and (when it has files) its file provider.</summary>
    private sealed class Folder : IDisposable
    {
        public Folder(LayerKind kind, string name, string directory)
        {
            Kind = kind;
            Name = name;
            Files = TradewindConfiguration.LayerFiles(directory).ToList();
            FilesByStem = Files.ToLookup(Stem, StringComparer.OrdinalIgnoreCase);
            // One provider per folder, shared by every document's sources, as the settings' folders do.
            Provider = Files.Count > 0 ? new PhysicalFileProvider(directory) : null;
        }

        public LayerKind Kind { get; }

        public string Name { get; }

        public List<string> Files { get; }

        public PhysicalFileProvider? Provider { get; }

        /// <summary>The files by name without extension (any case), in name order.</summary>
        public ILookup<string, string> FilesByStem { get; }

        public ConfigurationLayer Layer(string file) => new(Kind, Name, file);

        public void Dispose() => Provider?.Dispose();
    }

    /// <summary>A document being loaded: the checks between documents still add problems to it.</summary>
    private sealed class Draft(string stem, string file)
    {
        public string Stem { get; } = stem;

        public string File { get; } = file;

        public List<ConfigurationProblem> Problems { get; } = [];

        public List<ConfigurationLayer> Layers { get; set; } = [];

        public List<ConfigurationValue> Values { get; set; } = [];

        public BotDocument Document { get; set; } = null!;

        public BotDocumentSnapshot ToSnapshot()
        {
            // A problem about a default value or a missing key still belongs to a file: the document's.
            var attributed = Problems.Select(p => p.Layer is null && p.Origin == "defaults" ? p with { Origin = File } : p).ToList();
            var ordered = attributed.Where(p => p.IsError).Concat(attributed.Where(p => !p.IsError)).ToList();
            return new BotDocumentSnapshot(Stem, File, Layers, Values, Document, ordered);
        }
    }
}
