namespace Tradewind.Configuration.Settings;

/// <summary><c>data</c>: which provider fetches daily bars, and what to fall back to.</summary>
public sealed record DataSettings
{
    /// <summary>The provider asked first.</summary>
    [Setting("The provider asked first.")]
    public DataProviderKind Provider { get; init; } = DataProviderKind.Sim;

    /// <summary>Providers tried in order when the first fails.</summary>
    [Setting("Providers tried in order when the first fails; each at most once, never the primary.")]
    public IReadOnlyList<DataProviderKind> Fallback { get; init; } = [];

    /// <summary>The csv provider reads <c>&lt;csv_dir&gt;/&lt;SYMBOL&gt;.csv</c>.</summary>
    [Setting("Folder the csv provider reads <SYMBOL>.csv from, relative to the working directory.", NotEmpty = true)]
    public string CsvDir { get; init; } = "data/csv";

    /// <summary>Folder for cached provider responses.</summary>
    [Setting("Folder for cached provider responses, relative to the working directory.", NotEmpty = true)]
    public string CacheDir { get; init; } = "data/cache";

    /// <summary>The Alpha Vantage client.</summary>
    [Setting("The Alpha Vantage client.")]
    [SettingKey("alphavantage")]
    public AlphaVantageSettings AlphaVantage { get; init; } = new();

    /// <summary>The simulated market.</summary>
    [Setting("The simulated market.")]
    public SimulatedMarketSettings Sim { get; init; } = new();
}
