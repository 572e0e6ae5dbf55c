using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Tradewind.Testing;

/// <summary>
/// A local S3-compatible server (moto) for one test assembly: <c>moto_server -H 127.0.0.1 -p PORT</c>
/// on a free loopback port (or <c>python3 -m moto.server</c> when the script is not on PATH), killed
/// with its child processes on dispose or when the test process exits. Use it as an xunit assembly fixture.
/// moto accepts any credentials, and its state lives in memory only.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Queue<string> _output = new();
    private Process? _process;
    private int _bucketCounter;

    /// <summary>Why the server could not be started; null when it runs.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The endpoint URL to give an S3 client (path-style addressing).</summary>
    public string EndpointUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    /// <summary>An access key id the server accepts (moto accepts any).</summary>
    public string AccessKeyId => "AKIATRADEWINDTEST";

    /// <summary>A secret access key the server accepts (moto accepts any); tests check it never shows in messages.</summary>
    public string SecretAccessKey => "tradewind-test-secret-0123456789abcdef";

    /// <summary>How long the server took from process start to its first HTTP answer.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The command line that started the server, for messages.</summary>
    public string? Command { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var command = FindCommand();
        if (command is null)
        {
            UnavailableReason = "moto_server is not on PATH and `python3 -m moto.server` is not available (pip install 'moto[server]', or set TRADEWIND_MOTO_SERVER)";
            return;
        }

        // Registered before anything starts, so a crash or a failed start never leaves a server running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(command.Value.File, command.Value.Prefix);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                Stop();
                // A port taken between choosing it and binding it is worth one more try; anything else is reported.
                if (attempt == 2)
                {
                    UnavailableReason = $"moto_server did not start: {ex.Message.Trim()}";
                    return;
                }
            }
        }
    }

    /// <summary>Fails or skips (see <see cref="TestEnvironment.SkipOrFail"/>) when the server is not running.</summary>
    public void Require()
    {
        if (UnavailableReason is not null)
        {
            TestEnvironment.SkipOrFail(UnavailableReason);
        }
    }

    /// <summary>A bucket name not used before in this run (lowercase, valid), for one test.</summary>
    /// <param name="prefix">A readable prefix (lowercase letters, digits, hyphens).</param>
    /// <returns>The name.</returns>
    public string NewBucketName(string prefix = "t") =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Interlocked.Increment(ref _bucketCounter)}-{Guid.NewGuid():N}")[..Math.Min(63, prefix.Length + 30)];

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string file, IReadOnlyList<string> prefix)
    {
        Port = FreePort();
        var start = new ProcessStartInfo
        {
            FileName = file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in prefix)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in new[] { "-H", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        Command = $"{file} {string.Join(' ', start.ArgumentList)}";
        lock (_output)
        {
            _output.Clear();
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Command}");
        _process = process;
        // Werkzeug logs every request: the pipes are drained so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Command} exited with {process.ExitCode}: {RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(EndpointUrl + "/"));
                StartupTime = stopwatch.Elapsed;
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (stopwatch.Elapsed > StartTimeout)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"{Command} did not answer HTTP within {StartTimeout.TotalSeconds} s: {RecentOutput()}"));
                }

                await Task.Delay(100);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 20)
            {
                _output.Dequeue();
            }
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return _output.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _output);
        }
    }

    private void Stop()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Could not be signalled; nothing more to do from here.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static (string File, IReadOnlyList<string> Prefix)? FindCommand()
    {
        var configured = Environment.GetEnvironmentVariable("TRADEWIND_MOTO_SERVER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? (configured, []) : null;
        }

        var onPath = FindOnPath("moto_server");
        if (onPath is not null)
        {
            return (onPath, []);
        }

        // A leaner environment (a CI runner, a service) may lack the pyenv shims on PATH: the interpreter
        // versions' own scripts run without them.
        var installed = InstalledScript();
        if (installed is not null)
        {
            return (installed, []);
        }

        var python = FindOnPath("python3");
        if (python is not null && Succeeds(python, ["-c", "import moto.server"]))
        {
            return (python, ["-m", "moto.server"]);
        }

        return null;
    }

    private static string? InstalledScript()
    {
        var roots = new[]
        {
            Environment.GetEnvironmentVariable("PYENV_ROOT"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"),
            "/root/.pyenv",
        };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)).Distinct())
        {
            var versions = Path.Combine(root!, "versions");
            if (!Directory.Exists(versions))
            {
                continue;
            }

            foreach (var version in Directory.GetDirectories(versions).OrderDescending(StringComparer.Ordinal))
            {
                var script = Path.Combine(version, "bin", "moto_server");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        return new[] { "/usr/local/bin/moto_server", "/usr/bin/moto_server" }.FirstOrDefault(File.Exists);
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Succeeds(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo { FileName = file, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
