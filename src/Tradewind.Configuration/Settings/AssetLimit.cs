namespace Tradewind.Configuration.Settings;

/// <summary><c>assets.universe[i]</c>: one tradable symbol and its largest portfolio weight.</summary>
public sealed record AssetLimit
{
    /// <summary>The ticker, e.g. SPY or BTC-USD.</summary>
    [Setting("The ticker: 1-20 characters of A-Z 0-9 . - ^ = _ (e.g. SPY, BTC-USD).")]
    public required string Symbol { get; init; }

    /// <summary>Largest fraction of equity held in this symbol.</summary>
    [Setting("Largest fraction of equity held in this symbol.", Minimum = 0, Maximum = 1, MinimumExclusive = true)]
    public required double MaxWeight { get; init; }
}
