using Platform.Api.Model;

namespace Platform.Api.Printing;

/// <summary>
/// The STATUS column of a pod: "Terminating" while it is being deleted; else the pod's reason; else the
/// first container that is waiting with a reason or has terminated ("Completed" for exit 0, else "Error",
/// unless the runtime named a reason); else the phase.
/// </summary>
public static class PodStatusText
{
    public const string Terminating = "Terminating";
    public const string Completed = "Completed";
    public const string Error = "Error";

    public static string For(Pod pod)
    {
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return Terminating;
        }

        if (!string.IsNullOrEmpty(pod.Status?.Reason))
        {
            return pod.Status.Reason;
        }

        var phase = pod.Status?.Phase is { Length: > 0 } p ? p : PodPhases.Pending;
        var containerReason = ContainerReason(pod.Status?.ContainerStatuses ?? []);
        return containerReason is null || (containerReason == Completed && AnyRunning(pod))
            ? phase
            : containerReason;
    }

    /// <summary>The reason of one container state: waiting reason, or terminated reason or outcome.</summary>
    public static string? ReasonOf(ContainerState? state) => state switch
    {
        { Waiting.Reason: { Length: > 0 } waiting } => waiting,
        { Terminated: { } terminated } => TerminatedReason(terminated),
        _ => null,
    };

    public static string TerminatedReason(ContainerStateTerminated terminated) =>
        terminated.Reason is { Length: > 0 } reason ? reason
        : terminated.ExitCode == 0 ? Completed
        : Error;

    private static string? ContainerReason(IEnumerable<ContainerStatus> statuses) =>
        statuses.Select(s => ReasonOf(s.State)).FirstOrDefault(reason => reason is not null);

    private static bool AnyRunning(Pod pod) =>
        pod.Status?.ContainerStatuses?.Any(s => s.State?.Running is not null) == true;
}
