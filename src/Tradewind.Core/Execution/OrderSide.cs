namespace Tradewind.Core.Execution;

/// <summary>Whether an order or fill buys or sells.</summary>
public enum OrderSide
{
    /// <summary>Buys: adds to a long position.</summary>
    Buy,

    /// <summary>Sells: reduces a long position.</summary>
    Sell,
}
