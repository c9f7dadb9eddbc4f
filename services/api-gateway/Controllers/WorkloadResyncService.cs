using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Controllers;

/// <summary>
/// The controllers' safety net, as an informer's periodic resync: every few seconds each ReplicaSet
/// re-reads its pods and each Deployment reconciles, so a lost notice or a crash mid-step is repaired.
/// Terminating namespaces are finalised on the same beat, and the garbage collectors resume work a
/// restart left. Changes themselves are handled at once by the grains; this only repairs.
/// </summary>
public sealed partial class WorkloadResyncService(IGrainFactory grains, ILogger<WorkloadResyncService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Services re-read every pod of their namespace, so they repair on a slower beat (every 6th pass, 30 s).</summary>
    private const int ServicePassEvery = 6;
    private int pass;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureBuiltInNamespaces(stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Each<IReplicaSetGrain>(GrainKeys.ReplicaSetIndex, g => g.Resync());
                await Each<IDeploymentGrain>(GrainKeys.DeploymentIndex, g => g.Reconcile());
                await Each<Platform.Grains.Abstractions.Autoscaling.IHorizontalPodAutoscalerGrain>(GrainKeys.HorizontalPodAutoscalerIndex, g => g.Reconcile());
                await Each<INamespaceGrain>(GrainKeys.NamespaceIndex, g => g.Finalize());
                await Task.WhenAll(Enum.GetValues<DependentKind>().Select(kind => grains.GetGrain<IGarbageCollectorGrain>(GrainKeys.GarbageCollector(kind)).Resume()));
                if (++pass % ServicePassEvery == 0)
                {
                    await Each<Platform.Grains.Abstractions.Services.IServiceGrain>(GrainKeys.ServiceIndex, g => g.Resync());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResyncFailed(e);
            }
        }
    }

    private async Task EnsureBuiltInNamespaces(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var name in Platform.Grains.Namespaces.NamespaceGrain.BuiltIn)
                {
                    await grains.GetGrain<INamespaceGrain>(name).Ensure();
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResyncFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Each<TGrain>(string index, Func<TGrain, Task> action)
        where TGrain : IGrainWithStringKey
    {
        var keys = await grains.GetGrain<IResourceIndexGrain>(index).List(null);
        await Task.WhenAll(keys.Select(k => action(grains.GetGrain<TGrain>(k))));
    }

    [LoggerMessage(LogLevel.Warning, "Controller resync pass failed; the next pass retries")]
    private partial void LogResyncFailed(Exception e);
}
