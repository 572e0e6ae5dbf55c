using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Secrets;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Validation;
using Tradewind.Configuration.Yaml;

namespace Tradewind.Configuration.Loading;

/// <summary>
/// Tradewind's configuration: the Microsoft.Extensions.Configuration root built from the layers
/// (defaults → config/base → config/&lt;environment&gt; → config/local → .env → TRADEWIND__ variables →
/// --set), with each provider's layer remembered so every value can be attributed.
/// <see cref="Evaluate"/> expands variables, binds and validates the current state of the layers.
/// </summary>
public sealed class TradewindConfiguration : IDisposable
{
    private static readonly string[] FileExtensions = [".yaml", ".yml", ".json"];
    private static readonly IReadOnlyList<KeyValuePair<string, string?>> DefaultValues = SettingsSchema.Flatten(new TradewindSettings());

    private readonly IReadOnlyList<ConfigurationLayer> _providerLayers;
    private readonly IReadOnlyList<ConfigurationProblem> _loadProblems;
    private readonly Func<string, string?> _variable;
    private readonly IReadOnlyList<PhysicalFileProvider> _folders;

    private TradewindConfiguration(
        string environment, IConfigurationRoot root, IReadOnlyList<ConfigurationLayer> providerLayers,
        IReadOnlyList<ConfigurationProblem> loadProblems, Func<string, string?> variable, IReadOnlyList<PhysicalFileProvider> folders)
    {
        _folders = folders;
        Environment = environment;
        Root = root;
        _providerLayers = providerLayers;
        _loadProblems = loadProblems;
        _variable = variable;
    }

    /// <summary>The environment's name, e.g. development.</summary>
    public string Environment { get; }

    /// <summary>The layered configuration; its reload token fires when a file layer changes (with <see cref="SettingsSource.ReloadOnChange"/>).</summary>
    public IConfigurationRoot Root { get; }

    /// <summary>The layers, one per provider of <see cref="Root"/>, lowest precedence first.</summary>
    public IReadOnlyList<ConfigurationLayer> Layers => _providerLayers;

