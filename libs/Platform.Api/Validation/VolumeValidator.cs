using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates `spec.volumes` and each container's `volumeMounts` as the Kubernetes API server does.</summary>
public static class VolumeValidator
{
    public static IEnumerable<FieldError> ValidateVolumes(IReadOnlyList<Volume>? volumes)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var path = $"spec.volumes[{i}]";
            var volume = volumes![i];
            if (string.IsNullOrEmpty(volume.Name))
            {
                yield return FieldError.Required($"{path}.name");
            }
            else if (Names.CheckLabel(volume.Name) is { } problem)
            {
                yield return FieldError.Invalid($"{path}.name", volume.Name, problem);
            }
            else if (!names.Add(volume.Name))
            {
                yield return FieldError.Duplicate($"{path}.name", volume.Name);
            }

            foreach (var error in ValidateSource(volume, path))
            {
                yield return error;
            }
        }
    }

    public static IEnumerable<FieldError> ValidateMounts(IReadOnlyList<VolumeMount>? mounts, IReadOnlyList<Volume>? volumes, string containerPath)
    {
        var known = (volumes ?? []).Select(v => v.Name).OfType<string>().ToHashSet();
        var mountPaths = new HashSet<string>();
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var path = $"{containerPath}.volumeMounts[{i}]";
            var mount = mounts![i];
            if (string.IsNullOrEmpty(mount.Name))
            {
                yield return FieldError.Required($"{path}.name");
            }
            else if (!known.Contains(mount.Name))
            {
                yield return FieldError.NotFound($"{path}.name", mount.Name);
            }

            foreach (var error in ValidateMountPath(mount.MountPath, $"{path}.mountPath", mountPaths))
            {
                yield return error;
            }

            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                if (mount.SubPath.StartsWith('/'))
                {
                    yield return FieldError.Invalid($"{path}.subPath", mount.SubPath, "must be a relative path");
                }
                else if (HasBacksteps(mount.SubPath))
                {
                    yield return FieldError.Invalid($"{path}.subPath", mount.SubPath, "must not contain '..'");
                }
            }
        }
    }

    private static IEnumerable<FieldError> ValidateMountPath(string? mountPath, string path, HashSet<string> seen)
    {
        if (string.IsNullOrEmpty(mountPath))
        {
            yield return FieldError.Required(path);
        }
        else if (!mountPath.StartsWith('/'))
        {
            yield return FieldError.Invalid(path, mountPath, "must be an absolute path");
        }
        else if (HasBacksteps(mountPath))
        {
            yield return FieldError.Invalid(path, mountPath, "must not contain '..'");
        }
        else if (mountPath.Trim('/').Length == 0)
        {
            yield return FieldError.Invalid(path, mountPath, "must not be the root directory");
        }
        else if (!seen.Add(mountPath.TrimEnd('/')))
        {
            yield return FieldError.Invalid(path, mountPath, "must be unique");
        }
    }

    private static IEnumerable<FieldError> ValidateSource(Volume volume, string path)
    {
        var sources = new List<string>();
        if (volume.EmptyDir is not null)
        {
            sources.Add("emptyDir");
        }

        if (volume.HostPath is not null)
        {
            sources.Add("hostPath");
        }

        if (volume.PersistentVolumeClaim is not null)
        {
            sources.Add("persistentVolumeClaim");
        }

        if (sources.Count == 0)
        {
            yield return FieldError.Required(path, "must specify a volume type");
            yield break;
        }

        if (sources.Count > 1)
        {
            yield return FieldError.Forbidden($"{path}.{sources[1]}", "may not specify more than 1 volume type");
            yield break;
        }

        var errors = volume.EmptyDir is { } emptyDir ? ValidateEmptyDir(emptyDir, $"{path}.emptyDir")
            : volume.HostPath is { } hostPath ? ValidateHostPath(hostPath, $"{path}.hostPath")
            : ValidateClaim(volume.PersistentVolumeClaim!, $"{path}.persistentVolumeClaim");
        foreach (var error in errors)
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidateEmptyDir(EmptyDirVolumeSource emptyDir, string path)
    {
        if (emptyDir.Medium is { } medium && !StorageMedia.All.Contains(medium))
        {
            yield return FieldError.NotSupported($"{path}.medium", medium, StorageMedia.All);
        }

        if (emptyDir.SizeLimit is { } limit)
        {
            if (!Quantity.TryParse(limit, out var bytes))
            {
                yield return FieldError.Invalid($"{path}.sizeLimit", limit, ResourceValidator.QuantityProblem);
            }
            else if (bytes <= 0)
            {
                yield return FieldError.Invalid($"{path}.sizeLimit", limit, "must be greater than zero");
            }
        }
    }

    private static IEnumerable<FieldError> ValidateHostPath(HostPathVolumeSource hostPath, string path)
    {
        if (string.IsNullOrEmpty(hostPath.Path))
        {
            yield return FieldError.Required($"{path}.path");
        }
        else if (!hostPath.Path.StartsWith('/'))
        {
            yield return FieldError.Invalid($"{path}.path", hostPath.Path, "must be an absolute path");
        }
        else if (HasBacksteps(hostPath.Path))
        {
            yield return FieldError.Invalid($"{path}.path", hostPath.Path, "must not contain '..'");
        }

        if (hostPath.Type is { } type && !HostPathTypes.All.Contains(type))
        {
            yield return FieldError.NotSupported($"{path}.type", type, HostPathTypes.All);
        }
    }

    private static IEnumerable<FieldError> ValidateClaim(PersistentVolumeClaimVolumeSource claim, string path)
    {
        if (string.IsNullOrEmpty(claim.ClaimName))
        {
            yield return FieldError.Required($"{path}.claimName");
        }
        else if (Names.CheckSubdomain(claim.ClaimName) is { } problem)
        {
            yield return FieldError.Invalid($"{path}.claimName", claim.ClaimName, problem);
        }
    }

    private static bool HasBacksteps(string path) => path.Split('/').Contains("..");
}
