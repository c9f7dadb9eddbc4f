using Platform.Api.Model;

namespace Platform.Cli.Commands.Rollout;

/// <summary>Where a Deployment's rollout stands, in kubectl's words; Failed when its progress deadline passed.</summary>
internal sealed record RolloutProgress(string Message, bool Done, bool Failed)
{
    public const string DeadlineExceededReason = "ProgressDeadlineExceeded";

    /// <summary>kubectl's DeploymentStatusViewer, rule for rule.</summary>
    public static RolloutProgress Of(Deployment deployment)
    {
        var name = deployment.Metadata.Name;
        var status = deployment.Status ?? new DeploymentStatus();
        if ((deployment.Metadata.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return Waiting("Waiting for deployment spec update to be observed...");
        }

        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == DeadlineExceededReason)
        {
            return new RolloutProgress($"deployment \"{name}\" exceeded its progress deadline", Done: false, Failed: true);
        }

        var desired = deployment.Spec.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var total = status.Replicas ?? 0;
        var available = status.AvailableReplicas ?? 0;
        if (updated < desired)
        {
            return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {desired} new replicas have been updated...");
        }

        if (total > updated)
        {
            return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {total - updated} old replicas are pending termination...");
        }

        return available < updated
            ? Waiting($"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...")
            : new RolloutProgress($"deployment \"{name}\" successfully rolled out", Done: true, Failed: false);
    }

    private static RolloutProgress Waiting(string message) => new(message, Done: false, Failed: false);
}
