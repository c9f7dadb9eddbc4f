using Platform.Api.Model;
using Platform.NodeAgent.Security;
using Platform.NodeAgent.Volumes;
using Platform.Oci.Model;
using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Runtime;

/// <summary>
/// Turns a pod's container and its image's config into an OCI runtime configuration, with Docker's
/// semantics: command replaces the image's ENTRYPOINT, args replace its CMD; the pod's environment
/// overrides the image's; limits become the container's cgroup.
/// </summary>
public static class ContainerSpecBuilder
{
    /// <summary>Contains a fork bomb; far above what a normal container starts.</summary>
    public const long DefaultPidsLimit = 4096;

    private const long CpuPeriodMicros = 100_000;

    public static RuntimeSpec Build(ContainerLaunch launch, ContainerConfig? image, string rootfs, string cgroupPath, IReadOnlyList<SpecMount>? volumeMounts = null)
    {
        var container = launch.Container;
        var spec = DefaultSpec.Create(Arguments(container, image));
        var process = spec.Process!;
        process.Env = Environment(container, image, launch.PodName);
        process.Cwd = container.WorkingDir ?? (image?.WorkingDir is { Length: > 0 } dir ? dir : "/");
        spec.Root = new SpecRoot { Path = rootfs };
        ContainerSecurity.Apply(spec, launch, image?.User, rootfs);
        spec.Mounts = VolumeMountSpec.Merge(spec.Mounts, volumeMounts ?? []);
        spec.Hostname = launch.PodName;
        spec.Linux!.CgroupsPath = cgroupPath;
        spec.Linux.Resources = Resources(container.Resources);
        return spec;
    }

    public static List<string> Arguments(Container container, ContainerConfig? image)
    {
        var entrypoint = container.Command ?? image?.Entrypoint?.ToList() ?? [];
        var cmd = container.Args ?? (container.Command is null ? image?.Cmd?.ToList() : null) ?? [];
        var arguments = entrypoint.Concat(cmd).ToList();
        return arguments.Count > 0
            ? arguments
            : throw new ContainerStartException("CreateContainerError", "no command specified: neither the pod nor the image gives one");
    }

    private static List<string> Environment(Container container, ContainerConfig? image, string podName)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOSTNAME"] = podName,
        };
        foreach (var entry in image?.Env ?? [])
        {
            var equals = entry.IndexOf('=');
            if (equals > 0)
            {
                variables[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            variables[variable.Name!] = variable.Value ?? string.Empty;
        }

        return variables.Select(v => $"{v.Key}={v.Value}").ToList();
    }

    private static SpecResources Resources(ResourceRequirements? resources)
    {
        var limits = ResourceAmounts.From(resources?.Limits);
        var requests = new PodSpec { Containers = [new Container { Resources = resources }] }.Requests();
        return new SpecResources
        {
            Memory = limits.MemoryBytes > 0 ? new SpecMemory { Limit = limits.MemoryBytes } : null,
            Cpu = new SpecCpu
            {
                Quota = limits.MilliCpu > 0 ? limits.MilliCpu * CpuPeriodMicros / 1000 : null,
                Period = limits.MilliCpu > 0 ? CpuPeriodMicros : null,
                Shares = (ulong)Math.Max(2, requests.MilliCpu * 1024 / 1000),
            },
            Pids = new SpecPids { Limit = DefaultPidsLimit },
        };
    }
}
