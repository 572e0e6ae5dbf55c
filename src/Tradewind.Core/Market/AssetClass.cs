namespace Tradewind.Core.Market;

/// <summary>What kind of instrument a symbol is; it decides the exchange calendar and quantity rules.</summary>
public enum AssetClass
{
    /// <summary>A US-listed stock or exchange-traded fund, traded on the NYSE calendar.</summary>
    Equity,

    /// <summary>A crypto asset quoted in a fiat or stable currency, traded around the clock.</summary>
    Crypto,
}
