using Tradewind.Configuration.Settings;
using Tradewind.Data.Providers;
using Tradewind.Data.Providers.AlphaVantage;
using Tradewind.Data.Providers.CsvFolder;
using Tradewind.Data.Providers.Simulated;

namespace Tradewind.Jobs.MarketData;

/// <summary>
/// The daily-bar provider the <c>data</c> settings ask for (the primary, then its fallbacks), built for one job run
/// and disposed after it: the Alpha Vantage client's HTTP connection and request pacing live as long as the run, so
/// every request of one fetch or backfill waits its turn behind the previous one.
/// </summary>
public sealed class DailyBarProviderSet : IDisposable
{
    private readonly HttpClient? _http;

    private DailyBarProviderSet(IDailyBarProvider provider, HttpClient? http)
    {
        Provider = provider;
        _http = http;
    }

    /// <summary>The provider to ask: the primary alone, or a <see cref="FallbackDailyBarProvider"/>.</summary>
    public IDailyBarProvider Provider { get; }

    /// <summary>
    /// Builds the providers of <paramref name="settings"/>; <paramref name="warn"/> hears each provider failure that a
    /// fallback then answers for. Relative folders resolve against <paramref name="environment"/>'s working directory.
    /// </summary>
    public static DailyBarProviderSet Create(DataSettings settings, JobEnvironment environment, Action<string>? warn = null, Uri? alphaVantageBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        HttpClient? http = null;
        try
        {
            IDailyBarProvider Build(DataProviderKind kind) => kind switch
            {
                DataProviderKind.Sim => new SimulatedDailyBarProvider(new SimulatedMarketOptions { Seed = settings.Sim.Seed }),
                DataProviderKind.Csv => new CsvFolderDailyBarProvider(new CsvFolderOptions { Directory = environment.ResolvePath(settings.CsvDir) }),
                DataProviderKind.AlphaVantage => new AlphaVantageDailyBarProvider(
                    http ??= new HttpClient(),
                    new AlphaVantageOptions
                    {
                        BaseUrl = alphaVantageBaseUrl ?? AlphaVantageOptions.DefaultBaseUrl,
                        ApiKey = settings.AlphaVantage.ApiKey,
                        CallsPerMinute = settings.AlphaVantage.CallsPerMinute,
                        Pause = TimeSpan.FromSeconds(settings.AlphaVantage.PauseSeconds),
                        Timeout = TimeSpan.FromSeconds(settings.AlphaVantage.TimeoutSeconds),
                        Retries = settings.AlphaVantage.Retries,
                    },
                    environment.Time),
                _ => throw new JobInputException($"data.provider: '{kind}' is not a provider this version knows; use sim, csv or alphavantage"),
            };

            var primary = Build(settings.Provider);
            IDailyBarProvider provider = settings.Fallback.Count == 0
                ? primary
                : new FallbackDailyBarProvider(primary, settings.Fallback.Select(Build).ToList(), failure => warn?.Invoke(failure.Message));
            return new DailyBarProviderSet(provider, http);
        }
        catch (ArgumentException ex)
        {
            http?.Dispose();
            throw new JobInputException($"data: {ex.Message}", ex);
        }
        catch
        {
            http?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http?.Dispose();
}
