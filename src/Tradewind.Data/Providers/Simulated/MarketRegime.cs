namespace Tradewind.Data.Providers.Simulated;

/// <summary>The state of the simulated market on a session; it sets the market's drift and volatility (see <see cref="RegimeModel"/>).</summary>
public enum MarketRegime
{
    /// <summary>A calm bull market: steady gains, low volatility.</summary>
    CalmBull,

    /// <summary>A choppy, directionless market with middling volatility.</summary>
    Choppy,

    /// <summary>A bear market: falling prices, high volatility.</summary>
    Bear,

    /// <summary>A crash: a few sessions of steep losses at very high volatility.</summary>
    Crash,
}
