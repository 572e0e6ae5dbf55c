namespace Tradewind.Core.Strategies.RsiBb;

/// <summary>The exit rule of <see cref="RsiBbStrategy"/>.</summary>
public enum RsiBbExit
{
    /// <summary>A stop at entry − sl_multiplier × ATR.</summary>
    AtrExit,

    /// <summary>The ATR stop, a take-profit at entry + tp_multiplier × ATR and, when enabled, a trailing stop at highest high − sl_multiplier × ATR.</summary>
    AdvancedAtrExit,
}
