using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// One trading bot's document, <c>config/bots/&lt;bot_id&gt;.yaml|.yml|.json</c>, overlaid key by key by the
/// file of the same name in <c>config/&lt;environment&gt;/bots</c> and <c>config/local/bots</c>: what the bot
/// trades, where its orders go, its entry and exit logic and its risk limits.
/// Loaded by <see cref="BotDocumentLoader"/>, checked by <see cref="BotDocumentValidator"/>.
/// </summary>
/// <remarks>
/// Required keys carry an initializer only so that a document that failed to bind holds no nulls;
/// a missing required key is reported by the binder.
/// </remarks>
public sealed record BotDocument
{
    /// <summary>The bot's id; equals the file name without its extension.</summary>
    [Setting("The bot's id: 1-50 characters of A-Z a-z 0-9 _ -, equal to the file name without its extension.")]
    public required string BotId { get; init; } = "";

    /// <summary>The environment the bot belongs to: it is active when this is the selected environment.</summary>
    [Setting("The environment the bot runs in; it is active only when this is the selected environment (--env).")]
    public required BotEnvironment Environment { get; init; }

    /// <summary>The document's semantic version, e.g. 1.2.0.</summary>
    [Setting("The document's semantic version: MAJOR.MINOR.PATCH, optionally -prerelease and +build (e.g. 1.2.0).")]
    public required string Version { get; init; } = "";

    /// <summary>What the bot does, for people.</summary>
    [Setting("What the bot does, for people.")]
    public string Description { get; init; } = "";

    /// <summary>The traded symbol, e.g. BTCUSDT.</summary>
    [Setting("The traded symbol: 2-20 characters of A-Z 0-9 . - ^ = _ (e.g. BTCUSDT, SPY).")]
    public required string Symbol { get; init; } = "";

    /// <summary>The bar length the bot decides on.</summary>
    [Setting("The bar length the bot decides on.")]
    public required BotTimeframe Timeframe { get; init; }

    /// <summary>Where the bot's orders go; a <c>*_live</c> broker sends real orders.</summary>
    [Setting("Where the bot's orders go: paper simulates fills, *_paper use the broker's test account, *_live send real orders.")]
    public required BrokerKind BrokerType { get; init; }

    /// <summary>The starting balance, in the quote currency.</summary>
    [Setting("The starting balance, in the quote currency.", Minimum = 0, MinimumExclusive = true)]
    public required decimal InitialBalance { get; init; }

    /// <summary>The commission per fill as a fraction of its notional (0.001 = 0.1 %).</summary>
    [Setting("Commission per fill as a fraction of its notional (0.001 = 0.1%).", Minimum = 0, Maximum = 0.1)]
    public decimal Commission { get; init; } = 0.001m;

    /// <summary>The entry and exit logic, by name from the bot logic catalogue, with their parameters.</summary>
    [Setting("The entry and exit logic, named from the bot logic catalogue, with their parameters.")]
    public required BotStrategyParams StrategyParams { get; init; } = new() { EntryLogic = new() { Name = "" }, ExitLogic = new() { Name = "" } };

    /// <summary>Position sizing and loss limits.</summary>
    [Setting("Position sizing and loss limits.")]
    public BotRiskManagement RiskManagement { get; init; } = new();

    /// <summary>Which alerts the bot sends.</summary>
    [Setting("Which alerts the bot sends.")]
    public BotNotifications Notifications { get; init; } = new();

    /// <summary>What the bot logs and records.</summary>
    [Setting("What the bot logs and records.")]
    public BotLogging Logging { get; init; } = new();
}
