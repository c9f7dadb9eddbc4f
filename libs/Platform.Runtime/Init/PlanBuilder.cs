using Platform.Runtime.Linux;
using Platform.Runtime.Spec;

namespace Platform.Runtime.Init;

/// <summary>Turns a validated spec into the native plan the container's init follows.</summary>
public static unsafe class PlanBuilder
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static readonly string[] DefaultDevices = ["null", "zero", "full", "random", "urandom", "tty"];

    private static readonly (string Link, string Target)[] DefaultSymlinks =
    [
        ("/dev/fd", "/proc/self/fd"), ("/dev/stdin", "/proc/self/fd/0"), ("/dev/stdout", "/proc/self/fd/1"),
        ("/dev/stderr", "/proc/self/fd/2"), ("/dev/ptmx", "pts/ptmx"), ("/dev/core", "/proc/kcore"),
    ];

    public static InitPlan Build(RuntimeSpec spec, string rootfs, string? execFifo, bool unifiedCgroups)
    {
        // Only namespaces without a path are new; those with one are joined (see NamespaceJoins).
        var namespaces = (spec.Linux?.Namespaces ?? []).Where(n => n.Path is null).Select(n => n.Type!).ToHashSet();
        var process = spec.Process!;
        var env = process.Env ?? [];
        return new InitPlan
        {
            CloneFlags = CloneFlags(namespaces),
            NewCgroupNamespace = namespaces.Contains("cgroup"),
            Rootfs = Native.Utf8(rootfs),
            Mounts = (spec.Mounts ?? []).Select(m => MountOf(m, rootfs, unifiedCgroups)).ToArray(),
            Devices = DefaultDevices.Select(d => new DeviceOperation { HostPath = Native.Utf8($"/dev/{d}"), Target = Native.Utf8(RootfsPaths.Join(rootfs, $"/dev/{d}")) }).ToArray(),
            Symlinks = DefaultSymlinks.Select(s => new SymlinkOperation { LinkTarget = Native.Utf8(s.Target), Path = Native.Utf8(RootfsPaths.Join(rootfs, s.Link)) }).ToArray(),
            Hostname = namespaces.Contains("uts") && spec.Hostname is { } host ? Native.Utf8(host) : null,
            HostnameLength = (nuint)System.Text.Encoding.UTF8.GetByteCount(spec.Hostname ?? ""),
            LoopbackUp = namespaces.Contains("network"),
            MaskedPaths = (spec.Linux?.MaskedPaths ?? []).Select(p => (nint)Native.Utf8(p)).ToArray(),
            ReadonlyPaths = (spec.Linux?.ReadonlyPaths ?? []).Select(p => (nint)Native.Utf8(p)).ToArray(),
            ReadonlyRoot = spec.Root!.Readonly,
            Rlimits = (process.Rlimits ?? []).Select(r => new RlimitOperation { Resource = Rlimits.Resource(r.Type!), Soft = r.Soft, Hard = r.Hard }).ToArray(),
            NoNewPrivileges = process.NoNewPrivileges,
            SetCapabilities = process.Capabilities is not null,
            BoundingCapabilities = Capabilities.Mask(process.Capabilities?.Bounding),
            EffectiveCapabilities = Capabilities.Mask(process.Capabilities?.Effective),
            PermittedCapabilities = Capabilities.Mask(process.Capabilities?.Permitted),
            InheritableCapabilities = Capabilities.Mask(process.Capabilities?.Inheritable),
            Uid = process.User?.Uid ?? 0,
            Gid = process.User?.Gid ?? 0,
            AdditionalGids = process.User?.AdditionalGids?.ToArray() ?? [],
            WorkingDirectory = Native.Utf8(process.Cwd is { Length: > 0 } cwd ? cwd : "/"),
            Argv = Native.Utf8Array(process.Args!),
            Envp = Native.Utf8Array(env),
            ExecCandidates = ExecCandidates(process.Args![0], env).Select(c => (nint)Native.Utf8(c)).ToArray(),
            ExecFifo = execFifo is null ? null : Native.Utf8(execFifo),
        };
    }

    private static int CloneFlags(HashSet<string> namespaces) =>
        (namespaces.Contains("pid") ? Native.CloneNewPid : 0)
        | (namespaces.Contains("mount") ? Native.CloneNewNs : 0)
        | (namespaces.Contains("uts") ? Native.CloneNewUts : 0)
        | (namespaces.Contains("ipc") ? Native.CloneNewIpc : 0)
        | (namespaces.Contains("network") ? Native.CloneNewNet : 0);

    private static MountOperation MountOf(SpecMount mount, string rootfs, bool unifiedCgroups)
    {
        var (flags, data) = MountOptions.Parse(mount.Options);
        var type = mount.Type;
        var source = mount.Source;
        if (type == "cgroup")
        {
            // On the v1 hybrid layout the controllers are not mounted into the container; an empty read-only tmpfs stands there.
            (type, source, data) = unifiedCgroups ? ("cgroup2", "cgroup2", null) : ("tmpfs", "tmpfs", "mode=755");
        }

        var bind = MountOptions.IsBind(flags);
        var fileSource = bind && File.Exists(source);
        return new MountOperation
        {
            Source = Native.Utf8(bind ? Path.GetFullPath(source ?? "") : source ?? type),
            Target = Native.Utf8(RootfsPaths.Join(rootfs, mount.Destination ?? throw new RuntimeException("a mount has no destination"))),
            Type = bind ? null : Native.Utf8(type),
            Flags = flags,
            Data = Native.Utf8(data),
            MakeDirectory = !fileSource,
            MakeFile = fileSource,
            RemountReadonly = bind && (flags & Native.MsRdonly) != 0,
        };
    }

    /// <summary>Where execve should look for the program: as given if it has a slash, else along the container's PATH.</summary>
    public static IReadOnlyList<string> ExecCandidates(string program, IReadOnlyList<string> env)
    {
        if (program.Contains('/'))
        {
            return [program];
        }

        var path = env.LastOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?[5..] ?? DefaultPath;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => $"{dir.TrimEnd('/')}/{program}").ToList();
    }
}
