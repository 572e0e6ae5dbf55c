using Tradewind.Core.Market;

namespace Tradewind.Data.Providers;

/// <summary>
/// Routes a request to a primary provider and, when it fails, to each fallback once, in order; the first answer
/// wins. When every provider fails, the error lists what each one said (configuration: <c>data.provider</c>,
/// <c>data.fallback</c>).
/// </summary>
/// <remarks>
/// Only a <see cref="MarketDataProviderException"/> moves on to the next provider. Cancellation and unexpected
/// errors (bugs) propagate at once, so they are never hidden behind a fallback's answer. An empty series is an
/// answer, not a failure: a provider that has no session in the range yet is not a reason to ask another.
/// </remarks>
public sealed class FallbackDailyBarProvider : IDailyBarProvider
{
    private readonly IDailyBarProvider[] _providers;
    private readonly Action<MarketDataProviderException>? _onProviderFailed;

    /// <summary>Creates the route.</summary>
    /// <param name="primary">The provider asked first.</param>
    /// <param name="fallbacks">The providers asked next, in order; each at most once and none the same as the primary.</param>
    /// <param name="onProviderFailed">
    /// Told about each failure that is followed by another try (to log a warning); the last failure is thrown instead.
    /// </param>
    /// <exception cref="ArgumentException">A provider is listed twice (by instance or by name).</exception>
    public FallbackDailyBarProvider(IDailyBarProvider primary, IEnumerable<IDailyBarProvider> fallbacks, Action<MarketDataProviderException>? onProviderFailed = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallbacks);
        _providers = [primary, .. fallbacks];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in _providers)
        {
            ArgumentNullException.ThrowIfNull(provider, nameof(fallbacks));
            if (!names.Add(provider.Name))
            {
                throw new ArgumentException(
                    $"the provider '{provider.Name}' is listed more than once ({string.Join(", ", _providers.Select(p => p.Name))}); list each provider once and never the primary among the fallbacks (data.fallback)",
                    nameof(fallbacks));
            }
        }

        _onProviderFailed = onProviderFailed;
        Name = string.Join(">", _providers.Select(p => p.Name));
    }

    /// <summary>The providers in the order they are asked.</summary>
    public IReadOnlyList<IDailyBarProvider> Providers => _providers;

    /// <summary>The route's name: the providers' names joined by <c>&gt;</c>, e.g. <c>alphavantage&gt;csv</c>.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public string Description => _providers.Length == 1
        ? _providers[0].Description
        : $"{_providers[0].Description}; when it fails: {string.Join("; then ", _providers.Skip(1).Select(p => p.Description))}";

    /// <inheritdoc />
    public async Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        _ = DailyRange.Create(from, to);
        var failures = new List<MarketDataProviderException>(_providers.Length);
        foreach (var provider in _providers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await provider.GetDailyBarsAsync(symbol, from, to, cancellationToken);
            }
            catch (MarketDataProviderException ex)
            {
                failures.Add(ex);
                if (failures.Count < _providers.Length)
                {
                    _onProviderFailed?.Invoke(ex);
                }
            }
        }

        throw new MarketDataProviderException(Name, symbol.Ticker, failures);
    }
}
