using System.Text.Json.Nodes;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>
/// One stored version of a strategy's parameter set: a row of <c>trading_config</c>. A version is in
/// force from <see cref="StartDate"/> until <see cref="EndDate"/>; a null end means it is in force now.
/// </summary>
/// <param name="Id">The version id; ids only grow, so a higher id is a newer version.</param>
/// <param name="Strategy">The strategy these parameters belong to, e.g. <c>capital-allocator</c>.</param>
/// <param name="Parameters">The parameter set as canonical JSON text (see <see cref="CanonicalJson"/>).</param>
/// <param name="StartDate">When the version became active (UTC).</param>
/// <param name="EndDate">When the version stopped being active (UTC); null while it is active.</param>
/// <param name="CreatedAt">When the row was written (UTC).</param>
/// <param name="CreatedBy">Who wrote it: the user name of the operator, or the job that did.</param>
/// <param name="Source">Where the parameters came from (see <see cref="TradingConfigSource"/>).</param>
/// <param name="Notes">Why, in the operator's words; null when none were given.</param>
public sealed record TradingConfigVersion(
    long Id,
    string Strategy,
    string Parameters,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string Source,
    string? Notes)
{
    /// <summary>Whether this version is the strategy's active one.</summary>
    public bool IsActive => EndDate is null;

    /// <summary>The parameters as a fresh, mutable JSON object (each call parses anew).</summary>
    public JsonObject ReadParameters() => JsonNode.Parse(Parameters)!.AsObject();
}
