using System.Text;
using System.Text.Json;

namespace Tradewind.Storage.Signals;

/// <summary>
/// One row of <c>daily_signals</c>: the decision a strategy made for a trading date, with the inputs it used and the
/// configuration version that was active, so that every trade can be traced back to why it was made.
/// </summary>
/// <param name="Strategy">The strategy that made the decision, e.g. <c>capital-allocator</c>.</param>
/// <param name="TradeDate">The trading date (exchange time, America/New_York) the signal is for.</param>
/// <param name="ModelType">How the decision was made, e.g. <c>regime_based</c>.</param>
/// <param name="Action">What to do.</param>
/// <param name="ConfidenceScore">How sure the model is, in [0, 1].</param>
/// <param name="Allocations">A JSON object {SYMBOL: dollars}, stored and read back as this exact text (see <see cref="FormatAllocations"/>).</param>
/// <param name="FeaturesUsed">The inputs of the decision as a JSON object, stored and read back as this exact text.</param>
/// <param name="ConfigVersionId">The id of the strategy's <c>trading_config</c> version that was active.</param>
/// <param name="CreatedAt">When the signal was made (UTC; stored to the microsecond).</param>
public sealed record DailySignalRecord(
    string Strategy,
    DateOnly TradeDate,
    string ModelType,
    SignalAction Action,
    double ConfidenceScore,
    string Allocations,
    string FeaturesUsed,
    long ConfigVersionId,
    DateTimeOffset CreatedAt)
{
    /// <summary>The row id; 0 for a signal that is not stored yet.</summary>
    public long Id { get; init; }

    /// <summary>
    /// Writes dollar allocations as the JSON object this record stores, in the given order; decimals keep their
    /// digits and scale (412.50 stays 412.50).
    /// </summary>
    public static string FormatAllocations(IEnumerable<KeyValuePair<string, decimal>> allocations)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (symbol, dollars) in allocations)
            {
                writer.WriteNumber(symbol, dollars);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The dollar allocations, read exactly as decimals, in the order of the JSON text.</summary>
    /// <exception cref="FormatException"><see cref="Allocations"/> is not a JSON object of distinct symbols and decimal numbers.</exception>
    public IReadOnlyList<KeyValuePair<string, decimal>> ReadAllocations()
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Allocations);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"allocations of {Strategy} on {TradeDate:yyyy-MM-dd} are not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"allocations of {Strategy} on {TradeDate:yyyy-MM-dd} must be a JSON object {{SYMBOL: dollars}}, not {document.RootElement.ValueKind}");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var allocations = new List<KeyValuePair<string, decimal>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new FormatException($"allocations of {Strategy} on {TradeDate:yyyy-MM-dd} name {property.Name} twice");
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var dollars))
                {
                    throw new FormatException($"allocation of {property.Name} ({Strategy} on {TradeDate:yyyy-MM-dd}) is not a decimal number of dollars: {property.Value.GetRawText()}");
                }

                allocations.Add(new(property.Name, dollars));
            }

            return allocations;
        }
    }
}
