namespace Tradewind.Storage.StrategyConfig;

/// <summary>What an apply or a rollback did to one strategy's versions.</summary>
/// <param name="Created">
/// Whether a new version was written. False when the parameters equal the active version's: nothing
/// was written and <paramref name="Active"/> is the version that already was active.
/// </param>
/// <param name="Active">The strategy's active version afterwards.</param>
/// <param name="Closed">The version this call ended (its end date set); null when nothing was closed.</param>
public sealed record TradingConfigApplyResult(bool Created, TradingConfigVersion Active, TradingConfigVersion? Closed);
