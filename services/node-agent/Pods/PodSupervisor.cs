using System.Collections.Concurrent;
using Platform.Api.Model;
using Platform.Contracts;
using Platform.NodeAgent.Networking;
using Platform.NodeAgent.Runtime;
using Platform.NodeAgent.Volumes;

namespace Platform.NodeAgent.Pods;

/// <summary>
/// The pods of this node. Starting and stopping are idempotent by pod uid, across agent restarts
/// too (the pod directories on disk and the tombstones of removed pods say what was already done).
/// </summary>
public sealed partial class PodSupervisor(
    PodStore store,
    StatusReporter reporter,
    IContainerLauncher launcher,
    PodVolumes volumes,
    PodNetwork network,
    NodeAgentSettings settings,
    TimeProvider time,
    ILogger<PodSupervisor> logger,
    Probes.ProbeExecutor probes) : IHostedService
{
    private readonly ConcurrentDictionary<string, PodWorker> workers = new();
    private readonly ConcurrentDictionary<string, bool> finished = new();

    // StopPod may arrive twice for one pod (its owner deleted it while its node was declared lost): the second
    // waits for the first instead of deleting the pod's directory under a container still being stopped.
    private readonly ConcurrentDictionary<string, Task> stopping = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    public const string NodeAgentStopped = "NodeAgentStopped";

    /// <summary>How many start and stop messages the node handles at once (stops mostly wait on grace periods).</summary>
    public const int ConcurrentPodMessages = 64;

    /// <summary>An agent that stops takes its containers with it, quickly: it must be gone before it is killed.</summary>
    private static readonly TimeSpan AgentStopGracePeriod = TimeSpan.FromSeconds(2);

    public IReadOnlyList<string> ActivePodUids() => workers.Where(w => w.Value.IsActive).Select(w => w.Key).ToList();

    public IReadOnlyList<StartPod> ActivePods() => workers.Values.Where(w => w.IsActive).Select(w => w.Pod).ToList();

    public bool IsKnown(string uid) => workers.ContainsKey(uid) || finished.ContainsKey(uid);

    public bool IsContainerActive(string uid, string container) =>
        workers.TryGetValue(uid, out var worker) && worker.IsContainerActive(container);

    public async Task StartPodAsync(StartPod pod, CancellationToken cancellationToken)
    {
        if (pod.NodeName != settings.NodeName)
        {
            LogWrongNode(pod.Namespace, pod.Name, pod.NodeName);
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsKnown(pod.Uid) || store.IsRemoved(pod.Uid))
            {
                return;
            }

            await store.SavePodAsync(pod, cancellationToken);
            var worker = new PodWorker(pod, store, reporter, launcher, network, settings.ListenUrl.Host, time, logger) { Probes = probes };
            workers[pod.Uid] = worker;
            worker.Start();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stops a pod. Only the bookkeeping holds the gate; the stop itself (a grace period, perhaps a
    /// kill) runs outside it, so many pods stop at once instead of one after another.
    /// </summary>
    public async Task StopPodAsync(StopPod stop, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = stopping.GetOrAdd(stop.Uid, mine.Task);
        if (running != mine.Task)
        {
            await running.WaitAsync(cancellationToken);
            return;
        }

        try
        {
            await StopOnceAsync(stop, cancellationToken);
            mine.SetResult();
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            stopping.TryRemove(stop.Uid, out _);
        }
    }

    private async Task StopOnceAsync(StopPod stop, CancellationToken cancellationToken)
    {
        PodWorker? worker;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await store.MarkRemovedAsync(stop.Uid, cancellationToken);
            workers.TryRemove(stop.Uid, out worker);
            finished.TryRemove(stop.Uid, out _);
        }
        finally
        {
            gate.Release();
        }

        if (worker is not null)
        {
            await worker.StopAsync(reason: null, gracePeriod: null, cancellationToken);
        }

        volumes.TearDown(stop.Uid);
        await network.TearDownAsync(stop.Uid);
        store.Delete(stop.Uid);
        await reporter.ReportAsync(stop.Namespace, stop.Name, stop.Uid, new PodStatus(), removed: true, cancellationToken);
        LogRemoved(stop.Namespace, stop.Name);
    }

    /// <summary>
    /// Takes over what a previous agent process left: finished pods stay for their logs; the containers of
    /// the others are adopted (watched again, or reported with the code they ended with meanwhile) when the
    /// launcher's containers outlive the agent, and reported lost otherwise.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (pod, saved) in store.LoadAll())
        {
            reporter.Resume(pod.Uid, saved?.Sequence ?? 0);
            if (saved is not null && PodPhases.IsTerminal(saved.Status.Phase))
            {
                finished[pod.Uid] = true;
                await reporter.RepublishAsync(pod.Namespace, pod.Name, pod.Uid, saved, cancellationToken);
            }
            else if (launcher.ContainersOutliveAgent)
            {
                var worker = new PodWorker(pod, store, reporter, launcher, network, settings.ListenUrl.Host, time, logger, saved?.Status) { Probes = probes };
                workers[pod.Uid] = worker;
                worker.Start();
                LogAdopted(pod.Namespace, pod.Name);
            }
            else
            {
                finished[pod.Uid] = true;
                await network.TearDownAsync(pod.Uid);
                await reporter.ReportAsync(pod.Namespace, pod.Name, pod.Uid, LostStatus(saved?.Status), removed: false, cancellationToken);
                LogLost(pod.Namespace, pod.Name);
            }
        }

        await network.ReconcileAsync(RunningPodUids());
    }

    /// <summary>Pods on disk whose last status is not terminal: their networks stay, all others' go.</summary>
    private HashSet<string> RunningPodUids() =>
        store.LoadAll().Where(p => !PodPhases.IsTerminal(p.Status?.Status.Phase)).Select(p => p.Pod.Uid).ToHashSet();

    /// <summary>
    /// Containers that outlive the agent keep running for the next agent process to adopt. Plain processes
    /// cannot: they are stopped, reported with reason NodeAgentStopped; their directories stay.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!launcher.ContainersOutliveAgent)
        {
            await Task.WhenAll(workers.Values.Select(w => w.StopAsync(NodeAgentStopped, AgentStopGracePeriod, cancellationToken)));
        }
    }

    private static PodStatus LostStatus(PodStatus? last)
    {
        var now = DateTimeOffset.UtcNow;
        var status = last ?? new PodStatus();
        status.Phase = PodPhases.Failed;
        status.Reason = "NodeAgentRestarted";
        status.Message = "the node agent restarted while the pod ran; its plain processes cannot be adopted";
        foreach (var container in status.ContainerStatuses ?? [])
        {
            container.Ready = false;
            if (container.State?.Terminated is null)
            {
                container.State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 137, Reason = "NodeAgentRestarted", FinishedAt = now } };
            }
        }

        return status;
    }

    [LoggerMessage(LogLevel.Warning, "Pod {Namespace}/{Name} was sent to node {Node}, not this one; ignored")]
    private partial void LogWrongNode(string @namespace, string name, string node);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} stopped and removed")]
    private partial void LogRemoved(string @namespace, string name);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} was running when the previous agent stopped; its containers are adopted")]
    private partial void LogAdopted(string @namespace, string name);

    [LoggerMessage(LogLevel.Warning, "Pod {Namespace}/{Name} was running when the previous agent stopped; reported Failed")]
    private partial void LogLost(string @namespace, string name);
}
