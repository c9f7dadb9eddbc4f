using Platform.Api.Model;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Starts one container. The seam between the pod lifecycle (which knows nothing of isolation) and the
/// container runtime: start it, signal it, wait for it.
/// </summary>
public interface IContainerLauncher
{
    /// <summary>Reported as the node's container runtime.</summary>
    string Name { get; }

    /// <summary>Starts the container; throws <see cref="ContainerStartException"/> when it cannot.</summary>
    Task<IRunningContainer> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken);

    /// <summary>Whether containers keep running while no agent runs, so a stopping agent leaves them be.</summary>
    bool ContainersOutliveAgent { get; }

    /// <summary>
    /// Finds the container a previous agent process started: still running, or ended with its exit code.
    /// Null when there is none (what it left is removed). Idempotent.
    /// </summary>
    Task<IRunningContainer?> AdoptAsync(ContainerLaunch launch, CancellationToken cancellationToken);
}

public interface IRunningContainer : IAsyncDisposable
{
    int ProcessId { get; }

    /// <summary>Completes with the exit code (128 + signal for a killed process) once the output is written.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>SIGTERM first (gracefully), SIGKILL after the grace period.</summary>
    Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Why the container ended when the exit code alone does not say it (OOMKilled); read after exit.</summary>
    string? TerminationReason { get; }
}

/// <summary>One container of a pod to start, where its files go and where its output is logged.</summary>
public sealed record ContainerLaunch(
    string PodUid,
    string PodName,
    Container Container,
    string ContainerDirectory,
    string LogPath)
{
    /// <summary>A name unique on the node, usable as a runtime container id.</summary>
    public string ContainerId => $"{PodUid}-{Container.Name}";

    /// <summary>The pod's network the container joins; null when the launcher leaves networking alone.</summary>
    public Networking.PodSandbox? Sandbox { get; init; }
}

public sealed class ContainerStartException(string reason, string message) : Exception(message)
{
    /// <summary>A Kubernetes-style reason: ErrImagePull, CreateContainerError, StartError...</summary>
    public string Reason { get; } = reason;
}
