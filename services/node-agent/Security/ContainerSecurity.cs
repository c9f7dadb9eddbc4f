using System.Globalization;
using Platform.Api.Model;
using Platform.NodeAgent.Runtime;
using Platform.Runtime.Spec;
using RuntimeCapabilities = Platform.Runtime.Init.Capabilities;

namespace Platform.NodeAgent.Security;

/// <summary>
/// A pod's and container's securityContext in the OCI spec, as the kubelet and containerd apply it: the
/// container's settings win over the pod's, runAsUser replaces the image's USER, capabilities are Docker's
/// default set with drops and adds, no_new_privs only when privilege escalation is refused.
/// </summary>
public static class ContainerSecurity
{
    public static void Apply(RuntimeSpec spec, ContainerLaunch launch, string? imageUser, string rootfs)
    {
        var pod = launch.PodSpec.SecurityContext;
        var container = launch.Container.SecurityContext;
        var process = spec.Process!;
        var runAsUser = container?.RunAsUser ?? pod?.RunAsUser;
        var runAsGroup = container?.RunAsGroup ?? pod?.RunAsGroup;
        var (uid, gid) = ImageUser.Resolve(runAsUser is { } user ? user.ToString(CultureInfo.InvariantCulture) : imageUser, rootfs);
        if ((container?.RunAsNonRoot ?? pod?.RunAsNonRoot) == true && uid == 0)
        {
            var problem = runAsUser is null ? "container has runAsNonRoot and image will run as root" : "container's runAsUser breaks non-root policy";
            throw new ContainerStartException("CreateContainerConfigError", $"{problem} (pod: \"{launch.PodName}\", container: {launch.Container.Name})");
        }

        process.User = new SpecUser
        {
            Uid = uid,
            Gid = runAsGroup is { } group ? (uint)group : gid,
            AdditionalGids = pod?.SupplementalGroups is { Count: > 0 } groups ? groups.Select(g => (uint)g).ToList() : null,
        };
        spec.Root!.Readonly = container?.ReadOnlyRootFilesystem == true;
        process.NoNewPrivileges = container?.AllowPrivilegeEscalation == false;
        var capabilities = Capabilities(container?.Capabilities);
        process.Capabilities = new SpecCapabilities { Bounding = capabilities, Effective = [.. capabilities], Permitted = [.. capabilities] };
    }

    /// <summary>Docker's default set, less the drops (all of it for "ALL"), plus the adds: an add wins over a drop.</summary>
    public static List<string> Capabilities(Platform.Api.Model.Capabilities? requested)
    {
        var drops = Names(requested?.Drop);
        var adds = Names(requested?.Add);
        var result = drops.Contains(LinuxCapabilities.All) ? [] : RuntimeCapabilities.DockerDefault.Where(c => !drops.Contains(c[4..])).ToList();
        var added = adds.Contains(LinuxCapabilities.All) ? LinuxCapabilities.Names : adds;
        result.AddRange(added.Where(a => a != LinuxCapabilities.All).Select(a => "CAP_" + a).Where(c => !result.Contains(c)));
        return result;
    }

    private static List<string> Names(List<string>? names) =>
        (names ?? []).Select(LinuxCapabilities.Normalize).OfType<string>().ToList();
}
