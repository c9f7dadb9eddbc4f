using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.PortForward;

/// <summary>
/// `port-forward pod/NAME|deployment/NAME [LOCAL:]REMOTE...`: listens on 127.0.0.1 only and forwards each
/// accepted connection to the pod's port through the gateway's portforward stream (one WebSocket per
/// connection), until Ctrl-C (exit code 0).
/// </summary>
internal static class PortForwardCommand
{
    /// <summary>Connections are handled side by side; their lines must not interleave.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Command Create(CommandRunner runner)
    {
        var target = new Argument<string>("target") { Description = "The pod (NAME or pod/NAME), or deployment/NAME for one of its running pods", HelpName = "TYPE/NAME" };
        var ports = new Argument<string[]>("ports") { Description = "[LOCAL_PORT:]REMOTE_PORT; :REMOTE_PORT picks a free local port", Arity = ArgumentArity.OneOrMore, HelpName = "PORTS" };
        var command = new Command("port-forward", "Forward local ports (on 127.0.0.1) to a pod's ports") { target, ports };
        Examples.Add(command,
            ("Reach port 8080 of the pod web on localhost:8080", "platformctl port-forward pod/web 8080"),
            ("Local port 9000 to port 8080 of a running pod of the deployment web", "platformctl port-forward deployment/web 9000:8080"),
            ("A free local port, printed on the first line", "platformctl port-forward web :8080"));
        runner.Attach(command, (context, cancellationToken) =>
        {
            var mappings = context.Get(ports)!.Select(PortMapping.Parse).ToList();
            return RunAsync(context, context.Get(target)!, mappings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string target, IReadOnlyList<PortMapping> mappings, CancellationToken cancellationToken)
    {
        var pod = await PortForwardTarget.ResolveAsync(context, target, cancellationToken);
        var listeners = new List<(TcpListener Listener, PortMapping Mapping)>();
        try
        {
            foreach (var mapping in mappings)
            {
                var listener = Listen(mapping);
                listeners.Add((listener, mapping));
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Forwarding from 127.0.0.1:{port} -> {mapping.Remote}").AsMemory(), cancellationToken);
            }

            await context.Out.FlushAsync(cancellationToken);
            await Task.WhenAll(listeners.Select(l => AcceptAsync(context, pod, l.Listener, l.Mapping, cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how forwarding ends.
        }
        finally
        {
            listeners.ForEach(l => l.Listener.Stop());
        }

        return ExitCodes.Success;
    }

    private static TcpListener Listen(PortMapping mapping)
    {
        var listener = new TcpListener(IPAddress.Loopback, mapping.Local);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException e)
        {
            listener.Stop();
            throw new CliException($"unable to listen on port {mapping.Local}: {(e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "address already in use" : e.Message)}");
        }
    }

    private static async Task AcceptAsync(CliContext context, string pod, TcpListener listener, PortMapping mapping, CancellationToken cancellationToken)
    {
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var path = $"{ResourcePaths.Item(ResourceKinds.Pod, context.Namespace, pod)}/portforward?ports={mapping.Remote}";
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            await WriteLineAsync(context.Out, string.Create(CultureInfo.InvariantCulture, $"Handling connection for {port}"), cancellationToken);
            _ = ForwardAsync(context, client, path, (port, mapping.Remote), cancellationToken);
        }
    }

    private static async Task ForwardAsync(CliContext context, TcpClient client, string path, (int Local, int Remote) ports, CancellationToken cancellationToken)
    {
        using (client)
        {
            string? error;
            try
            {
                using var connection = await PortForwardConnection.OpenAsync(context.Config, path, cancellationToken);
                error = await connection.RelayAsync(client.GetStream(), cancellationToken);
            }
            catch (WebSocketException e)
            {
                error = $"the gateway did not open the port-forward stream: {e.Message}";
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (error is not null)
            {
                await WriteLineAsync(context.Error, string.Create(CultureInfo.InvariantCulture, $"error: an error occurred forwarding {ports.Local} -> {ports.Remote}: {error}"), CancellationToken.None);
            }
        }
    }

    private static async Task WriteLineAsync(TextWriter writer, string line, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }
}
