using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary><c>strategy_params</c>: the bot's entry logic and exit logic.</summary>
public sealed record BotStrategyParams
{
    /// <summary>The logic that decides when to open a position.</summary>
    [Setting("The entry logic: an entry logic of the catalogue (RSIBBVolumeEntryMixin, RSIOrBBEntryMixin) and its params.")]
    public required BotLogicSettings EntryLogic { get; init; } = new() { Name = "" };

    /// <summary>The logic that decides when to close it.</summary>
    [Setting("The exit logic: an exit logic of the catalogue (ATRExitMixin, AdvancedATRExitMixin) and its params.")]
    public required BotLogicSettings ExitLogic { get; init; } = new() { Name = "" };
}
