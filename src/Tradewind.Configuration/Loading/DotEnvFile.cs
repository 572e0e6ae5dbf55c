using System.Text;

namespace Tradewind.Configuration.Loading;

/// <summary>
/// The variables of a <c>.env</c> file: <c>NAME=value</c> lines, optional <c>export</c>, <c>#</c>
/// comments, single-quoted (literal) or double-quoted (with <c>\n \" \\</c> escapes) values.
/// A small parser of our own rather than DotNetEnv: DotNetEnv writes into and interpolates from the real
/// process environment, and Tradewind reads the environment only through what its caller injects.
/// </summary>
public sealed class DotEnvFile
{
    private DotEnvFile(IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> problems)
    {
        Variables = variables;
        Problems = problems;
    }

    /// <summary>The variables, by name (case-sensitive, as in the environment); a later line wins.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Lines that could not be read, as <c>line N: why</c> (never the line's text: it may hold a secret).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>An empty file.</summary>
    public static DotEnvFile Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>Reads the file at <paramref name="path"/>, or <see cref="Empty"/> when there is none.</summary>
    public static DotEnvFile Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>Parses the text of a .env file.</summary>
    public static DotEnvFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? line[..equals].Trim() : "";
            if (!IsName(name))
            {
                problems.Add($"line {n + 1}: expected NAME=value with a name of letters, digits and '_'");
                continue;
            }

            if (TryValue(line[(equals + 1)..].TrimStart(), out var value, out var reason))
            {
                variables[name] = value;
            }
            else
            {
                problems.Add($"line {n + 1} ({name}): {reason}");
            }
        }

        return new DotEnvFile(variables, problems);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');

    private static bool TryValue(string text, out string value, out string reason)
    {
        reason = "";
        value = "";
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] == '\'')
        {
            var close = text.IndexOf('\'', 1);
            if (close < 0)
            {
                reason = "the single-quoted value has no closing quote";
                return false;
            }

            value = text[1..close];
            return RestIsComment(text[(close + 1)..], ref reason);
        }

        if (text[0] == '"')
        {
            var builder = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    i++;
                    builder.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                }
                else if (c == '"')
                {
                    value = builder.ToString();
                    return RestIsComment(text[(i + 1)..], ref reason);
                }
                else
                {
                    builder.Append(c);
                }
            }

            reason = "the double-quoted value has no closing quote";
            return false;
        }

        // Unquoted: a '#' after whitespace starts a comment; a '#' inside the value (a password) does not.
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        value = (comment >= 0 ? text[..comment] : text).Trim();
        return true;
    }

    private static bool RestIsComment(string rest, ref string reason)
    {
        var trimmed = rest.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#')
        {
            return true;
        }

        reason = "unexpected text after the closing quote";
        return false;
    }
}
