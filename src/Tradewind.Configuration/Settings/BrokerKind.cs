namespace Tradewind.Configuration.Settings;

/// <summary>Where orders go (<c>system.broker</c>). A <c>*_live</c> broker sends real orders.</summary>
public enum BrokerKind
{
    /// <summary>Tradewind's simulated broker: fills from market data, no real orders.</summary>
    Paper,

    /// <summary>Binance's test network.</summary>
    BinancePaper,

    /// <summary>Binance, real orders.</summary>
    BinanceLive,

    /// <summary>Interactive Brokers' paper account.</summary>
    IbkrPaper,

    /// <summary>Interactive Brokers, real orders.</summary>
    IbkrLive,
}
