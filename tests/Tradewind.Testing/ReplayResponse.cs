using System.Text;

namespace Tradewind.Testing;

/// <summary>One answer a <see cref="ReplayHttpServer"/> gives: status, body, content type, and how long to wait before answering.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Delay">How long the server waits before it sends anything (to provoke a client timeout).</param>
public sealed record ReplayResponse(int Status, byte[] Body, string ContentType = "application/json", TimeSpan Delay = default)
{
    /// <summary>A 200 answer with a JSON body.</summary>
    public static ReplayResponse Json(string body) => new(200, Encoding.UTF8.GetBytes(body));

    /// <summary>A 200 answer replaying a recorded file byte for byte.</summary>
    public static ReplayResponse File(string path) => new(200, System.IO.File.ReadAllBytes(path));

    /// <summary>An answer with <paramref name="status"/> and a short text body.</summary>
    public static ReplayResponse WithStatus(int status, string body = "") => new(status, Encoding.UTF8.GetBytes(body), "text/plain");

    /// <summary>The same answer, sent after <paramref name="delay"/>.</summary>
    public ReplayResponse After(TimeSpan delay) => this with { Delay = delay };
}
