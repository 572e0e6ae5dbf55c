using System.Text.RegularExpressions;

namespace Tradewind.Configuration.Secrets;

/// <summary>
/// Decides which settings are secret and hides them: a secret shows as <c>****</c> plus at most its
/// last four characters, and only when it is long enough (12+) that four characters give nothing away.
/// Passwords inside database connection strings are masked the same way, leaving the rest readable.
/// </summary>
public static partial class SecretMask
{
    /// <summary>What every masked value starts with.</summary>
    public const string Stars = "****";

    /// <summary>Secrets shorter than this show as <see cref="Stars"/> alone.</summary>
    public const int MinimumLengthForSuffix = 12;

    private const int SuffixLength = 4;

    /// <summary>
    /// True when a key's name says its value is a secret: one of its segments ends in <c>key</c>,
    /// <c>secret</c>, <c>password</c>/<c>pwd</c> or <c>token</c>, or contains <c>webhook</c> (any case, any
    /// separators). Any segment, not only the last: a value under a secret key (<c>api_key.x</c>,
    /// <c>webhook_url[0]</c>) is as secret as the key.
    /// </summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var segment in key.Split([':', '.', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("secret", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("password", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("pwd", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("token", StringComparison.OrdinalIgnoreCase)
                || name.Contains("webhook", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A secret as it may be shown: <c>****</c>, plus its last four characters when it has 12 or more.</summary>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return secret ?? "";
        }

        return secret.Length >= MinimumLengthForSuffix ? Stars + secret[^SuffixLength..] : Stars;
    }

    /// <summary>
    /// A value as it may be shown under <paramref name="key"/>: masked whole when the key is secret,
    /// otherwise with any password inside a connection string or URL masked.
    /// </summary>
    public static string MaskValue(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        return IsSecretKey(key) ? Mask(value) : MaskConnectionString(value);
    }

    /// <summary>
    /// A value whose key is not a known setting (a typo may hide a secret key's name): numbers and
    /// booleans are shown, anything else is masked.
    /// </summary>
    public static string MaskUnknown(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        var trimmed = value.Trim();
        return bool.TryParse(trimmed, out _) || double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? value
            : Mask(value);
    }

    /// <summary>True when <paramref name="value"/> carries a password: a <c>Password=</c>/<c>Pwd=</c> part, or <c>user:password@</c> in a URL.</summary>
    public static bool ContainsPassword(string? value) =>
        !string.IsNullOrEmpty(value) && (UrlPassword().IsMatch(value) || KeywordPassword().IsMatch(value));

    /// <summary>
    /// Masks the password of a PostgreSQL-style connection string (<c>Password=...;</c>, quoted or not)
    /// or of a URL (<c>scheme://user:password@host</c>); any other text comes back unchanged.
    /// </summary>
    public static string MaskConnectionString(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        // Regexes rather than a connection-string parser: a malformed string must still be masked, never echoed.
        var masked = UrlPassword().Replace(value, m => m.Groups["head"].Value + Mask(m.Groups["password"].Value) + "@");
        return KeywordPassword().Replace(masked, m => m.Groups["head"].Value + Mask(Unquote(m.Groups["password"].Value)));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;

    // scheme://user:password@host — the password runs to the last '@' before the host.
    [GeneratedRegex(@"(?<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/?#@\s]*:)(?<password>[^/?#\s]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // Password=...; or Pwd=... up to the next ';' (or a quoted value), keyword in any case.
    [GeneratedRegex(@"(?<head>(?:^|;)\s*(?:password|pwd)\s*=\s*)(?<password>""[^""]*""|'[^']*'|[^;]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeywordPassword();
}
