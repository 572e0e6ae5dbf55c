using Tradewind.Configuration.Binding;

namespace Tradewind.Configuration.Loading;

/// <summary>A <c>--set section.key=value</c> override from the command line.</summary>
/// <param name="Key">The configuration key, e.g. <c>risk:levels:2:drawdown_pct</c>.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Text">The option as written, with the value masked when the key is secret.</param>
public sealed record SettingOverride(string Key, string Value, string Text)
{
    /// <summary>Reads <c>section.key=value</c>; false with the reason when it is not that shape.</summary>
    public static bool TryParse(string text, out SettingOverride? setting, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        setting = null;
        reason = "";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            // The text is not quoted: without '=' nothing tells key from value, and the value may be a secret.
            reason = "--set: expected section.key=value, e.g. --set risk.max_gross_exposure=0.8";
            return false;
        }

        var path = text[..equals].Trim();
        if (!KeyPath.TryParseDisplay(path, out var key) || !key.Contains(':', StringComparison.Ordinal))
        {
            reason = $"--set '{path}': not a key; write section.key (lists as section.list[0].key), e.g. --set risk.levels[0].exposure=0.8";
            return false;
        }

        var value = text[(equals + 1)..];
        // Only a known, non-secret key shows its value: a mistyped secret key (api_kye) must not leak it.
        var shown = Binding.SettingsSchema.IsValueKey(key) ? Secrets.SecretMask.MaskValue(path, value) : Secrets.SecretMask.MaskUnknown(value);
        setting = new SettingOverride(key, value, $"--set {path}={shown}");
        return true;
    }
}
