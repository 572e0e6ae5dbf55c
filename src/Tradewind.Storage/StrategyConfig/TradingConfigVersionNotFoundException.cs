using System.Globalization;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>A version id that no row of <c>trading_config</c> has.</summary>
public sealed class TradingConfigVersionNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="versionId"/>.</summary>
    public TradingConfigVersionNotFoundException(long versionId)
        : base(string.Create(CultureInfo.InvariantCulture, $"configuration version {versionId} does not exist"))
    {
        VersionId = versionId;
    }

    /// <summary>The id that was asked for.</summary>
    public long VersionId { get; }
}
