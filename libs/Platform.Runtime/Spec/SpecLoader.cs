using System.Text.Json;

namespace Platform.Runtime.Spec;

/// <summary>Reads a bundle's config.json and refuses what this runtime cannot honour, before anything is created.</summary>
public static class SpecLoader
{
    private static readonly string[] SupportedNamespaces = ["pid", "network", "mount", "ipc", "uts", "cgroup"];

    // The init joins these with setns in the forked child. A pid namespace would need a second fork
    // (setns only moves later children) and a joined mount namespace would lose the bundle's rootfs.
    private static readonly string[] JoinableNamespaces = ["network", "ipc", "uts", "cgroup"];

    public static RuntimeSpec Load(string bundle)
    {
        var path = Path.Combine(bundle, "config.json");
        if (!File.Exists(path))
        {
            throw new RuntimeException($"bundle {bundle} has no config.json");
        }

        RuntimeSpec spec;
        try
        {
            spec = JsonSerializer.Deserialize(File.ReadAllText(path), RuntimeJson.Default.RuntimeSpec)
                ?? throw new RuntimeException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new RuntimeException($"{path} is not valid JSON: {e.Message}");
        }

        Validate(spec, bundle);
        return spec;
    }

    public static string RootfsOf(RuntimeSpec spec, string bundle) =>
        Path.GetFullPath(Path.Combine(bundle, spec.Root!.Path!));

    private static void Validate(RuntimeSpec spec, string bundle)
    {
        if (spec.Process?.Args is not { Count: > 0 })
        {
            throw new RuntimeException("process.args must name the program to run");
        }

        if (spec.Root?.Path is not { Length: > 0 } || !Directory.Exists(RootfsOf(spec, bundle)))
        {
            throw new RuntimeException($"root.path {spec.Root?.Path} is not a directory in the bundle");
        }

        foreach (var ns in spec.Linux?.Namespaces ?? [])
        {
            if (ns.Type == "user")
            {
                throw new RuntimeException("user namespaces are not supported by this runtime yet");
            }

            if (!SupportedNamespaces.Contains(ns.Type))
            {
                throw new RuntimeException($"unknown namespace type \"{ns.Type}\"");
            }

            if (ns.Path is not null && !JoinableNamespaces.Contains(ns.Type))
            {
                throw new RuntimeException($"joining an existing {ns.Type} namespace (path {ns.Path}) is not supported");
            }
        }

        if (spec.Linux?.Resources?.Memory?.Limit is < 0 || spec.Linux?.Resources?.Pids?.Limit is < -1)
        {
            throw new RuntimeException("linux.resources: limits must not be negative");
        }
    }
}
