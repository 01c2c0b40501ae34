using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WAOps.Aws.Tests.Support;

/// <summary>
/// A moto server on a free loopback port, started for one test class and stopped after it. Its log goes to
/// $WAOPS_TEST_LOG_DIR/moto-xunit-&lt;Class&gt;.log; the build deletes the logs of classes that passed.
/// </summary>
public sealed class MotoServer : IDisposable
{
    // Generous: a reset of a moto holding thousands of resources, on a busy machine, takes seconds.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Process _process;

    private MotoServer(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        LogPath = logPath;
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    public string LogPath { get; }

    public static MotoServer Start(string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var logDirectory = Environment.GetEnvironmentVariable("WAOPS_TEST_LOG_DIR") ?? Path.Combine(Path.GetTempPath(), "waops-test-logs");
        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"moto-xunit-{name}.log");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("python3")
            {
                ArgumentList = { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment["AWS_ACCESS_KEY_ID"] = TestCredentials.AccessKey;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = TestCredentials.SecretKey;
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start)!;
            var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var server = new MotoServer(process, port, logPath);
            if (server.WaitUntilReady(TimeSpan.FromSeconds(30)))
            {
                return server;
            }

            server.Dispose();
        }

        throw new InvalidOperationException($"moto did not start; see {logPath}.");
    }

    /// <summary>Forgets every resource (POST /moto-api/reset).</summary>
    public void Reset()
    {
        using var response = Http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private bool WaitUntilReady(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = Http.GetAsync(new Uri(Endpoint, "/moto-api/")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Starts one moto server per test class (xUnit class fixture); the class name names the log.</summary>
public abstract class MotoFixtureBase : IDisposable
{
    private readonly Lazy<MotoServer> _server;

    protected MotoFixtureBase(IReadOnlyDictionary<string, string>? environment = null)
    {
        _server = new Lazy<MotoServer>(() => MotoServer.Start(LogName, environment));
    }

    public MotoServer Server => _server.Value;

    /// <summary>The test class using the fixture sets this before first use, so the log carries its name.</summary>
    public string LogName { get; set; } = "unnamed";

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}

public sealed class MotoFixture : MotoFixtureBase
{
}
