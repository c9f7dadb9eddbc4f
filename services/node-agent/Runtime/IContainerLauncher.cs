namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Starts one container's process. The seam the container runtime replaces: the agent knows nothing
/// of how a container is isolated, only how to start it, signal it and wait for it.
/// </summary>
public interface IContainerLauncher
{
    /// <summary>Reported as the node's container runtime.</summary>
    string Name { get; }

    /// <summary>Starts the container; throws <see cref="ContainerStartException"/> when it cannot.</summary>
    Task<IRunningContainer> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken);
}

public interface IRunningContainer : IAsyncDisposable
{
    int ProcessId { get; }

    /// <summary>Completes with the exit code (128 + signal for a killed process) once the output is written.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>SIGTERM first (gracefully), SIGKILL after the grace period.</summary>
    Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken);
}

/// <summary>What to run and where its output goes.</summary>
public sealed record ContainerLaunch(
    string PodUid,
    string ContainerName,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string LogPath);

public sealed class ContainerStartException(string reason, string message) : Exception(message)
{
    /// <summary>A Kubernetes-style reason: CreateContainerError, StartError...</summary>
    public string Reason { get; } = reason;
}
