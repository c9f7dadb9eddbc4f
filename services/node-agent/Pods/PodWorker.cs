using Platform.Api.Model;
using Platform.Contracts;
using Platform.NodeAgent.Networking;
using Platform.NodeAgent.Pods.Probes;
using Platform.NodeAgent.Runtime;

namespace Platform.NodeAgent.Pods;

/// <summary>
/// Runs one pod on this node: each container in its own loop (start, wait, restart per policy with
/// back-off), reporting every change of state. Stopping cancels the loops and stops the processes
/// within the pod's grace period.
/// </summary>
public sealed partial class PodWorker
{
    private readonly StartPod pod;
    private readonly PodStore store;
    private readonly StatusReporter reporter;
    private readonly IContainerLauncher launcher;
    private readonly PodNetwork network;
    private PodSandbox? sandbox;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock statusLock = new();
    private readonly SemaphoreSlim reporting = new(1, 1);
    private readonly PodStatus status;
    private readonly bool resuming;
    private Task running = Task.CompletedTask;
    private string? stopReason;
    private TimeSpan? stopGracePeriod;

    /// <param name="resumed">The last status a previous agent process saved: the pod's containers are adopted, not started.</param>
    public PodWorker(StartPod pod, PodStore store, StatusReporter reporter, IContainerLauncher launcher, PodNetwork network, string hostIp, TimeProvider time, ILogger logger, PodStatus? resumed = null)
    {
        resuming = resumed?.ContainerStatuses is { Count: > 0 };
        this.pod = pod;
        this.store = store;
        this.reporter = reporter;
        this.launcher = launcher;
        this.network = network;
        this.time = time;
        this.logger = logger;
        status = resuming ? PodStatusCopy.Of(resumed!) : new PodStatus
        {
            Phase = PodPhases.Pending,
            HostIP = hostIp,
            ContainerStatuses = pod.Spec.Containers.Select(c => new ContainerStatus
            {
                Name = c.Name,
                Image = c.Image,
                State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } },
            }).ToList(),
        };
    }

    public StartPod Pod => pod;

    /// <summary>Runs the containers' readiness and liveness probes; without it a container is ready once it runs.</summary>
    public ProbeExecutor? Probes { get; init; }

    public bool IsActive => !running.IsCompleted;

    public bool IsContainerActive(string container) =>
        IsActive && Status(container)?.State?.Terminated is null;

    public void Start() => running = RunAsync();

    /// <summary>
    /// Stops every container, then waits for the loops to end. A reason (the agent itself stopping)
    /// is recorded on the pod and its containers; a deletion gives none.
    /// </summary>
    public async Task StopAsync(string? reason, TimeSpan? gracePeriod, CancellationToken cancellationToken)
    {
        stopReason = reason;
        stopGracePeriod = gracePeriod;
        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        if (!resuming)
        {
            lock (statusLock)
            {
                status.StartTime = time.GetUtcNow();
            }

            await ReportAsync();
        }

        if (await SetUpNetworkAsync())
        {
            await Task.WhenAll(pod.Spec.Containers.Select(RunContainerAsync));
        }
    }

    private async Task RunContainerAsync(Container container)
    {
        var restartPolicy = pod.Spec.RestartPolicy ?? RestartPolicies.Always;
        var adopted = resuming ? await AdoptAsync(container) : null;
        while (!stopping.IsCancellationRequested)
        {
            var exitCode = adopted ?? await RunOnceAsync(container);
            adopted = null;
            if (stopping.IsCancellationRequested || !PodPhaseRules.ShouldRestart(restartPolicy, exitCode))
            {
                return;
            }

            var restarts = Update(container.Name!, c =>
            {
                c.LastState = c.State;
                c.RestartCount++;
                c.State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = $"back-off restarting failed container {c.Name}" } };
            });
            await ReportAsync();
            await DelayAsync(RestartBackoff.Delay(restarts - 1));
        }
    }

    private async Task<int> RunOnceAsync(Container container)
    {
        var launch = new ContainerLaunch(pod.Uid, pod.Name, container,
            store.ContainerDirectory(pod.Uid, container.Name!), store.LogPath(pod.Uid, container.Name!))
        {
            PodNamespace = pod.Namespace,
            PodSpec = pod.Spec,
            Sandbox = sandbox,
        };
        IRunningContainer process;
        try
        {
            process = await launcher.StartAsync(launch, stopping.Token);
        }
        catch (ContainerStartException e)
        {
            return await RecordStartFailureAsync(container, e.Reason, e.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while the image was still being pulled: the container never ran.
            return await RecordStartFailureAsync(container, stopReason ?? "Killing", "stopped before it started");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogStartFailed(e, pod.Namespace, pod.Name, container.Name!);
            return await RecordStartFailureAsync(container, "StartError", e.Message);
        }

        await using (process)
        {
            return await SuperviseAsync(container, process);
        }
    }

    /// <summary>
    /// After an agent restart: the container's exit code once it ends, whether it ran on meanwhile (it is
    /// watched again) or ended (its real code); null when it was waiting to start. A container that
    /// was running and is gone without a trace counts as killed.
    /// </summary>
    private async Task<int?> AdoptAsync(Container container)
    {
        var saved = Status(container.Name!)?.State;
        if (saved?.Terminated is { } terminated)
        {
            return terminated.ExitCode;
        }

        var launch = new ContainerLaunch(pod.Uid, pod.Name, container,
            store.ContainerDirectory(pod.Uid, container.Name!), store.LogPath(pod.Uid, container.Name!));
        var found = await launcher.AdoptAsync(launch, stopping.Token);
        var startedAt = saved?.Running?.StartedAt ?? time.GetUtcNow();
        if (found is not null)
        {
            await using (found)
            {
                return await SuperviseAsync(container, found, startedAt);
            }
        }

        if (saved?.Running is null)
        {
            return null;
        }

        await RecordExitAsync(container, 137, "NodeAgentRestarted", startedAt);
        return 137;
    }

    private async Task<int> SuperviseAsync(Container container, IRunningContainer process, DateTimeOffset? startedSince = null)
    {
        var startedAt = startedSince ?? time.GetUtcNow();
        Update(container.Name!, c =>
        {
            c.State = new ContainerState { Running = new ContainerStateRunning { StartedAt = startedAt } };
            // As the kubelet: a container with a readiness probe is ready only once the probe passes.
            c.Ready = container.ReadinessProbe is null || Probes is null;
        });
        await ReportAsync();
        LogStarted(pod.Namespace, pod.Name, container.Name!, process.ProcessId);

        using var probing = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var probes = StartProbes(container, process, probing.Token);
        int exitCode;
        try
        {
            exitCode = await process.WaitForExitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            await probing.CancelAsync();
            await process.StopAsync(stopGracePeriod ?? TimeSpan.FromSeconds(pod.Spec.TerminationGracePeriodSeconds ?? 30), CancellationToken.None);
            exitCode = await process.WaitForExitAsync(CancellationToken.None);
        }

        await probing.CancelAsync();
        await probes;

        await RecordExitAsync(container, exitCode, process.TerminationReason, startedAt);
        return exitCode;
    }

    /// <summary>
    /// The container's probes, until it ends: readiness flips its ready flag (reported at once, so its
    /// Service's endpoints follow); a failed liveness probe stops it, and the restart policy takes over.
    /// </summary>
    private Task StartProbes(Container container, IRunningContainer process, CancellationToken cancellationToken)
    {
        if (Probes is not { } executor || (container.ReadinessProbe is null && container.LivenessProbe is null))
        {
            return Task.CompletedTask;
        }

        var host = sandbox is { IsHostNetwork: false } ? sandbox.PodIP : "127.0.0.1";
        var target = new ProbeTarget(host, $"{pod.Uid}-{container.Name}", container);
        var readiness = container.ReadinessProbe is { } ready
            ? ProbeLoop.RunAsync(executor, ready, target, initial: false, async passing =>
            {
                Update(container.Name!, c => c.Ready = passing);
                LogReadiness(pod.Namespace, pod.Name, container.Name!, passing);
                await ReportAsync();
            }, time, cancellationToken)
            : Task.CompletedTask;
        var liveness = container.LivenessProbe is { } live
            ? ProbeLoop.RunAsync(executor, live, target, initial: true, async alive =>
            {
                if (!alive)
                {
                    LogUnhealthy(pod.Namespace, pod.Name, container.Name!);
                    await process.StopAsync(TimeSpan.FromSeconds(pod.Spec.TerminationGracePeriodSeconds ?? 30), CancellationToken.None);
                }
            }, time, cancellationToken)
            : Task.CompletedTask;
        return Task.WhenAll(readiness, liveness);
    }

    private async Task RecordExitAsync(Container container, int exitCode, string? terminationReason, DateTimeOffset startedAt)
    {
        var reason = stopReason ?? terminationReason ?? (exitCode == 0 ? "Completed" : "Error");
        Update(container.Name!, c =>
        {
            status.Reason = stopReason;
            c.Ready = false;
            c.State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exitCode, Reason = reason, StartedAt = startedAt, FinishedAt = time.GetUtcNow() } };
        });
        await ReportAsync();
        LogExited(pod.Namespace, pod.Name, container.Name!, exitCode);
    }

    private async Task<int> RecordStartFailureAsync(Container container, string reason, string message)
    {
        const int exitCode = 128;
        var now = time.GetUtcNow();
        Update(container.Name!, c => c.State = new ContainerState
        {
            Terminated = new ContainerStateTerminated { ExitCode = exitCode, Reason = reason, Message = message, StartedAt = now, FinishedAt = now },
        });
        await ReportAsync();
        return exitCode;
    }

    /// <summary>The pod's network comes before its containers; a pod whose network fails (a host port taken) fails whole.</summary>
    private async Task<bool> SetUpNetworkAsync()
    {
        try
        {
            sandbox = await network.SetUpAsync(pod, stopping.Token);
            lock (statusLock)
            {
                status.PodIP = sandbox.PodIP;
                status.PodIPs = [new PodIP { Ip = sandbox.PodIP }];
            }

            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (PodNetworkException e)
        {
            LogNetworkFailed(pod.Namespace, pod.Name, e.Message);
            var now = time.GetUtcNow();
            lock (statusLock)
            {
                foreach (var container in status.ContainerStatuses!)
                {
                    container.State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 128, Reason = e.Reason, Message = e.Message, StartedAt = now, FinishedAt = now } };
                }

                (status.Phase, status.Reason, status.Message) = (PodPhases.Failed, e.Reason, e.Message);
            }

            await ReportAsync();
            return false;
        }
    }

    /// <summary>Applies a change to one container's status, recomputes the phase; returns the restart count.</summary>
    private int Update(string containerName, Action<ContainerStatus> change)
    {
        lock (statusLock)
        {
            var container = Status(containerName)!;
            change(container);
            status.Phase = PodPhaseRules.Phase(pod.Spec.RestartPolicy ?? RestartPolicies.Always, status.ContainerStatuses!);
            return container.RestartCount;
        }
    }

    private ContainerStatus? Status(string containerName) => status.ContainerStatuses!.FirstOrDefault(c => c.Name == containerName);

    /// <summary>
    /// One report at a time per pod: the containers of a pod report concurrently, and the snapshot, its
    /// sequence number and the saved status.json must follow one order (two saves at once collided on
    /// the same temporary file and faulted a container's loop).
    /// </summary>
    private async Task ReportAsync()
    {
        await reporting.WaitAsync();
        try
        {
            PodStatus snapshot;
            lock (statusLock)
            {
                snapshot = PodStatusCopy.Of(status);
            }

            await reporter.ReportAsync(pod.Namespace, pod.Name, pod.Uid, snapshot, removed: false, CancellationToken.None);
        }
        finally
        {
            reporting.Release();
        }
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name}: container {Container} started as process {Pid}")]
    private partial void LogStarted(string @namespace, string name, string container, int pid);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name}: container {Container} readiness is now {Ready}")]
    private partial void LogReadiness(string @namespace, string name, string container, bool ready);

    [LoggerMessage(LogLevel.Warning, "Pod {Namespace}/{Name}: container {Container} failed its liveness probe and is stopped")]
    private partial void LogUnhealthy(string @namespace, string name, string container);

    [LoggerMessage(LogLevel.Error, "Pod {Namespace}/{Name}: container {Container} could not start")]
    private partial void LogStartFailed(Exception e, string @namespace, string name, string container);

    [LoggerMessage(LogLevel.Warning, "Pod {Namespace}/{Name}: its network could not be set up: {Message}")]
    private partial void LogNetworkFailed(string @namespace, string name, string message);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name}: container {Container} exited with {ExitCode}")]
    private partial void LogExited(string @namespace, string name, string container, int exitCode);
}
