using System.Globalization;
using System.Text;

namespace Tradewind.Configuration.Binding;

/// <summary>
/// Converts between the three spellings of a setting's key: the C# property (<c>DrawdownPct</c>),
/// Microsoft.Extensions.Configuration's colon path (<c>risk:levels:2:drawdown_pct</c>) and the file
/// spelling users read in messages (<c>risk.levels[2].drawdown_pct</c>).
/// </summary>
public static class KeyPath
{
    /// <summary>The snake_case form of a PascalCase name: <c>DrawdownPct</c> → <c>drawdown_pct</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The file spelling of a colon path: numeric segments become list indexes.</summary>
    public static string ToDisplay(string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(configurationKey);
        var builder = new StringBuilder(configurationKey.Length + 4);
        foreach (var segment in configurationKey.Split(':'))
        {
            if (IsIndex(segment))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(segment.ToLowerInvariant());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The colon path of a file-spelled key: <c>risk.levels[2].drawdown_pct</c> → <c>risk:levels:2:drawdown_pct</c>.
    /// False when the text is not a key (empty segments, unbalanced brackets).
    /// </summary>
    public static bool TryParseDisplay(string display, out string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(display);
        configurationKey = "";
        var segments = new List<string>();
        var i = 0;
        while (i < display.Length)
        {
            if (display[i] == '[')
            {
                var close = display.IndexOf(']', i);
                if (close < 0 || !IsIndex(display[(i + 1)..close]))
                {
                    return false;
                }

                segments.Add(display[(i + 1)..close]);
                i = close + 1;
                if (i < display.Length && display[i] == '.')
                {
                    i++;
                    if (i == display.Length)
                    {
                        return false;
                    }
                }

                continue;
            }

            var end = display.IndexOfAny(['.', '['], i);
            if (end < 0)
            {
                end = display.Length;
            }

            var name = display[i..end].Trim();
            if (name.Length == 0)
            {
                return false;
            }

            segments.Add(name);
            i = end;
            if (i < display.Length && display[i] == '.')
            {
                i++;
                if (i == display.Length)
                {
                    return false;
                }
            }
        }

        if (segments.Count == 0)
        {
            return false;
        }

        configurationKey = string.Join(':', segments);
        return true;
    }

    /// <summary>True when a path segment is a list index.</summary>
    public static bool IsIndex(string segment) =>
        segment.Length > 0 && segment.Length <= 9 && segment.All(char.IsAsciiDigit);

    /// <summary>A list index as a segment.</summary>
    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
