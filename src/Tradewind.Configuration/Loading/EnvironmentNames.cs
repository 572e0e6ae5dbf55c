namespace Tradewind.Configuration.Loading;

/// <summary>The environments a configuration tree knows: the standard three plus any folder under config/.</summary>
public static class EnvironmentNames
{
    /// <summary>The environment used when none is named.</summary>
    public const string Default = "development";

    /// <summary>The environments every tree knows, even without a folder.</summary>
    public static IReadOnlyList<string> Standard { get; } = ["development", "staging", "production"];

    // Folders under config/ that are layers or documents of their own, never environments.
    private static readonly string[] Reserved = ["base", "local", "bots", "templates"];

    /// <summary>The known environments of the tree at <paramref name="configDirectory"/>, sorted.</summary>
    public static IReadOnlyList<string> Known(string configDirectory)
    {
        var names = new SortedSet<string>(Standard, StringComparer.Ordinal);
        if (Directory.Exists(configDirectory))
        {
            foreach (var dir in Directory.EnumerateDirectories(configDirectory))
            {
                var name = Path.GetFileName(dir);
                if (!Reserved.Contains(name, StringComparer.OrdinalIgnoreCase) && IsWellFormed(name))
                {
                    names.Add(name);
                }
            }
        }

        return names.ToList();
    }

    /// <summary>
    /// The environment's normalized (lower-case) name.
    /// </summary>
    /// <exception cref="ConfigurationException">The name is not a known environment; the message lists the known ones.</exception>
    public static string Resolve(string name, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = name.Trim().ToLowerInvariant();
        var known = Known(configDirectory);
        if (!IsWellFormed(normalized) || Reserved.Contains(normalized, StringComparer.Ordinal) || !known.Contains(normalized, StringComparer.Ordinal))
        {
            throw new ConfigurationException(
                $"unknown environment '{name}'{Binding.KeySuggestion.Hint(normalized, known)}; known environments: {string.Join(", ", known)} (a folder config/<name> adds one)");
        }

        return normalized;
    }

    private static bool IsWellFormed(string name) =>
        name.Length is > 0 and <= 50 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
