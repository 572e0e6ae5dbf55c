namespace Tradewind.Configuration.Settings;

/// <summary>
/// Every setting of Tradewind, one property per top-level section of config/base. Bound from the
/// layered configuration by <c>SettingsBinder</c> and checked by <c>SettingsValidator</c>.
/// </summary>
public sealed record TradewindSettings
{
    /// <summary><c>system</c>: process-wide settings.</summary>
    [Setting("Process-wide settings: database, time zone, logging, broker.")]
    public SystemSettings System { get; init; } = new();

    /// <summary><c>data</c>: where market data comes from.</summary>
    [Setting("Market data providers.")]
    public DataSettings Data { get; init; } = new();

    /// <summary><c>strategy</c>: the active strategy and its parameters.</summary>
    [Setting("The active strategy and its parameters.")]
    public StrategySettings Strategy { get; init; } = new();

    /// <summary><c>assets</c>: the tradable universe and per-asset limits.</summary>
    [Setting("The tradable universe and per-asset limits.")]
    public AssetsSettings Assets { get; init; } = new();

    /// <summary><c>risk</c>: portfolio limits and the drawdown ladder.</summary>
    [Setting("Portfolio risk limits and the drawdown ladder.")]
    public RiskSettings Risk { get; init; } = new();

    /// <summary><c>compliance</c>: US retail trading rules.</summary>
    [Setting("US retail trading rules checked before orders are sent.")]
    public ComplianceSettings Compliance { get; init; } = new();

    /// <summary><c>notifications</c>: alert channels.</summary>
    [Setting("Alert channels.")]
    public NotificationsSettings Notifications { get; init; } = new();

    /// <summary><c>schedule</c>: when the daily jobs run.</summary>
    [Setting("When the daily jobs run.")]
    public ScheduleSettings Schedule { get; init; } = new();

    /// <summary><c>object_storage</c>: where <c>s3://</c> outputs are uploaded.</summary>
    [Setting("S3 or S3-compatible object storage that s3://bucket/key outputs are uploaded to.")]
    public ObjectStorageSettings ObjectStorage { get; init; } = new();
}
