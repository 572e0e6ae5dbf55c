using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tradewind.Cli.Listings;

/// <summary>Indented JSON for a command's output; numbers read from stored JSON keep their written digits.</summary>
public static class JsonOutput
{
    // The output goes to a terminal, a file or a pipe, never into HTML: '+' and accented letters stay readable.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What <paramref name="write"/> writes (one JSON value), indented.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary><paramref name="json"/> indented, otherwise as written.</summary>
    public static string Indent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Write(document.RootElement.WriteTo);
    }

    /// <summary>Writes what <paramref name="write"/> writes, indented, and a line feed to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Write(write) + "\n");
    }
}
