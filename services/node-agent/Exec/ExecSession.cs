using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using Platform.RemoteCommand;

namespace Platform.NodeAgent.Exec;

/// <summary>
/// One exec: `platform-runtime exec` of the command in the container, its stdin, stdout and stderr
/// relayed over the channel socket (or its terminal, with a tty), its exit code sent as the final status.
/// </summary>
public sealed partial class ExecSession(NodeAgentSettings settings, ILogger<ExecSession> logger)
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public async Task RunAsync(string containerId, ExecRequest request, ChannelSocket socket, CancellationToken cancellationToken)
    {
        using var terminal = request.Tty ? PseudoTerminal.Open() : null;
        // The agent holds the terminal's slave side too until the command ends, so reading the master
        // ends (EIO) exactly when the last writer is gone, and never blocks on a command that never opened it.
        using var slave = terminal is null ? null : File.OpenHandle(terminal.SlavePath, FileMode.Open, FileAccess.ReadWrite);
        using var process = Process.Start(StartInfo(containerId, request, terminal))!;
        LogStarted(containerId, process.Id, request.Command[0], request.Tty);
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = ReceiveAsync(socket, process, terminal, request.Stdin, receiving.Token);
        var output = terminal is null
            ? Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, socket, StreamProtocol.Stdout, request.Stdout, cancellationToken),
                PumpAsync(process.StandardError.BaseStream, socket, StreamProtocol.Stderr, request.Stderr, cancellationToken))
            : Task.WhenAll(PumpAsync(terminal.Stream, socket, StreamProtocol.Stdout, request.Stdout, cancellationToken),
                PumpAsync(process.StandardError.BaseStream, socket, StreamProtocol.Stdout, request.Stdout, cancellationToken));
        if (!request.Stdin && terminal is null)
        {
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(cancellationToken);
        slave?.Dispose();
        await output;
        LogEnded(containerId, process.Id, process.ExitCode);
        await socket.SendAsync(StreamProtocol.Error, ExecStatus.Exited(process.ExitCode).ToJson(), cancellationToken);
        await socket.CloseAsync(cancellationToken);
        receiving.CancelAfter(CloseHandshakeTimeout);
        await input;
    }

    private ProcessStartInfo StartInfo(string containerId, ExecRequest request, PseudoTerminal? terminal)
    {
        var info = new ProcessStartInfo(settings.RuntimeBinary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] terminalArguments = terminal is null ? [] : ["--tty", "--console", terminal.SlavePath];
        foreach (var argument in (string[])["--root", settings.RuntimeStateDirectory, "exec", .. terminalArguments, containerId, "--", .. request.Command])
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Copies one output of the command to its channel; output nobody asked for is read and dropped.</summary>
    private static async Task PumpAsync(Stream output, ChannelSocket socket, byte channel, bool wanted, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await output.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                // A terminal's master answers EIO once the command's side is closed: the end of its output.
                return;
            }

            if (read == 0)
            {
                return;
            }

            if (wanted)
            {
                await socket.SendAsync(channel, buffer.AsMemory(0, read), cancellationToken);
            }
        }
    }

    /// <summary>Stdin, v5's close of stdin and resizes from the client, until it closes the socket.</summary>
    private static async Task ReceiveAsync(ChannelSocket socket, Process process, PseudoTerminal? terminal, bool stdinWanted, CancellationToken cancellationToken)
    {
        var stdin = terminal?.Stream ?? process.StandardInput.BaseStream;
        try
        {
            while (await socket.ReceiveAsync(cancellationToken) is { } message)
            {
                switch (message.Channel)
                {
                    case StreamProtocol.Stdin when stdinWanted && message.Payload.Length > 0:
                        await WriteQuietlyAsync(stdin, message.Payload, cancellationToken);
                        break;
                    case StreamProtocol.Close when message.Payload is [StreamProtocol.Stdin, ..]:
                        if (terminal is null)
                        {
                            process.StandardInput.Close();
                        }
                        else
                        {
                            // End of input on a terminal is its EOF character (^D), as a keyboard sends it.
                            await WriteQuietlyAsync(stdin, new byte[] { 4 }, cancellationToken);
                        }

                        break;
                    case StreamProtocol.Resize when terminal is not null && TerminalSize.Parse(message.Payload) is { } size:
                        terminal.Resize(size.Width, size.Height);
                        break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The client went away, or did not answer the close: the command's end was already sent.
        }
    }

    private static async Task WriteQuietlyAsync(Stream stdin, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await stdin.WriteAsync(data, cancellationToken);
            await stdin.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The command stopped reading its input.
        }
    }

    [LoggerMessage(LogLevel.Information, "Exec in {Container}: process {Pid} runs {Command} (tty {Tty})")]
    private partial void LogStarted(string container, int pid, string command, bool tty);

    [LoggerMessage(LogLevel.Information, "Exec in {Container}: process {Pid} exited with {ExitCode}")]
    private partial void LogEnded(string container, int pid, int exitCode);
}
