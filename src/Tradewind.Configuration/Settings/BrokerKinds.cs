namespace Tradewind.Configuration.Settings;

/// <summary>Facts about <see cref="BrokerKind"/> values.</summary>
public static class BrokerKinds
{
    /// <summary>True when the broker sends real orders with real money.</summary>
    public static bool IsLive(this BrokerKind broker) => broker is BrokerKind.BinanceLive or BrokerKind.IbkrLive;
}
