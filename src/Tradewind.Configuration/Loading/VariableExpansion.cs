using System.Text;

namespace Tradewind.Configuration.Loading;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> in a configuration string (the default applies when
/// the variable is unset or empty, as in a shell); <c>$${</c> is a literal <c>${</c>.
/// </summary>
public static class VariableExpansion
{
    /// <summary>True when <paramref name="text"/> contains a <c>${</c> reference (not counting escaped <c>$${</c>).</summary>
    public static bool HasReference(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = text.IndexOf("${", StringComparison.Ordinal); i >= 0; i = text.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            if (i == 0 || text[i - 1] != '$')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Expands the references in <paramref name="text"/> with <paramref name="variable"/> (null = unset).</summary>
    public static ExpandedValue Expand(string text, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variable);
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new ExpandedValue(text, [], [], null);
        }

        var builder = new StringBuilder(text.Length);
        var referenced = new List<string>();
        var missing = new List<string>();
        string? malformed = null;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                builder.Append("${");
                i += 3;
                continue;
            }

            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                malformed ??= "a '${' has no closing '}' (write '$${' for a literal '${')";
                break;
            }

            var body = text[(i + 2)..close];
            var separator = body.IndexOf(":-", StringComparison.Ordinal);
            var name = separator >= 0 ? body[..separator] : body;
            if (!IsName(name))
            {
                // The text is not quoted: it may be part of a literal secret such as "pa${x!}d".
                malformed ??= "a '${' does not start a variable reference: names are letters, digits and '_' (write '$${' for a literal '${')";
                i = close + 1;
                continue;
            }

            if (separator >= 0 && body.Contains("${", StringComparison.Ordinal))
            {
                // ${A:-${B}} would otherwise end at the first '}' and leave "${B" as literal text.
                malformed ??= $"the default of ${{{name}:-...}} holds another reference; nested references are not supported, give a plain default";
                i = close + 1;
                continue;
            }

            referenced.Add(name);
            var value = variable(name);
            if (separator >= 0 && string.IsNullOrEmpty(value))
            {
                builder.Append(body[(separator + 2)..]);
            }
            else if (value is null)
            {
                missing.Add(name);
            }
            else
            {
                builder.Append(value);
            }

            i = close + 1;
        }

        return new ExpandedValue(missing.Count == 0 && malformed is null ? builder.ToString() : null, referenced, missing, malformed);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
