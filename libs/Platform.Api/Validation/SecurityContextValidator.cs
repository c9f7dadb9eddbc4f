using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates pod and container security contexts: ids in range, known capability names, no privileged containers.</summary>
public static class SecurityContextValidator
{
    private const long MaxId = int.MaxValue;

    public static IEnumerable<FieldError> ValidatePod(PodSecurityContext? context)
    {
        if (context is null)
        {
            yield break;
        }

        foreach (var error in ValidateIds(context.RunAsUser, context.RunAsGroup, "spec.securityContext"))
        {
            yield return error;
        }

        var groups = context.SupplementalGroups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] is < 0 or > MaxId)
            {
                yield return OutOfRange($"spec.securityContext.supplementalGroups[{i}]", groups[i]);
            }
        }
    }

    public static IEnumerable<FieldError> ValidateContainer(SecurityContext? context, string containerPath)
    {
        if (context is null)
        {
            yield break;
        }

        var path = $"{containerPath}.securityContext";
        foreach (var error in ValidateIds(context.RunAsUser, context.RunAsGroup, path))
        {
            yield return error;
        }

        if (context.Privileged == true)
        {
            // A privileged container needs every device and an unmasked /proc and /sys: not built.
            yield return FieldError.Forbidden($"{path}.privileged", "privileged containers are not supported on this platform");
        }

        foreach (var error in ValidateCapabilities(context.Capabilities?.Add, $"{path}.capabilities.add"))
        {
            yield return error;
        }

        foreach (var error in ValidateCapabilities(context.Capabilities?.Drop, $"{path}.capabilities.drop"))
        {
            yield return error;
        }

        if (context.AllowPrivilegeEscalation == false
            && (context.Capabilities?.Add ?? []).Any(c => LinuxCapabilities.Normalize(c) is "SYS_ADMIN" or LinuxCapabilities.All))
        {
            yield return FieldError.Invalid($"{path}.allowPrivilegeEscalation", "false", "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
        }
    }

    private static IEnumerable<FieldError> ValidateIds(long? user, long? group, string path)
    {
        if (user is < 0 or > MaxId)
        {
            yield return OutOfRange($"{path}.runAsUser", user.Value);
        }

        if (group is < 0 or > MaxId)
        {
            yield return OutOfRange($"{path}.runAsGroup", group.Value);
        }
    }

    private static IEnumerable<FieldError> ValidateCapabilities(List<string>? names, string path)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (LinuxCapabilities.Normalize(names![i]) is null)
            {
                yield return FieldError.Invalid($"{path}[{i}]", names[i], "unknown capability: must be a Linux capability name such as NET_ADMIN, or ALL");
            }
        }
    }

    private static FieldError OutOfRange(string field, long value) =>
        FieldError.Invalid(field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 2147483647, inclusive");
}
