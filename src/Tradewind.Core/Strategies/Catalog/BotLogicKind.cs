namespace Tradewind.Core.Strategies.Catalog;

/// <summary>Whether a bot logic decides entries or exits.</summary>
public enum BotLogicKind
{
    /// <summary>Decides when to open a position.</summary>
    Entry,

    /// <summary>Decides when to close it (stops, targets, trailing).</summary>
    Exit,
}
