namespace Tradewind.Configuration.Settings;

/// <summary><c>data.sim</c>: the simulated market.</summary>
public sealed record SimulatedMarketSettings
{
    /// <summary>Random seed: the same seed gives the same bars.</summary>
    [Setting("Random seed: the same seed gives the same bars.")]
    public int Seed { get; init; } = 42;
}
