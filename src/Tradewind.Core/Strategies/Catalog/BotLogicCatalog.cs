namespace Tradewind.Core.Strategies.Catalog;

/// <summary>
/// The entry and exit logics trading-bot documents may name. The strategy catalogue of the backtest
/// engine registers the implementations; until then this list is what documents are validated against.
/// </summary>
public static class BotLogicCatalog
{
    private static readonly StrategyParameter[] EntryParameters =
    [
        StrategyParameter.Integer("rsi_period", 14, 2, 200, "RSI look-back in bars (Wilder smoothing)"),
        StrategyParameter.Number("rsi_oversold", 30, 1, 50, "enter when RSI is below this level"),
        StrategyParameter.Integer("bb_period", 20, 2, 500, "Bollinger Band look-back in bars"),
        StrategyParameter.Number("bb_dev", 2.0, 0.5, 5, "Bollinger Band width in population standard deviations"),
        StrategyParameter.Number("volume_factor", 1.0, 0, 20, "volume must exceed this multiple of its 20-bar average"),
        StrategyParameter.Integer("cooldown_bars", 3, 0, 10_000, "bars to wait after an exit before a new entry"),
    ];

    private static readonly StrategyParameter[] ExitParameters =
    [
        StrategyParameter.Integer("atr_period", 14, 2, 200, "ATR look-back in bars (Wilder smoothing)"),
        StrategyParameter.Number("sl_multiplier", 2.0, 0.1, 20, "stop at entry − sl_multiplier × ATR"),
        StrategyParameter.Number("tp_multiplier", 3.0, 0.1, 50, "take profit at entry + tp_multiplier × ATR"),
        StrategyParameter.Boolean("trailing_enabled", false, "trail the stop at highest high − sl_multiplier × ATR"),
    ];

    /// <summary>Every known logic.</summary>
    public static IReadOnlyList<BotLogic> All { get; } =
    [
        new("RSIBBVolumeEntryMixin", "RSIBBVolume", BotLogicKind.Entry,
            "enter when RSI < oversold AND close < lower Bollinger band AND volume > volume_factor × its 20-bar average", EntryParameters),
        new("RSIOrBBEntryMixin", "RSIOrBB", BotLogicKind.Entry,
            "enter when RSI < oversold OR close < lower Bollinger band", EntryParameters),
        new("ATRExitMixin", "ATRExit", BotLogicKind.Exit,
            "stop at entry − sl_multiplier × ATR", ExitParameters),
        new("AdvancedATRExitMixin", "AdvancedATRExit", BotLogicKind.Exit,
            "ATR stop, take profit at entry + tp_multiplier × ATR, optional trailing stop", ExitParameters),
    ];

    /// <summary>The logic of <paramref name="kind"/> named <paramref name="name"/> (full or short name, any case), or null.</summary>
    public static BotLogic? Find(string? name, BotLogicKind kind)
    {
        foreach (var logic in All)
        {
            if (logic.Kind == kind
                && (string.Equals(logic.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(logic.ShortName, name, StringComparison.OrdinalIgnoreCase)))
            {
                return logic;
            }
        }

        return null;
    }

    /// <summary>The names a document may use for <paramref name="kind"/>, for error messages.</summary>
    public static IEnumerable<string> Names(BotLogicKind kind)
    {
        foreach (var logic in All)
        {
            if (logic.Kind == kind)
            {
                yield return logic.Name;
            }
        }
    }
}
