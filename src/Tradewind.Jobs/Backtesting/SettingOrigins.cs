using System.Collections.Immutable;

namespace Tradewind.Jobs.Backtesting;

/// <summary>
/// Which backtest settings came from a settings file (<c>--config</c>), key by key, so that a message about a value names
/// the file and the key it was written under (<c>run.yaml: start</c>) rather than an option the user never typed.
/// </summary>
public sealed class SettingOrigins
{
    private readonly ImmutableDictionary<string, string> _files;

    // Keys whose value mixes the file and the command line: only params, which are merged by name.
    private readonly ImmutableHashSet<string> _mixed;

    private SettingOrigins(ImmutableDictionary<string, string> files, ImmutableHashSet<string> mixed)
    {
        _files = files;
        _mixed = mixed;
    }

    /// <summary>Nothing came from a file: every message names the command-line option.</summary>
    public static SettingOrigins CommandLine { get; } = new(ImmutableDictionary<string, string>.Empty, ImmutableHashSet<string>.Empty);

    /// <summary>Every one of <paramref name="keys"/> (settings file keys, e.g. <c>start</c>) came from <paramref name="file"/>.</summary>
    public static SettingOrigins From(string file, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(keys);
        return new(keys.Distinct(StringComparer.Ordinal).ToImmutableDictionary(k => k, _ => file, StringComparer.Ordinal), ImmutableHashSet<string>.Empty);
    }

    /// <summary>The settings file that gave the value of <paramref name="key"/>; null when it came from the command line or was not given.</summary>
    public string? FileOf(string key) => _files.GetValueOrDefault(key);

    /// <summary>
    /// How a message about the value of <paramref name="option"/> begins: the option (<c>--start</c>), or the file and
    /// key when the file gave the value (<c>run.yaml: start</c>).
    /// </summary>
    public string Label(string option)
    {
        var key = KeyOf(option);
        if (FileOf(key) is not { } file)
        {
            return option;
        }

        return _mixed.Contains(key) ? $"{option} and {file}: {key}" : $"{file}: {key}";
    }

    /// <summary>How a sentence names <paramref name="option"/>: <c>--end</c>, or <c>end (run.yaml)</c> when the file gave the value.</summary>
    public string Mention(string option)
    {
        var key = KeyOf(option);
        return FileOf(key) is { } file ? $"{key} ({file})" : option;
    }

    /// <summary>
    /// The origins of settings laid over others (<see cref="BacktestSettings.Over"/>): a key given by the upper settings
    /// has their origin, any other key the lower one's; <paramref name="mixed"/> names keys whose value is taken from both.
    /// </summary>
    internal static SettingOrigins Merge(SettingOrigins upper, SettingOrigins lower, Func<string, bool> givenByUpper, IEnumerable<string> mixed)
    {
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, file) in lower._files)
        {
            if (!givenByUpper(key))
            {
                files[key] = file;
            }
        }

        foreach (var (key, file) in upper._files)
        {
            files[key] = file;
        }

        var mixedKeys = mixed.Where(k => lower.FileOf(k) is not null && upper.FileOf(k) is null).ToImmutableHashSet(StringComparer.Ordinal);
        foreach (var key in mixedKeys)
        {
            files[key] = lower._files[key];
        }

        return new(files.ToImmutable(), mixedKeys.Union(upper._mixed));
    }

    /// <summary>The settings file key of a command-line option: <c>--slippage-bps</c> is <c>slippage_bps</c>, <c>--param</c> is <c>params</c>.</summary>
    internal static string KeyOf(string option) => option switch
    {
        "--param" => "params",
        "--symbol" => "symbols",
        _ => option.TrimStart('-').Replace('-', '_'),
    };
}
