using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Api.Model;
using Platform.NodeAgent.Pods.Probes;

namespace Platform.NodeAgent.Tests.Pods.Probes;

/// <summary>Each probe kind against real sockets and real processes on loopback (the process runtime runs exec probes on the host).</summary>
public sealed class ProbeExecutorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ProbeExecutor executor = new(
        new NodeAgentSettings("n", new Uri("http://127.0.0.1:1"), new Uri("amqp://x"), Path.GetTempPath(), TimeSpan.FromSeconds(1), NodeAgentSettings.ProcessRuntime, "none", "r"),
        NullLogger<ProbeExecutor>.Instance);

    public ProbeExecutorTests() => listener.Start();

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private ProbeTarget Target => new("127.0.0.1", "id", new Container { Ports = [new ContainerPort { Name = "web", Number = Port }] });

    [Theory]
    [InlineData("200 OK", true)]
    [InlineData("302 Found", true)]
    [InlineData("404 Not Found", false)]
    [InlineData("500 Internal Server Error", false)]
    public async Task AnHttpGetPassesOn2xxAnd3xx(string status, bool expected)
    {
        var server = AnswerOnceAsync($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var probe = new Probe { HttpGet = new HttpGetAction { Path = "/ready", Port = IntOrString.FromString("web") } };

        Assert.Equal(expected, await executor.RunAsync(probe, Target, Timeout, CancellationToken.None));
        Assert.StartsWith("GET /ready HTTP/1.1", await server);
    }

    [Fact]
    public async Task AnHttpGetThatIsNotAnsweredInTimeFails()
    {
        // The listener's backlog takes the connection, and nobody ever answers.
        var probe = new Probe { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(Port) } };

        Assert.False(await executor.RunAsync(probe, Target, TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    [Fact]
    public async Task ATcpProbePassesWhenTheConnectionIsAcceptedAndFailsWhenRefused()
    {
        var open = new Probe { TcpSocket = new TcpSocketAction { Port = IntOrString.FromInt(Port) } };
        var closedPort = ClosedPort();
        var closed = new Probe { TcpSocket = new TcpSocketAction { Port = IntOrString.FromInt(closedPort) } };

        Assert.True(await executor.RunAsync(open, Target, Timeout, CancellationToken.None));
        Assert.False(await executor.RunAsync(closed, Target, Timeout, CancellationToken.None));
    }

    [Fact]
    public async Task AnExecProbePassesOnExitCodeZeroAndFailsOnTimeout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}");
        var exists = new Probe { Exec = new ExecAction { Command = ["test", "-f", file] } };
        var slow = new Probe { Exec = new ExecAction { Command = ["sleep", "5"] } };

        Assert.False(await executor.RunAsync(exists, Target, Timeout, CancellationToken.None));
        await File.WriteAllTextAsync(file, "");
        try
        {
            Assert.True(await executor.RunAsync(exists, Target, Timeout, CancellationToken.None));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.False(await executor.RunAsync(slow, Target, TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Dispose();
        executor.Dispose();
    }

    private async Task<string> AnswerOnceAsync(string response)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
