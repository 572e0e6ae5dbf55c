namespace Tradewind.Configuration.Settings;

/// <summary><c>system</c>: process-wide settings.</summary>
public sealed record SystemSettings
{
    /// <summary>The instance's name, shown in reports and alerts.</summary>
    [Setting("The instance's name, shown in reports and alerts.", NotEmpty = true)]
    public string Name { get; init; } = "tradewind";

    /// <summary>A SQLite file path (relative to the working directory) or a PostgreSQL connection string or URL.</summary>
    [Setting("The database: a SQLite file path relative to the working directory, or a PostgreSQL connection string (Host=...;Password=...) or URL (postgresql://user:pass@host/db). Its password is masked; take it from the environment.", NotEmpty = true)]
    public string Database { get; init; } = "data/tradewind.db";

    /// <summary>The IANA time zone jobs and reports express their times in.</summary>
    [Setting("IANA time zone in which the exchange-facing jobs and reports express their times.")]
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>The least severe log level written.</summary>
    [Setting("The least severe log level written.")]
    public LogVerbosity LogLevel { get; init; } = LogVerbosity.Information;

    /// <summary>Where orders go: the paper broker simulates fills.</summary>
    [Setting("Where orders go: paper simulates fills; live brokers send real orders (later releases).")]
    public BrokerKind Broker { get; init; } = BrokerKind.Paper;
}
