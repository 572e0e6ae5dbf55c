namespace Tradewind.Storage.Signals;

/// <summary>What a daily signal tells the execute job to do; stored as BUY, SELL or HOLD.</summary>
public enum SignalAction
{
    /// <summary>Put fresh capital into the signal's allocations.</summary>
    Buy,

    /// <summary>Sell part of every holding.</summary>
    Sell,

    /// <summary>Trade nothing.</summary>
    Hold,
}
