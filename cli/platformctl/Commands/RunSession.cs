using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Client;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// `run -i [-t] [--rm] ... -- CMD`: the attached session of kubectl run, built on exec because the platform has no
/// attach (a container's own process has no stdin). The pod's container runs a small holder (a shell that waits
/// and exits on SIGTERM); once the pod runs, CMD is exec'd in it with this terminal's stdin, stdout, stderr and,
/// with -t, a remote terminal in raw mode. When CMD ends, its exit code is ours; with --rm the pod is deleted and
/// waited for, without it the holder is stopped so the pod finishes as a container whose process ended would.
/// </summary>
internal static class RunSession
{
    /// <summary>The container's own process: waits for the session; SIGTERM (a delete, or the end of the session) ends it at once.</summary>
    public static readonly IReadOnlyList<string> Holder = ["sh", "-c", "trap 'exit 0' TERM; sleep 2147483647 & wait"];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(CliContext context, string name, IReadOnlyList<string> command, bool tty, bool remove, TimeSpan runningTimeout, CancellationToken cancellationToken)
    {
        try
        {
            await WaitUntilRunningAsync(context, name, runningTimeout, cancellationToken);
            var path = ApiPaths.PodExec(context.Namespace, name, name, command, stdin: true, tty);
            var exitCode = await ExecCommand.StreamAsync(context, path, stdin: true, tty, cancellationToken);
            if (!remove)
            {
                await StopHolderAsync(context, name);
            }

            return exitCode;
        }
        finally
        {
            if (remove)
            {
                await RemoveAsync(context, name);
            }
        }
    }

    /// <summary>Polls the pod until it runs (kubectl's --pod-running-timeout); a pod that ends first, or never runs, is an error.</summary>
    private static async Task WaitUntilRunningAsync(CliContext context, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = context.Host.Clock;
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var pod = await context.Resources.GetAsync(ResourceKinds.Pod, context.Namespace, name, cancellationToken);
            var phase = pod["status"]?["phase"]?.GetValue<string>();
            if (phase == PodPhases.Running)
            {
                return;
            }

            if (phase is PodPhases.Succeeded or PodPhases.Failed)
            {
                throw new CliException($"pod {name} ended ({phase}) before the session started: {Waiting(pod) ?? "its container exited"}");
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new CliException($"timed out waiting for pod {name} to be running (phase {phase ?? PodPhases.Pending}{(Waiting(pod) is { } why ? ": " + why : string.Empty)})");
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    /// <summary>Why the container is not running yet, as the pod's status says (e.g. ErrImagePull: ...).</summary>
    private static string? Waiting(JsonNode pod)
    {
        var state = pod["status"]?["containerStatuses"]?[0]?["state"];
        var waiting = state?["waiting"] ?? state?["terminated"];
        return waiting?["reason"]?.GetValue<string>() is { } reason
            ? waiting["message"]?.GetValue<string>() is { Length: > 0 } message ? $"{reason}: {message}" : reason
            : null;
    }

    /// <summary>Without --rm the pod stays, and its process ends as the session did (TERM to the holder, PID 1).</summary>
    private static async Task StopHolderAsync(CliContext context, string name)
    {
        var path = ApiPaths.PodExec(context.Namespace, name, name, ["kill", "1"], stdin: false, tty: false);
        try
        {
            using var quiet = new StringWriter();
            using var stream = await ExecStream.ConnectAsync(context.Config, path, CancellationToken.None);
            await stream.RunAsync(null, quiet, quiet, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException)
        {
            // The pod already ended or went away; nothing is left to stop.
        }
    }

    private static async Task RemoveAsync(CliContext context, string name)
    {
        await context.Resources.DeleteAsync(ResourceKinds.Pod, context.Namespace, name, CancellationToken.None);
        await DeletionWaiter.WaitUntilGoneAsync(context, new ManifestTarget(ResourceKinds.Pod, context.Namespace, name), CancellationToken.None);
        await context.Out.WriteLineAsync($"pod \"{name}\" deleted".AsMemory(), CancellationToken.None);
    }
}
