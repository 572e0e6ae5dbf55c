using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tradewind.Storage.StrategyConfig;

/// <summary>
/// The one text form of a JSON value that the registry stores and compares: object keys sorted
/// ordinally (UTF-16 code units) at every level, array order kept, no insignificant whitespace,
/// strings re-escaped uniformly. Two parameter sets that differ only in key order, whitespace or
/// string escapes have the same canonical text. Numbers are written as the node holds them (a
/// parsed <c>2.0</c> stays <c>2.0</c>), so the stored text never rounds a value the user wrote.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // The text is stored and compared, never embedded in HTML: keep non-ASCII readable ("é", not "\u00E9").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical text of <paramref name="node"/> (a null node is JSON <c>null</c>).</summary>
    public static string Write(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array:
                // A value wrapping an object or array (JsonValue.Create(element)) would write its own key
                // order; parse it into nodes so its keys get sorted like any others.
                WriteNode(writer, JsonNode.Parse(value.ToJsonString()));
                break;
            default:
                // Scalars: a parsed number writes its original text, a string is re-escaped by the writer.
                node.WriteTo(writer);
                break;
        }
    }
}
