namespace Tradewind.Data.Providers.Simulated;

/// <summary>
/// How one simulated asset moves with the market factor: its daily log return is
/// <c>AnnualAlpha/252 + Beta × market + IdiosyncraticVolatility/√252 × regime multiplier × z</c>.
/// SPY, QQQ and DIA have fixed profiles; any other ticker gets a generic one derived from its name alone.
/// </summary>
/// <param name="Ticker">The ticker.</param>
/// <param name="Beta">Sensitivity to the market factor.</param>
/// <param name="AnnualAlpha">Annual log drift on top of the market's.</param>
/// <param name="IdiosyncraticVolatility">Annualized volatility of the asset's own noise in a calm market.</param>
/// <param name="StartPrice">The close before the first simulated session (2000-01-03).</param>
/// <param name="BaseVolume">Typical shares traded a session in a choppy market.</param>
/// <param name="IsGeneric">True when derived from the ticker's name rather than tabulated.</param>
internal sealed record AssetProfile(
    string Ticker, double Beta, double AnnualAlpha, double IdiosyncraticVolatility, double StartPrice, double BaseVolume, bool IsGeneric)
{
    /// <summary>The tabulated profiles, roughly as the real ETFs behaved (SPY ≈ the market itself).</summary>
    public static readonly IReadOnlyList<AssetProfile> Known =
    [
        new("SPY", Beta: 1.00, AnnualAlpha: 0.000, IdiosyncraticVolatility: 0.03, StartPrice: 145.00, BaseVolume: 80_000_000, IsGeneric: false),
        new("QQQ", Beta: 1.12, AnnualAlpha: 0.015, IdiosyncraticVolatility: 0.08, StartPrice: 90.00, BaseVolume: 45_000_000, IsGeneric: false),
        new("DIA", Beta: 0.92, AnnualAlpha: -0.005, IdiosyncraticVolatility: 0.04, StartPrice: 115.00, BaseVolume: 4_000_000, IsGeneric: false),
    ];

    /// <summary>The profile of <paramref name="ticker"/>: tabulated, or generic (see <see cref="Generic"/>).</summary>
    public static AssetProfile For(string ticker)
    {
        foreach (var profile in Known)
        {
            if (profile.Ticker == ticker)
            {
                return profile;
            }
        }

        return Generic(ticker);
    }

    /// <summary>
    /// A profile from the ticker's stable hash, the same for every seed: beta 0.6–1.4, alpha −2%–+2% a year,
    /// idiosyncratic volatility 10%–30% a year, start price 20–300 (log-uniform, whole cents), base volume
    /// 1–20 million shares (log-uniform, whole shares).
    /// </summary>
    public static AssetProfile Generic(string ticker)
    {
        var random = new CounterRandom(CounterRandom.Hash(ticker));
        return new AssetProfile(
            ticker,
            Beta: 0.6 + (0.8 * random.Uniform(0, 0)),
            AnnualAlpha: -0.02 + (0.04 * random.Uniform(0, 1)),
            IdiosyncraticVolatility: 0.10 + (0.20 * random.Uniform(0, 2)),
            StartPrice: Math.Round(20.0 * Math.Exp(Math.Log(15.0) * random.Uniform(0, 3)), 2, MidpointRounding.AwayFromZero),
            BaseVolume: Math.Round(1_000_000 * Math.Exp(Math.Log(20.0) * random.Uniform(0, 4))),
            IsGeneric: true);
    }
}
