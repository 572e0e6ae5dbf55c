using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// <c>entry_logic</c> or <c>exit_logic</c>: a logic of the bot logic catalogue
/// (<see cref="Tradewind.Core.Strategies.Catalog.BotLogicCatalog"/>) and the values of its parameters.
/// </summary>
public sealed record BotLogicSettings
{
    /// <summary>The logic's full name (<c>RSIOrBBEntryMixin</c>) or short name (<c>RSIOrBB</c>).</summary>
    [Setting("The logic's name in the catalogue: the full name (RSIOrBBEntryMixin, ATRExitMixin) or the name without EntryMixin/ExitMixin (RSIOrBB, ATRExit), any case.")]
    public required string Name { get; init; } = "";

    /// <summary>
    /// The parameters as written, by name (with or without the <c>e_</c>/<c>x_</c> prefix), each value as text;
    /// kinds and ranges are the catalogue's, checked by <see cref="BotDocumentValidator"/>.
    /// </summary>
    [Setting("The logic's parameters, name: value; names with or without the prefix e_ (entry) or x_ (exit); a parameter not given takes the catalogue's default.")]
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
