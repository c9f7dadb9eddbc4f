using System.Globalization;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.State;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// A container run by a detached `platform-runtime run` shim: started by this agent or found running by
/// it after a restart. The shim writes the log and, once the container has ended and been cleaned up, its
/// exit code to the exit file; the agent only watches the disk, so it can come and go meanwhile.
/// </summary>
public sealed class ShimContainer(
    string containerId,
    string bundle,
    StateStore runtimeState,
    Func<string[], Task> runRuntime,
    Func<ValueTask> cleanUp,
    int processId) : IRunningContainer
{
    public const string ExitFileName = "exit-code";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The shim ended without an exit code (killed): reported as killed.</summary>
    private const int LostExitCode = 137;

    public int ProcessId => processId;

    public string? TerminationReason { get; private set; }

    public static string ExitFileOf(string bundle) => Path.Combine(bundle, ExitFileName);

    /// <summary>The shim writes the exit file before it removes the runtime state: with neither, it is gone (killed).</summary>
    public bool HasExited => File.Exists(ExitFileOf(bundle)) || !runtimeState.Exists(containerId);

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        while (!HasExited)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }

        var exitCode = ReadExitCode() ?? LostExitCode;
        TerminationReason = exitCode == 137 && File.Exists(Path.Combine(bundle, ContainerRun.OomKilledMarker)) ? "OOMKilled" : null;
        return exitCode;
    }

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return;
        }

        await runRuntime(["kill", containerId, "TERM"]);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(gracePeriod);
        try
        {
            await WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await runRuntime(["kill", containerId, "KILL"]);
            await WaitForExitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            await runRuntime(["kill", containerId, "KILL"]);
            await WaitForExitAsync(CancellationToken.None);
        }

        await cleanUp();
    }

    private int? ReadExitCode()
    {
        try
        {
            return int.TryParse(File.ReadAllText(ExitFileOf(bundle)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
