namespace Tradewind.Configuration.Settings;

/// <summary>A market-data provider (<c>data.provider</c>, <c>data.fallback</c>).</summary>
public enum DataProviderKind
{
    /// <summary>The simulated market: reproducible synthetic bars.</summary>
    Sim,

    /// <summary>CSV files in <c>data.csv_dir</c>.</summary>
    Csv,

    /// <summary>Alpha Vantage's HTTP API (needs <c>data.alphavantage.api_key</c>).</summary>
    [SettingKey("alphavantage")]
    AlphaVantage,
}
