using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Tradewind.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test assembly: initdb into a temp folder, start on a free
/// loopback port, remove everything on dispose. PostgreSQL refuses to run as root, so as root the
/// server runs as the <c>postgres</c> user. Use it as an xunit assembly fixture.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;
    private string? _binDirectory;
    private bool _asPostgresUser;
    private int _databaseCounter;

    /// <summary>Why the server could not be started; null when it runs.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of the maintenance database.</summary>
    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _binDirectory = FindBinDirectory();
        if (_binDirectory is null)
        {
            UnavailableReason = "no PostgreSQL server binaries (initdb, pg_ctl) found under /usr/lib/postgresql or TRADEWIND_PG_BIN";
            return;
        }

        _asPostgresUser = Environment.UserName == "root";
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"tradewind-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        // Registered before anything starts, so a crash or a failed start never leaves a server running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSynchronously();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                StopSynchronously(keepDirectoryName: true);
                // A port taken between choosing it and binding it is worth one more try; anything else is reported.
                if (attempt == 2)
                {
                    UnavailableReason = $"the throwaway PostgreSQL server did not start: {ex.Message.Trim()}";
                    _dataDirectory = null;
                    return;
                }
            }
        }
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_dataDirectory!);
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", _dataDirectory!], asPostgres: false);
        }

        Port = FreePort();
        await RunAsync(Path.Combine(_binDirectory!, "initdb"),
            ["-D", _dataDirectory!, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], _asPostgresUser);
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"),
            ["-D", _dataDirectory!, "-o", options, "-l", Path.Combine(_dataDirectory!, "server.log"), "-w", "-t", "120", "start"], _asPostgresUser);
    }

    /// <summary>Fails or skips (see <see cref="TestEnvironment.SkipOrFail"/>) when the server is not running.</summary>
    public void Require()
    {
        if (UnavailableReason is not null)
        {
            TestEnvironment.SkipOrFail(UnavailableReason);
        }
    }

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Require();
        var name = $"t{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}"[..30];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        StopSynchronously();
        return ValueTask.CompletedTask;
    }

    private void StopSynchronously(bool keepDirectoryName = false)
    {
        var dir = keepDirectoryName ? _dataDirectory : Interlocked.Exchange(ref _dataDirectory, null);
        if (dir is null || _binDirectory is null || !Directory.Exists(dir))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", dir, "-m", "immediate", "-w", "stop"], _asPostgresUser)
                .GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already stopped, or never started; removing the folder is all that is left.
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("TRADEWIND_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .Where(x => File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    // runuser lives in /usr/sbin, which a lean environment (a CI runner, a service) may not have on PATH.
    private static string RunUser =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? RunUser : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
