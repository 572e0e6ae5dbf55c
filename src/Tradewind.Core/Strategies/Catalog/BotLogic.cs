namespace Tradewind.Core.Strategies.Catalog;

/// <summary>
/// An entry or exit logic a trading bot can name in its document, with its typed parameters.
/// Bot documents name it by <see cref="Name"/> (e.g. <c>RSIOrBBEntryMixin</c>) or <see cref="ShortName"/> (<c>RSIOrBB</c>).
/// </summary>
/// <param name="Name">The full name, as existing bot documents write it.</param>
/// <param name="ShortName">The name without the <c>EntryMixin</c>/<c>ExitMixin</c> suffix.</param>
/// <param name="Kind">Entry or exit.</param>
/// <param name="Description">What it does, in one line.</param>
/// <param name="Parameters">Its parameters, by snake_case name.</param>
public sealed record BotLogic(string Name, string ShortName, BotLogicKind Kind, string Description, IReadOnlyList<StrategyParameter> Parameters)
{
    /// <summary>
    /// The prefix a parameter may carry in a bot document: <c>e_</c> for entry logic, <c>x_</c> for exit
    /// logic (<c>e_rsi_period</c> is <c>rsi_period</c>).
    /// </summary>
    public string ParameterPrefix => Kind == BotLogicKind.Entry ? "e_" : "x_";

    /// <summary>The parameter a document key names (with or without the prefix), or null.</summary>
    public StrategyParameter? FindParameter(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.StartsWith(ParameterPrefix, StringComparison.OrdinalIgnoreCase) ? key[ParameterPrefix.Length..] : key;
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }
}
