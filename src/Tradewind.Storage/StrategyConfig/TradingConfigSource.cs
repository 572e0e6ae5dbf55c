using System.Globalization;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>The values of <see cref="TradingConfigVersion.Source"/> that Tradewind itself writes; anything else is free text.</summary>
public static class TradingConfigSource
{
    /// <summary>Parameters chosen by a tuning run.</summary>
    public const string Tuning = "tuning";

    /// <summary><c>files:&lt;sha256&gt;</c>: parameters read from configuration files whose bytes hash to <paramref name="sha256Hex"/>.</summary>
    public static string Files(string sha256Hex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256Hex);
        return "files:" + sha256Hex.ToLowerInvariant();
    }

    /// <summary>
    /// <c>file:&lt;sha256&gt;</c>: parameters read from one parameters file (<c>config apply --parameters</c>) whose bytes
    /// hash to <paramref name="sha256Hex"/>; distinct from <see cref="Files"/>, the configuration tree.
    /// </summary>
    public static string File(string sha256Hex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256Hex);
        return "file:" + sha256Hex.ToLowerInvariant();
    }

    /// <summary><c>rollback:&lt;id&gt;</c>: parameters copied from the older version <paramref name="versionId"/>.</summary>
    public static string Rollback(long versionId) => "rollback:" + versionId.ToString(CultureInfo.InvariantCulture);
}
