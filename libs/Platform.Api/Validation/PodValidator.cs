using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates a pod as the Kubernetes API server does for the fields this platform supports.</summary>
public static class PodValidator
{
    public static IReadOnlyList<FieldError> ValidateCreate(Pod pod)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(pod.Metadata, namespaced: true));
        errors.AddRange(ValidateSpec(pod.Spec));
        return errors;
    }

    /// <summary>
    /// Pods are immutable but for metadata labels and annotations. <paramref name="updated"/> has had
    /// its defaults applied; a node name it leaves out is the one the scheduler bound.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(Pod updated, Pod existing)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(updated.Metadata, namespaced: true));
        updated.Spec.NodeName ??= existing.Spec.NodeName;
        if (!SpecEquality.AreEqual(updated.Spec, existing.Spec))
        {
            errors.Add(FieldError.Forbidden("spec", "pod updates may not change fields other than metadata labels and annotations"));
        }

        return errors;
    }

    /// <summary>Checks a pod spec; field paths start with "spec." (controllers re-root them under their template).</summary>
    public static IEnumerable<FieldError> ValidateSpec(PodSpec spec)
    {
        if (spec.Containers.Count == 0)
        {
            yield return FieldError.Required("spec.containers");
        }

        var names = new HashSet<string>();
        for (var i = 0; i < spec.Containers.Count; i++)
        {
            foreach (var error in ValidateContainer(spec.Containers[i], $"spec.containers[{i}]", names)
                .Concat(VolumeValidator.ValidateMounts(spec.Containers[i].VolumeMounts, spec.Volumes, $"spec.containers[{i}]"))
                .Concat(SecurityContextValidator.ValidateContainer(spec.Containers[i].SecurityContext, $"spec.containers[{i}]"))
                .Concat(PortValidator.ValidateContainer(spec.Containers[i].Ports, $"spec.containers[{i}]", spec.HostNetwork == true))
                .Concat(ProbeValidator.ValidateContainer(spec.Containers[i], $"spec.containers[{i}]")))
            {
                yield return error;
            }
        }

        foreach (var error in VolumeValidator.ValidateVolumes(spec.Volumes)
            .Concat(SecurityContextValidator.ValidatePod(spec.SecurityContext))
            .Concat(PortValidator.ValidateHostPorts(spec)))
        {
            yield return error;
        }

        if (spec.RestartPolicy is { } policy && !RestartPolicies.All.Contains(policy))
        {
            yield return FieldError.NotSupported("spec.restartPolicy", policy, RestartPolicies.All);
        }

        if (spec.NodeName is { } node && Names.CheckSubdomain(node) is { } problem)
        {
            yield return FieldError.Invalid("spec.nodeName", node, problem);
        }

        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            yield return FieldError.Invalid("spec.terminationGracePeriodSeconds", spec.TerminationGracePeriodSeconds.ToString(), "must be greater than or equal to 0");
        }

        foreach (var error in SchedulingValidator.ValidatePodSpec(spec))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidateContainer(Container container, string path, HashSet<string> names)
    {
        if (string.IsNullOrEmpty(container.Name))
        {
            yield return FieldError.Required($"{path}.name");
        }
        else if (Names.CheckLabel(container.Name) is { } problem)
        {
            yield return FieldError.Invalid($"{path}.name", container.Name, problem);
        }
        else if (!names.Add(container.Name))
        {
            yield return FieldError.Duplicate($"{path}.name", container.Name);
        }

        if (string.IsNullOrWhiteSpace(container.Image))
        {
            yield return FieldError.Required($"{path}.image");
        }
        else if (container.Image.Trim() != container.Image)
        {
            yield return FieldError.Invalid($"{path}.image", container.Image, "must not have leading or trailing whitespace");
        }

        var env = container.Env ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            if (string.IsNullOrEmpty(env[i].Name))
            {
                yield return FieldError.Required($"{path}.env[{i}].name");
            }
            else if (Names.CheckEnvVarName(env[i].Name!) is { } envProblem)
            {
                yield return FieldError.Invalid($"{path}.env[{i}].name", env[i].Name, envProblem);
            }
        }

        foreach (var error in ResourceValidator.Validate(container.Resources, $"{path}.resources"))
        {
            yield return error;
        }
    }
}
