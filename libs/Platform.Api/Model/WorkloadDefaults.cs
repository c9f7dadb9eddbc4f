namespace Platform.Api.Model;

/// <summary>The defaults the API server fills into Deployments and ReplicaSets on create and update, as Kubernetes does.</summary>
public static class WorkloadDefaults
{
    public static void Apply(Deployment deployment, string @namespace)
    {
        deployment.ApiVersion = "apps/v1";
        deployment.Kind = Deployment.KindName;
        deployment.Metadata.Namespace = @namespace;
        var spec = deployment.Spec;
        spec.Replicas ??= 1;
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        spec.MinReadySeconds ??= 0;
        spec.Strategy ??= new DeploymentStrategy();
        spec.Strategy.Type ??= DeploymentStrategies.RollingUpdate;
        if (spec.Strategy.Type == DeploymentStrategies.RollingUpdate)
        {
            spec.Strategy.RollingUpdate ??= new RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxSurge ??= IntOrString.FromString("25%");
            spec.Strategy.RollingUpdate.MaxUnavailable ??= IntOrString.FromString("25%");
        }

        ApplyTemplate(spec.Template);
    }

    public static void Apply(ReplicaSet replicaSet, string @namespace)
    {
        replicaSet.ApiVersion = "apps/v1";
        replicaSet.Kind = ReplicaSet.KindName;
        replicaSet.Metadata.Namespace = @namespace;
        replicaSet.Spec.Replicas ??= 1;
        ApplyTemplate(replicaSet.Spec.Template);
    }

    private static void ApplyTemplate(PodTemplateSpec template)
    {
        template.Spec.RestartPolicy ??= RestartPolicies.Always;
        template.Spec.TerminationGracePeriodSeconds ??= PodDefaults.DefaultTerminationGracePeriodSeconds;
    }
}
