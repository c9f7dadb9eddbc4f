using System.CommandLine;
using System.Net.WebSockets;
using Platform.Cli.Client;
using Platform.Cli.Terminal;

namespace Platform.Cli.Commands;

/// <summary>`exec POD [-c C] [-i] [-t] -- CMD ARGS...`: runs a command in a running container; its exit code is ours.</summary>
internal static class ExecCommand
{
    public static Command Create(CommandRunner runner)
    {
        var pod = new Argument<string>("pod") { Description = "The pod (NAME or pod/NAME)" };
        var command = new Argument<string[]>("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var container = new Option<string?>("--container", "-c") { Description = "The container; needed when the pod has several" };
        var stdin = new Option<bool>("--stdin", "-i") { Description = "Pass standard input to the command" };
        var tty = new Option<bool>("--tty", "-t") { Description = "Run the command on a terminal" };
        var exec = new Command("exec", "Run a command in a container of a running pod") { pod, command, container, stdin, tty };
        Examples.Add(exec,
            ("List the root directory of the pod's container", "platformctl exec web -- ls /"),
            ("Pass standard input to a command in one container", "echo hi | platformctl exec -i web -c main -- cat"),
            ("A shell on a terminal", "platformctl exec -it web -- sh"));
        runner.Attach(exec, (context, cancellationToken) =>
        {
            var name = context.Get(pod)!;
            name = name.StartsWith("pod/", StringComparison.Ordinal) ? name[4..] : name;
            var path = ApiPaths.PodExec(context.Namespace, name, context.Get(container), context.Get(command)!, context.Get(stdin), context.Get(tty));
            return StreamAsync(context, path, context.Get(stdin), context.Get(tty), cancellationToken);
        });
        return exec;
    }

    /// <summary>Runs the exec request at <paramref name="path"/> with this terminal's streams; the command's exit code.</summary>
    internal static async Task<int> StreamAsync(CliContext context, string path, bool stdin, bool tty, CancellationToken cancellationToken)
    {
        ExecStream stream;
        try
        {
            stream = await ExecStream.ConnectAsync(context.Config, path, cancellationToken);
        }
        catch (WebSocketException e)
        {
            // The gateway refused the upgrade; the same request as plain HTTP gets its Status, which says why.
            await context.Api.GetAsync(path, cancellationToken);
            throw new CliException($"the exec stream could not be opened: {e.Message}");
        }

        using (stream)
        {
            // -it on a terminal: raw mode (keys go to the remote terminal as typed), its size now and on every resize.
            using var terminal = tty && stdin ? RawTerminal.TryEnter() : null;
            using var resizes = terminal is null ? null : RawTerminal.OnResize(() => _ = ResizeAsync(stream));
            if (terminal is not null)
            {
                await ResizeAsync(stream);
            }

            using var input = terminal is null ? null : new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            var status = await stream.RunAsync(stdin ? input ?? context.Host.In : null, context.Out, context.Error, cancellationToken);
            return status.ExitCode ?? throw new CliException(status.Message ?? "the command failed");
        }
    }

    private static async Task ResizeAsync(ExecStream stream)
    {
        try
        {
            await stream.ResizeAsync(RawTerminal.CurrentSize(), CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The session is ending; a late resize has nowhere to go.
        }
    }
}
