using System.Reflection;
using System.Text;

namespace Tradewind.Configuration.Templates;

/// <summary>
/// The templates <c>tradewind init</c> offers. Each is the shipped <c>config/</c> tree with the
/// template's own files laid over it (a file of the same path replaces the shipped one), plus a
/// generated <c>.env.example</c> that lists every variable the files reference.
/// </summary>
public static class ConfigTemplates
{
    private const string ShippedPrefix = "shipped/";
    private const string TemplatesPrefix = "templates/";
    private const string ManifestName = "template.yaml";

    private static readonly Lazy<IReadOnlyList<ConfigTemplate>> Loaded = new(Load);

    /// <summary>Every template, by name.</summary>
    public static IReadOnlyList<ConfigTemplate> All => Loaded.Value;

    /// <summary>The template named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ConfigTemplate? Find(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The <c>.env.example</c> text for a set of files: one line per referenced variable, required ones
    /// (no default) first, each with the keys that use it, so a user knows every secret to provide.
    /// </summary>
    public static string EnvironmentExample(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var uses = new SortedDictionary<string, (bool Required, SortedSet<string> Places)>(StringComparer.Ordinal);
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in content.Split('\n'))
            {
                lineNumber++;
                // The same reader that expands values: with every variable unset, the names still missing are
                // the ones without a default.
                var expansion = Loading.VariableExpansion.Expand(line, _ => null);
                foreach (var name in expansion.Referenced)
                {
                    var required = expansion.Missing.Contains(name);
                    var entry = uses.TryGetValue(name, out var existing) ? existing : (Required: false, Places: new SortedSet<string>(StringComparer.Ordinal));
                    entry.Places.Add($"{path}:{lineNumber}");
                    uses[name] = (entry.Required || required, entry.Places);
                }
            }
        }

        var text = new StringBuilder();
        text.Append("# Variables this configuration reads. Copy to .env (git-ignored) and fill in; a variable\n")
            .Append("# already set in the environment wins over .env. Required ones have no default and make\n")
            .Append("# `tradewind config validate` fail while unset (in the environments whose files use them).\n");
        foreach (var required in new[] { true, false })
        {
            var group = uses.Where(u => u.Value.Required == required).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            text.Append('\n').Append(required ? "# Required\n" : "# Optional (the files give a default)\n");
            foreach (var (name, use) in group)
            {
                text.Append("# used by ").Append(string.Join(", ", use.Places)).Append('\n')
                    .Append(name).Append("=\n");
            }
        }

        return text.ToString();
    }

    private static List<ConfigTemplate> Load()
    {
        var assembly = typeof(ConfigTemplates).Assembly;
        var names = assembly.GetManifestResourceNames();
        var shipped = names.Where(n => n.StartsWith(ShippedPrefix, StringComparison.Ordinal))
            .ToDictionary(n => "config/" + n[ShippedPrefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        var templates = new List<ConfigTemplate>();
        foreach (var group in names.Where(n => n.StartsWith(TemplatesPrefix, StringComparison.Ordinal))
                     .GroupBy(n => n[TemplatesPrefix.Length..].Split('/')[0]))
        {
            var files = new SortedDictionary<string, string>(shipped, StringComparer.Ordinal);
            string? description = null;
            foreach (var resource in group)
            {
                var relative = resource[(TemplatesPrefix.Length + group.Key.Length + 1)..];
                if (relative == ManifestName)
                {
                    description = ReadDescription(Read(assembly, resource), group.Key);
                }
                else
                {
                    files[relative] = Read(assembly, resource);
                }
            }

            files[".env.example"] = EnvironmentExample(files);
            templates.Add(new ConfigTemplate(
                group.Key,
                description ?? throw new InvalidOperationException($"template {group.Key} has no {ManifestName}"),
                files));
        }

        templates.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return templates;
    }

    private static string ReadDescription(string manifest, string template)
    {
        const string key = "description:";
        foreach (var line in manifest.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return line[key.Length..].Trim();
            }
        }

        throw new InvalidOperationException($"template {template}'s {ManifestName} has no description");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
