using System.Globalization;
using Tradewind.Core.Market;

namespace Tradewind.Data.Providers.Simulated;

/// <summary>
/// Daily bars from a deterministic simulated market (<c>sim</c>): SPY, QQQ and DIA (and any other ticker, with a
/// profile derived from its name) driven by one market factor that switches between calm-bull, choppy, bear and
/// crash regimes. The prices are synthetic, not market data; the model is in docs/data-providers.md.
/// </summary>
/// <remarks>
/// Sessions are NYSE trading days from 2000-01-03 (the simulation's first session) to the calendar's last supported
/// date; dates before the first session have no bars. The bar of a (seed, symbol, date) is the same whatever range
/// is asked for and whichever other symbols are fetched, so a day fetched today and the same day backfilled a year
/// later agree exactly.
/// </remarks>
public sealed class SimulatedDailyBarProvider : IDailyBarProvider
{
    /// <summary>The provider's name in configuration (<c>data.provider: sim</c>).</summary>
    public const string ProviderName = "sim";

    private readonly SimulatedMarket _market;

    /// <summary>Creates the provider for the options' seed; providers of one seed share the generated paths.</summary>
    /// <param name="options">The seed.</param>
    public SimulatedDailyBarProvider(SimulatedMarketOptions options)
        : this(SimulatedMarket.ForSeed((options ?? throw new ArgumentNullException(nameof(options))).Seed))
    {
    }

    /// <summary>Creates the provider over a given market (tests use a fresh one to prove nothing leaks between symbols).</summary>
    internal SimulatedDailyBarProvider(SimulatedMarket market)
    {
        _market = market;
    }

    /// <summary>The first simulated session.</summary>
    public static DateOnly FirstSession => SimulatedMarket.Epoch;

    /// <summary>The last date the simulation can reach.</summary>
    public static DateOnly LastDate => SimulatedMarket.LastDate;

    /// <summary>The seed.</summary>
    public int Seed => _market.Seed;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"SIMULATED market (seed {Seed}): synthetic prices from a regime-switching model, not market data");

    /// <inheritdoc />
    public Task<BarSeries> GetDailyBarsAsync(Symbol symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var range = DailyRange.Create(from, to);
        cancellationToken.ThrowIfCancellationRequested();
        if (range.To > LastDate)
        {
            throw new MarketDataProviderException(ProviderName, symbol.Ticker, MarketDataFailure.OutOfRange,
                string.Create(CultureInfo.InvariantCulture,
                    $"the simulated market has sessions from {FirstSession:yyyy-MM-dd} to {LastDate:yyyy-MM-dd} (the NYSE calendar's years), and {range.To:yyyy-MM-dd} is after them"),
                string.Create(CultureInfo.InvariantCulture, $"ask for dates up to {LastDate:yyyy-MM-dd}"));
        }

        var first = SimulatedMarket.FirstSessionOnOrAfter(range.From);
        var last = SimulatedMarket.FirstSessionOnOrAfter(range.To.AddDays(1)) - 1;
        return Task.FromResult(_market.Bars(symbol, first, last));
    }
}
