namespace Tradewind.Configuration.Settings;

/// <summary><c>data.alphavantage</c>: the Alpha Vantage client.</summary>
public sealed record AlphaVantageSettings
{
    /// <summary>The API key; required when alphavantage is the provider or a fallback.</summary>
    [Setting("The API key (secret: reference ${ALPHAVANTAGE_API_KEY}); required when alphavantage is the provider or a fallback.")]
    public string ApiKey { get; init; } = "";

    /// <summary>Requests allowed per minute.</summary>
    [Setting("Requests allowed per minute (the free tier allows 5).", Minimum = 1, Maximum = 1000)]
    public int CallsPerMinute { get; init; } = 5;

    /// <summary>Seconds to wait between calls.</summary>
    [Setting("Seconds to wait between calls.", Minimum = 0, Maximum = 3600)]
    public int PauseSeconds { get; init; } = 15;

    /// <summary>Seconds before a request is abandoned.</summary>
    [Setting("Seconds before a request is abandoned.", Minimum = 1, Maximum = 600)]
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Retries of a failed request.</summary>
    [Setting("Retries of a failed request.", Minimum = 0, Maximum = 10)]
    public int Retries { get; init; } = 3;
}
