namespace Tradewind.Core.Execution;

/// <summary>Where in a bar a fill (or a stop-limit's trigger) took its price.</summary>
public enum FillPoint
{
    /// <summary>At the bar's open: a market or on-open order, or a stop or limit the bar gapped through.</summary>
    Open,

    /// <summary>Inside the bar, at the order's own price, because the bar's range reached it.</summary>
    Intrabar,

    /// <summary>At the bar's close: a market order under <c>next-close</c>, or a market-on-close order.</summary>
    Close,
}
