namespace Platform.Api.Model;

/// <summary>The defaults the API server fills in on create, as Kubernetes does.</summary>
public static class PodDefaults
{
    public const string DefaultNamespace = "default";
    public const long DefaultTerminationGracePeriodSeconds = 30;

    public static void Apply(Pod pod, string @namespace)
    {
        pod.ApiVersion = "v1";
        pod.Kind = Pod.KindName;
        pod.Metadata.Namespace = @namespace;
        pod.Spec.RestartPolicy ??= RestartPolicies.Always;
        pod.Spec.TerminationGracePeriodSeconds ??= DefaultTerminationGracePeriodSeconds;
    }
}
