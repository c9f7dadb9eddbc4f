using Platform.Api.Model;

namespace Platform.NodeAgent.Pods;

/// <summary>Kubernetes' rules for a pod's phase and for restarting its containers.</summary>
public static class PodPhaseRules
{
    public static bool ShouldRestart(string restartPolicy, int exitCode) => restartPolicy switch
    {
        RestartPolicies.Always => true,
        RestartPolicies.OnFailure => exitCode != 0,
        _ => false,
    };

    /// <summary>
    /// Pending until every container has started once; Running while any runs or will be restarted;
    /// Succeeded when all ended with 0; Failed when all ended and one did not.
    /// </summary>
    public static string Phase(string restartPolicy, IReadOnlyList<ContainerStatus> containers)
    {
        if (containers.Any(c => c.State?.Terminated is null && c.State?.Running is null && c.RestartCount == 0 && c.LastState is null))
        {
            return PodPhases.Pending;
        }

        var finished = containers
            .Where(c => c.State?.Terminated is { } t && !ShouldRestart(restartPolicy, t.ExitCode))
            .ToList();
        if (finished.Count < containers.Count)
        {
            return PodPhases.Running;
        }

        return finished.All(c => c.State!.Terminated!.ExitCode == 0) ? PodPhases.Succeeded : PodPhases.Failed;
    }
}
