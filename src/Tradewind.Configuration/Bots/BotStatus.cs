namespace Tradewind.Configuration.Bots;

/// <summary>A bot document's standing in the selected environment, as <c>tradewind bots list</c> shows it.</summary>
public enum BotStatus
{
    /// <summary>Valid, and its environment is the selected one: the bot runs here.</summary>
    Active,

    /// <summary>Valid, but it belongs to another environment.</summary>
    Inactive,

    /// <summary>The document has errors: the bot cannot run anywhere until they are fixed.</summary>
    Invalid,
}
