using System.Diagnostics;
using System.Net.Sockets;
using Platform.Api.Model;

namespace Platform.NodeAgent.Pods.Probes;

/// <summary>
/// Runs one attempt of a probe, as the kubelet does: an HTTP GET answered 200-399, a TCP connection
/// accepted, or a command exiting 0 inside the container (through the runtime's exec), each within
/// the probe's timeout.
/// </summary>
public sealed partial class ProbeExecutor(NodeAgentSettings settings, ILogger<ProbeExecutor> logger) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public async Task<bool> RunAsync(Probe probe, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return probe switch
            {
                { HttpGet: { } get } => await HttpGetAsync(get, target, attempt.Token),
                { TcpSocket: { } tcp } => await TcpAsync(tcp, target, attempt.Token),
                { Exec: { } exec } => await ExecAsync(exec, target, attempt.Token),
                _ => false,
            };
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or SocketException or IOException
            && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(target.ContainerId, e.Message);
            return false;
        }
    }

    private async Task<bool> HttpGetAsync(HttpGetAction get, ProbeTarget target, CancellationToken cancellationToken)
    {
        if (target.Port(get.Port) is not { } port)
        {
            return false;
        }

        var scheme = get.Scheme?.ToLowerInvariant() ?? "http";
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(scheme, get.Host ?? target.Host, port, get.Path ?? "/").Uri);
        request.Headers.UserAgent.ParseAdd("kube-probe/1.32");
        foreach (var header in get.HttpHeaders ?? [])
        {
            request.Headers.TryAddWithoutValidation(header.Name!, header.Value);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode is >= 200 and < 400;
    }

    private static async Task<bool> TcpAsync(TcpSocketAction tcp, ProbeTarget target, CancellationToken cancellationToken)
    {
        if (target.Port(tcp.Port) is not { } port)
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(tcp.Host ?? target.Host, port, cancellationToken);
        return true;
    }

    private async Task<bool> ExecAsync(ExecAction exec, ProbeTarget target, CancellationToken cancellationToken)
    {
        var command = exec.Command ?? [];
        var info = settings.ContainerRuntime == NodeAgentSettings.ProcessRuntime
            ? new ProcessStartInfo(command[0])
            : new ProcessStartInfo(settings.RuntimeBinary);
        if (settings.ContainerRuntime != NodeAgentSettings.ProcessRuntime)
        {
            foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, "exec", target.ContainerId, "--"])
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in settings.ContainerRuntime == NodeAgentSettings.ProcessRuntime ? command.Skip(1) : command)
        {
            info.ArgumentList.Add(argument);
        }

        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            await drained;
        }
        catch (OperationCanceledException)
        {
            // A probe past its timeout fails, and its command does not linger.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0;
    }

    public void Dispose() => http.Dispose();

    [LoggerMessage(LogLevel.Debug, "Probe of {Container} failed: {Message}")]
    private partial void LogFailed(string container, string message);
}
