using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tradewind.Testing;

/// <summary>
/// A minimal HTTP/1.1 server on a free 127.0.0.1 port that answers each request with the next queued
/// <see cref="ReplayResponse"/> (recorded provider answers, error payloads, 5xx, slow answers) and records every
/// request, so provider clients are tested over real sockets. One connection per request (<c>Connection: close</c>).
/// When the queue is empty it answers 500 naming the unexpected request, so a test that asks more than it
/// queued fails loudly.
/// </summary>
public sealed class ReplayHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Queue<ReplayResponse> _responses = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;

    private ReplayHttpServer()
    {
        // Port 0: the OS picks a free port at bind time, so there is no race with other tests.
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The server's root URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static ReplayHttpServer Start() => new();

    /// <summary>Queues answers, given in the order requests will get them.</summary>
    public ReplayHttpServer Enqueue(params ReplayResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _responses.Enqueue(response);
            }
        }

        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The loop ends by its listener being stopped.
        }

        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                ReplayResponse response;
                lock (_gate)
                {
                    _requests.Add(request);
                    response = _responses.Count > 0
                        ? _responses.Dequeue()
                        : ReplayResponse.WithStatus(500, $"ReplayHttpServer: no response queued for {request.Method} {request.Target}");
                }

                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                await WriteResponseAsync(stream, response, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping: nothing to answer.
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        int end;
        while ((end = IndexOfHeaderEnd(buffer.AsSpan(0, length))) < 0)
        {
            if (length == buffer.Length)
            {
                throw new IOException("request headers exceed 64 KiB");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            throw new IOException($"not an HTTP request line: {lines[0]}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                query[Uri.UnescapeDataString(name.Replace('+', ' '))] = Uri.UnescapeDataString(value.Replace('+', ' '));
            }
        }

        return new RecordedRequest(parts[0], target, path, query, headers);
    }

    private static int IndexOfHeaderEnd(ReadOnlySpan<byte> data) => data.IndexOf("\r\n\r\n"u8);

    private static async Task WriteResponseAsync(NetworkStream stream, ReplayResponse response, CancellationToken cancellationToken)
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\nContent-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(response.Body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