    /// <summary>
    /// Builds the layers for <paramref name="source"/>. Problems with individual files or overrides are
    /// kept for <see cref="Evaluate"/>; only a missing config/base folder or an unknown environment throws.
    /// </summary>
    /// <exception cref="ConfigurationException">No config/base folder, or an unknown environment.</exception>
    public static TradewindConfiguration Open(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var configDirectory = source.ConfigDirectory;
        if (!Directory.Exists(Path.Combine(configDirectory, "base")))
        {
            throw new ConfigurationException(
                $"no configuration here: {Path.Combine(configDirectory, "base")} does not exist; run tradewind from the folder that holds config/");
        }

        var problems = new List<ConfigurationProblem>();
        var dotEnvPath = Path.Combine(source.WorkingDirectory, ".env");
        var dotEnv = DotEnvFile.Read(dotEnvPath);
        var dotEnvLayer = new ConfigurationLayer(LayerKind.DotEnv, ".env", ".env");
        foreach (var problem in dotEnv.Problems)
        {
            problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null, $".env {problem}", dotEnvLayer, ".env"));
        }

        var variable = Variables(source, dotEnv);
        var environment = ResolveEnvironment(source, variable);

        var builder = new ConfigurationBuilder();
        var layers = new List<ConfigurationLayer>();
        builder.Add(new NamedValuesConfigurationSource(DefaultValues.Select(d => (d.Key, d.Value, "defaults"))));
        layers.Add(ConfigurationLayer.Defaults);
        var files = new List<(IConfigurationSource Source, ConfigurationLayer Layer)>();
        var folders = new List<PhysicalFileProvider>();
        foreach (var (kind, name) in new[] { (LayerKind.Base, "base"), (LayerKind.Environment, environment), (LayerKind.Local, "local") })
        {
            var layerFiles = LayerFiles(Path.Combine(configDirectory, name)).ToList();
            if (layerFiles.Count == 0)
            {
                continue;
            }

            // One file provider (and, with reload, one watcher) per folder, owned and disposed by this object.
            var folder = new PhysicalFileProvider(Path.Combine(configDirectory, name));
            folders.Add(folder);
            foreach (var file in layerFiles)
            {
                var layer = new ConfigurationLayer(kind, name, Path.GetRelativePath(source.WorkingDirectory, file).Replace('\\', '/'));
                // Never the providers' own reload: on a bad edit it clears the file's values and throws on the
                // watcher thread. Following the files is the SettingsMonitor's job, which reloads only valid edits.
                var fileSource = FileSource(folder, file, reloadOnChange: false);
                files.Add((fileSource, layer));
                builder.Add(fileSource);
                layers.Add(layer);
            }
        }

        builder.Add(new NamedValuesConfigurationSource(KeyVariables(dotEnv.Variables.Keys, dotEnv.Variables.GetValueOrDefault, "in .env", dotEnvLayer, problems)));
        layers.Add(dotEnvLayer);
        builder.Add(new NamedValuesConfigurationSource(KeyVariables(source.VariableNames, source.Variable, "environment variable", ConfigurationLayer.EnvironmentVariables, problems)));
        layers.Add(ConfigurationLayer.EnvironmentVariables);
        builder.Add(new NamedValuesConfigurationSource(Overrides(source.Overrides, problems)));
        layers.Add(ConfigurationLayer.CommandLine);

        var root = BuildReadable(builder, files, layers, problems);
        return new TradewindConfiguration(environment, root, layers, problems, variable, folders);
    }

    /// <summary>The process environment as a load sees it: the injected variables, then the <c>.env</c> file for what they do not set.</summary>
    internal static Func<string, string?> Variables(SettingsSource source, DotEnvFile dotEnv) =>
        // The .env file fills in what the environment does not set; it never overrides a set variable.
        name => source.Variable(name) ?? dotEnv.Variables.GetValueOrDefault(name);

    /// <summary>The environment's normalized name: --env, else TRADEWIND_ENVIRONMENT, else development.</summary>
    /// <exception cref="ConfigurationException">The name is not a known environment.</exception>
    internal static string ResolveEnvironment(SettingsSource source, Func<string, string?> variable)
    {
        var requested = source.Environment;
        if (string.IsNullOrWhiteSpace(requested))
        {
            requested = variable(SettingsSource.EnvironmentVariable);
        }

        return EnvironmentNames.Resolve(string.IsNullOrWhiteSpace(requested) ? EnvironmentNames.Default : requested, source.ConfigDirectory);
    }

    /// <summary>
    /// Builds the root of <paramref name="builder"/>. An unreadable file is reported (every one, not just the
    /// first) and left out with its layer, and the rest is loaded.
    /// </summary>
    internal static IConfigurationRoot BuildReadable(
        ConfigurationBuilder builder, IReadOnlyList<(IConfigurationSource Source, ConfigurationLayer Layer)> files,
        List<ConfigurationLayer> layers, List<ConfigurationProblem> problems)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            foreach (var (fileSource, layer) in files)
            {
                try
                {
                    new ConfigurationBuilder().Add(fileSource).Build();
                }
                catch (Exception fileError) when (fileError is FormatException or InvalidDataException or IOException)
                {
                    problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null, $"cannot read {layer.File}: {Describe(fileError)}", layer, layer.File!));
                    var index = builder.Sources.IndexOf(fileSource);
                    builder.Sources.RemoveAt(index);
                    layers.RemoveAt(index);
                }
            }

            return builder.Build();
        }
    }

    /// <summary>
    /// Reads the current values of every layer, expands <c>${VAR}</c> references, binds the settings
    /// and validates them. Never throws for bad values: every problem is in the snapshot.
    /// </summary>
    public SettingsSnapshot Evaluate() => Validate(Bind());

    /// <summary>
    /// Reads, expands and binds the current values without the validation rules: the snapshot's problems
    /// are only those of loading and binding (unreadable files, unset variables, unknown keys, wrong types).
    /// </summary>
    public SettingsSnapshot Bind()
    {
        var problems = new List<ConfigurationProblem>(_loadProblems);
        var values = EffectiveValues(Root.Providers.ToList(), _providerLayers, _variable, problems)
            .Select(v => SettingsSchema.IsValueKey(v.Key) ? v : v with { IsKnown = false })
            .ToList();
        values.Sort((a, b) => SchemaOrder.Compare(a.Key, b.Key));
        var settings = SettingsBinder.Bind<TradewindSettings>(ConfigurationNode.Build(values), problems);
        return new SettingsSnapshot(Environment, _providerLayers, values, settings, problems);
    }

    /// <summary>
    /// Adds the validation rules' errors and warnings to a <see cref="Bind"/> snapshot, errors first.
    /// A rule about a key that did not bind is dropped: it would only repeat the binding error, or judge the default.
    /// </summary>
    public SettingsSnapshot Validate(SettingsSnapshot bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var problems = bound.Problems.ToList();
        var failed = problems.Select(p => p.Path).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        problems.AddRange(SettingsValidator.Validate(bound.Settings, Environment, bound.ValuesByPath)
            .Where(p => !failed.Any(f => Concerns(p, f))));
        problems.AddRange(CommittedSecrets(Root.Providers.ToList(), _providerLayers));
        var ordered = problems.Where(p => p.IsError).Concat(problems.Where(p => !p.IsError)).ToList();
        return new SettingsSnapshot(Environment, _providerLayers, bound.Values, bound.Settings, ordered);
    }

    // True when a rule's problem is about a key that failed to bind: the key itself, a section holding
    // it (a sum over a list), or a message quoting it (a comparison with the previous item).
    internal static bool Concerns(ConfigurationProblem problem, string failedPath) =>
        problem.Path.Equals(failedPath, StringComparison.OrdinalIgnoreCase)
        || failedPath.StartsWith(problem.Path + ".", StringComparison.OrdinalIgnoreCase)
        || failedPath.StartsWith(problem.Path + "[", StringComparison.OrdinalIgnoreCase)
        || QuotesPath(problem.Message, failedPath);

    // The message names the whole path, not a longer key that starts or ends with it ("asset" is not
    // quoted by "assets.universe").
    private static bool QuotesPath(string message, string path)
    {
        for (var at = message.IndexOf(path, StringComparison.OrdinalIgnoreCase); at >= 0; at = message.IndexOf(path, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 ? ' ' : message[at - 1];
            var after = at + path.Length >= message.Length ? ' ' : message[at + path.Length];
            // A sub-path of the failed key (risk.levels[1] in risk.levels[1].drawdown_pct) still concerns it.
            if (!IsPathChar(before) && !(char.IsAsciiLetterOrDigit(after) || after == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ']';

    /// <inheritdoc />
    public void Dispose()
    {
        (Root as IDisposable)?.Dispose();
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }

    /// <summary>
    /// The effective value of every key of <paramref name="providers"/> (one per layer of <paramref name="layers"/>,
    /// lowest first): the highest layer's, with list ownership and <c>${VAR}</c> expansion; problems of expansion are added.
    /// </summary>
    internal static List<ConfigurationValue> EffectiveValues(
        IReadOnlyList<IConfigurationProvider> providers, IReadOnlyList<ConfigurationLayer> layers, Func<string, string?> variable, List<ConfigurationProblem> problems)
    {
        var keysByProvider = providers.Select(p => Keys(p, null).ToHashSet(StringComparer.OrdinalIgnoreCase)).ToList();

        // Lists: the highest file layer (or the defaults) that writes a list owns it whole, so a shorter
        // list in config/local does not inherit the base list's extra items; variables and --set still
        // override single items by index.
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int Owner(string listKey)
        {
            if (!owners.TryGetValue(listKey, out var owner))
            {
                owner = -1;
                for (var p = providers.Count - 1; p >= 0 && owner < 0; p--)
                {
                    if (layers[p].ReplacesLists && keysByProvider[p].Any(k => k.Equals(listKey, StringComparison.OrdinalIgnoreCase) || k.StartsWith(listKey + ":", StringComparison.OrdinalIgnoreCase)))
                    {
                        owner = p;
                    }
                }

                owners[listKey] = owner;
            }

            return owner;
        }

        bool Hidden(int provider, string key)
        {
            if (!layers[provider].ReplacesLists)
            {
                return false;
            }

            var segments = key.Split(':');
            for (var s = 1; s < segments.Length; s++)
            {
                if (KeyPath.IsIndex(segments[s]) && provider < Owner(string.Join(':', segments[..s])))
                {
                    return true;
                }
            }

            return false;
        }

        var allKeys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var keys in keysByProvider)
        {
            allKeys.AddRange(keys.Where(seen.Add));
        }

        var values = new List<ConfigurationValue>();
        foreach (var key in allKeys)
        {
            for (var p = providers.Count - 1; p >= 0; p--)
            {
                if (!keysByProvider[p].Contains(key) || Hidden(p, key) || !providers[p].TryGet(key, out var raw))
                {
                    continue;
                }

                // A list emptied by a higher layer ('fallback: []') hides the lower layer's items.
                if (string.IsNullOrEmpty(raw) && keysByProvider[p].Any(k => k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }

                values.Add(Value(key, raw, layers[p], providers[p], variable, problems));
                break;
            }
        }

        // An empty list value next to items from a higher layer would read as "no list": drop it.
        var withChildren = values.Select(v => v.Key).SelectMany(Prefixes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        values.RemoveAll(v => string.IsNullOrEmpty(v.RawValue) && withChildren.Contains(v.Key));
        return values;
    }

    private static ConfigurationValue Value(
        string key, string? raw, ConfigurationLayer layer, IConfigurationProvider provider, Func<string, string?> variable, List<ConfigurationProblem> problems)
    {
        var origin = (provider as NamedValuesConfigurationProvider)?.OriginOf(key) ?? layer.ToString();
        var path = KeyPath.ToDisplay(key);
        if (raw is null || !raw.Contains("${", StringComparison.Ordinal))
        {
            return new ConfigurationValue(key, path, raw, raw ?? "", layer, origin, []);
        }

        var expanded = VariableExpansion.Expand(raw, variable);
        var value = new ConfigurationValue(key, path, raw, expanded.Value, layer, origin, expanded.Referenced);
        if (expanded.Malformed is { } malformed)
        {
            problems.Add(ConfigurationProblem.Error(path, malformed, value));
        }

        foreach (var missing in expanded.Missing)
        {
            problems.Add(ConfigurationProblem.Error(path,
                $"variable {missing} is not set; set it in the environment or in .env, or give a default: ${{{missing}:-value}}", value));
        }

        return value;
    }

    /// <summary>A warning for every secret written literally (not as a <c>${VAR}</c> reference) in a committed file layer.</summary>
    internal static IEnumerable<ConfigurationProblem> CommittedSecrets(IReadOnlyList<IConfigurationProvider> providers, IReadOnlyList<ConfigurationLayer> layers)
    {
        for (var p = 0; p < providers.Count; p++)
        {
            var layer = layers[p];
            if (!layer.IsCommitted)
            {
                continue;
            }

            foreach (var key in Keys(providers[p], null))
            {
                if (!providers[p].TryGet(key, out var raw) || string.IsNullOrEmpty(raw))
                {
                    continue;
                }

                var path = KeyPath.ToDisplay(key);
                if (VariableExpansion.HasReference(raw))
                {
                    // With every variable empty, what is left is written in the file: literal text around the
                    // references and their defaults (${SMTP_PASSWORD:-hunter2}). For a secret key that is a secret.
                    if (SecretMask.IsSecretKey(path) && VariableExpansion.Expand(raw, _ => "").Value is { Length: > 0 } literal)
                    {
                        yield return new ConfigurationProblem(ProblemSeverity.Warning, path, SecretMask.MaskValue(path, literal),
                            $"a secret is written literally (as a default or around a variable) in the committed file {layer.File}; leave the default empty and set the variable in .env or the environment",
                            layer, layer.File!);
                    }

                    continue;
                }

                if (SecretMask.IsSecretKey(path) || SecretMask.ContainsPassword(raw))
                {
                    yield return new ConfigurationProblem(ProblemSeverity.Warning, path, SecretMask.MaskValue(path, raw),
                        $"a secret is written literally in the committed file {layer.File}; reference a variable instead (e.g. ${{{SuggestedVariable(path)}}}) and set it in .env or the environment",
                        layer, layer.File!);
                }
            }
        }
    }

    private static string SuggestedVariable(string path) =>
        path.Replace("[", "_", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '_').ToUpperInvariant();

    private static IEnumerable<string> Prefixes(string key)
    {
        for (var i = key.IndexOf(':', StringComparison.Ordinal); i > 0; i = key.IndexOf(':', i + 1))
        {
            yield return key[..i];
        }
    }

    // Every leaf key of one provider, found through the provider interface (works for any provider kind).
    private static IEnumerable<string> Keys(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = parent is null ? child : parent + ":" + child;
            if (provider.TryGet(key, out _))
            {
                yield return key;
            }

            foreach (var nested in Keys(provider, key))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The configuration files of a folder (not its subfolders), in name order.</summary>
    internal static IEnumerable<string> LayerFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => FileExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>The JSON or YAML source of one file of <paramref name="folder"/>.</summary>
    internal static FileConfigurationSource FileSource(PhysicalFileProvider folder, string path, bool reloadOnChange)
    {
        FileConfigurationSource source = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? new JsonConfigurationSource()
            : new YamlConfigurationSource();
        source.Path = Path.GetFileName(path);
        source.Optional = false;
        source.ReloadOnChange = reloadOnChange;
        source.FileProvider = folder;
        return source;
    }

    private static List<(string Key, string? Value, string Origin)> KeyVariables(
        IEnumerable<string> names, Func<string, string?> read, string describe, ConfigurationLayer layer, List<ConfigurationProblem> problems)
    {
        var entries = new List<(string, string?, string)>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(SettingsSource.KeyVariablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var origin = describe == "in .env" ? $"{name} in .env" : $"{describe} {name}";
            var key = name[SettingsSource.KeyVariablePrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            if (key.Length == 0 || key.Split(':').Any(s => s.Length == 0))
            {
                problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null,
                    $"{origin} does not name a key: write TRADEWIND__SECTION__KEY, e.g. TRADEWIND__RISK__MAX_GROSS_EXPOSURE", layer, origin));
                continue;
            }

            entries.Add((key, read(name), origin));
        }

        return entries;
    }

    private static List<(string Key, string? Value, string Origin)> Overrides(IEnumerable<string> overrides, List<ConfigurationProblem> problems)
    {
        var entries = new List<(string, string?, string)>();
        foreach (var text in overrides)
        {
            if (SettingOverride.TryParse(text, out var setting, out var reason))
            {
                entries.Add((setting!.Key, setting.Value, setting.Text));
            }
            else
            {
                problems.Add(new ConfigurationProblem(ProblemSeverity.Error, "", null, reason, ConfigurationLayer.CommandLine, "command line"));
            }
        }

        return entries;
    }

    private static string Describe(Exception ex)
    {
        // A JSON file's position is in the System.Text.Json exception at the bottom of the chain (the
        // provider wraps it as "Could not parse the JSON file."); the YAML parser's message carries the
        // position itself and its inner exception often has the detail.
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Text.Json.JsonException json)
            {
                return $"{json.Message} (line {json.LineNumber + 1})".ReplaceLineEndings(" ");
            }
        }

        var message = ex.InnerException is { } inner && inner.Message.Length > 0 ? inner.Message : ex.Message;
        return message.ReplaceLineEndings(" ");
    }
}
