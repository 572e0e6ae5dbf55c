namespace Tradewind.Data.Providers.Simulated;

/// <summary>The simulated market's settings (configuration: <c>data.sim</c>).</summary>
public sealed record SimulatedMarketOptions
{
    /// <summary>The random seed: the same seed gives the same bars for every symbol and date; default 42.</summary>
    public int Seed { get; init; } = 42;
}
